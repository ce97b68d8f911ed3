using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// The traversal every rewrite here shares: children first, each node rebuilt through the canonical
/// rules of the oracle, then the rewrite itself. An integral's body is rewritten under a
/// <see cref="BoundVariableOracle"/>, so assumptions about a free symbol never leak onto the bound one.
/// Unchanged subtrees come back as the same objects.
/// </summary>
internal static class BottomUp
{
    /// <param name="rebuildAll">Rebuild every node even when no child changed (to re-canonicalise under a new oracle).</param>
    public static Expr Rewrite(Expr e, ISignOracle oracle, Func<Expr, ISignOracle, Expr> rewrite, bool rebuildAll)
    {
        StackGuard.Ensure();
        Expr node;
        if (e is Integral i)
        {
            var inner = new BoundVariableOracle(oracle, i.Variable);
            var body = Rewrite(i.Body, inner, rewrite, rebuildAll);
            var lo = Rewrite(i.Lower, oracle, rewrite, rebuildAll);
            var hi = Rewrite(i.Upper, oracle, rewrite, rebuildAll);
            node = ReferenceEquals(body, i.Body) && ReferenceEquals(lo, i.Lower) && ReferenceEquals(hi, i.Upper)
                ? e : Canonical.Integral(body, i.Variable, lo, hi);
            return Same(e, node);   // the integral node itself has no rule to apply
        }
        var kids = e.Children;
        if (kids.Count == 0) return Same(e, rewrite(e, oracle));
        Expr[]? changed = null;
        for (int k = 0; k < kids.Count; k++)
        {
            var c = Rewrite(kids[k], oracle, rewrite, rebuildAll);
            if (!ReferenceEquals(c, kids[k])) { changed ??= [.. kids]; changed[k] = c; }
        }
        node = changed is not null ? Canonical.Rebuild(e, changed, oracle)
             : rebuildAll ? Canonical.Rebuild(e, kids, oracle) : e;
        return Same(e, rewrite(node, oracle));
    }

    /// <summary>The original object when the result is equal to it, so callers can test for change by reference.</summary>
    public static Expr Same(Expr original, Expr result) => result.Equals(original) ? original : result;
}
