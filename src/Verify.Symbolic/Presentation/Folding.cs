using Verify.Symbolic.Algebra;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Symbolic.Presentation;

/// <summary>
/// Writes an abbreviation back into an expression: with beta = rho/(sigma - 1), rho is replaced by
/// beta*(sigma - 1) and the result simplified, so phi^(rho/(sigma - 1)) becomes phi^beta and
/// (rho - sigma + 1)/(sigma - 1) becomes beta - 1; then every part that reads shorter in the raw
/// parameters (an exponent 1/rho, say) is written back in them. A folded form is returned only
/// when substituting the definition back gives the very same canonical expression, or a
/// difference that simplifies to zero.
/// </summary>
public static class Folding
{
    /// <summary>Parts larger than this are not compared with their raw form (each comparison simplifies).</summary>
    const int MaxUnfoldedPart = 40;

    public static IEnumerable<Expr> Fold(Expr e, Abbreviation abbreviation, ISignOracle oracle)
    {
        var back = new Dictionary<Expr, Expr> { [abbreviation.Name] = abbreviation.Definition };
        var raw = Simplifier.Simplify(e.Substitute(back, oracle), oracle);
        foreach (var s in abbreviation.Definition.FreeSymbols().OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!e.Contains(s)) continue;
            var solved = Solver.Solve(new Relation(abbreviation.Name, RelationOperator.Equal, abbreviation.Definition), s, oracle);
            if (!solved.Success || solved.Solution is not { } value) continue;
            foreach (var folded in Rewritten(e.Substitute(new Dictionary<Expr, Expr> { [s] = value }, oracle), oracle))
            {
                if (!folded.Contains(abbreviation.Name)) continue;
                var mixed = Unfold(folded, back, oracle);
                if (Equal(mixed, raw, back, oracle)) yield return mixed;
            }
        }
    }

    /// <summary>The substituted form simplified, and as one fraction with common factors cancelled ((beta*sigma - beta - sigma + 1)/(sigma - 1) = beta - 1).</summary>
    static IEnumerable<Expr> Rewritten(Expr substituted, ISignOracle oracle)
    {
        var simplified = Simplifier.Simplify(substituted, oracle);
        yield return simplified;
        var cancelled = Simplifier.Simplify(Rationals.Cancel(Rationals.Together(substituted, oracle), oracle), oracle);
        if (!cancelled.Equals(simplified)) yield return cancelled;
    }

    /// <summary>Bottom-up, each small part containing the name is replaced by its raw form when that prints shorter.</summary>
    static Expr Unfold(Expr e, IReadOnlyDictionary<Expr, Expr> back, ISignOracle oracle) =>
        BottomUp.Rewrite(e, oracle, (node, o) =>
        {
            if (node.Size > MaxUnfoldedPart || node is Symbol || !node.Contains((Symbol)back.Keys.First())) return node;
            var raw = Simplifier.Simplify(node.Substitute(back, o), o);
            return PlainPrinter.Print(raw).Length < PlainPrinter.Print(node).Length ? raw : node;
        }, rebuildAll: false);

    static bool Equal(Expr folded, Expr raw, IReadOnlyDictionary<Expr, Expr> back, ISignOracle oracle)
    {
        var unfolded = Simplifier.Simplify(folded.Substitute(back, oracle), oracle);
        if (unfolded.Equals(raw)) return true;
        var difference = Simplifier.Simplify(Expr.Sub(unfolded, raw), oracle);
        return difference is Number { Value.IsZero: true } || Expansion.ExpandsToZero(difference, oracle);
    }
}
