using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>
/// Proves that an expression has a sign everywhere on a box (optionally only where some
/// constraints hold) by interval branch and bound, or finds a point where it does not.
/// A verdict is never wrong: "proved" rests on outward-rounded enclosures, a counterexample
/// is confirmed by interval evaluation at the point, and whatever the limits leave open is
/// reported as undecided.
/// </summary>
public static class SignProver
{
    /// <param name="f">The expression whose sign is claimed.</param>
    /// <param name="box">A closed, bounded range for every free symbol of f and of the constraints.</param>
    /// <param name="goal">The claimed sign.</param>
    /// <param name="options">Constraints and limits; <see cref="ProofOptions.Default"/> when null.</param>
    public static ProofResult Prove(Expr f, IReadOnlyDictionary<Symbol, (double Lo, double Hi)> box, SignGoal goal, ProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(box);
        if (!Enum.IsDefined(goal)) throw new ArgumentOutOfRangeException(nameof(goal));
        options ??= ProofOptions.Default;
        options.Validate();

        var symbols = SymbolsOf(f, options.Constraints, box);
        var lo = symbols.Select(s => box[s].Lo).ToArray();
        var hi = symbols.Select(s => box[s].Hi).ToArray();
        var root = new SearchBox(lo, hi, 0);

        var monotonicity = options.UseMonotonicity
            ? MonotoneNarrowing.Create(f, symbols, root.ToIntervals(symbols), goal, options.IntervalFunctions)
            : null;
        var judge = new BoxJudge(f, goal, symbols, options.Constraints, monotonicity, options.IntervalFunctions);
        var probe = new CentreProbe(f, goal, symbols, options.Constraints, options.Functions, options.IntervalFunctions);
        var search = new BoxSearch(symbols, goal, judge, probe, new BoxSplitter(lo, hi), options);
        return search.Run(root);
    }

    /// <summary>The dimensions of the search: the free symbols of f and the constraints, in name order (for determinism).</summary>
    static IReadOnlyList<Symbol> SymbolsOf(Expr f, IReadOnlyList<DomainConstraint> constraints, IReadOnlyDictionary<Symbol, (double Lo, double Hi)> box)
    {
        var free = constraints.Aggregate(f.FreeSymbols(), (acc, c) => acc.Union(c.Expression.FreeSymbols()));
        var symbols = free.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Sign).ToList();
        foreach (var s in symbols)
        {
            if (!box.TryGetValue(s, out var r))
                throw new ArgumentException($"the box gives no range for '{s.Name}'", nameof(box));
            if (!double.IsFinite(r.Lo) || !double.IsFinite(r.Hi) || r.Lo > r.Hi)
                throw new ArgumentException($"the range of '{s.Name}' must be finite with lo <= hi, got [{r.Lo}, {r.Hi}]", nameof(box));
        }
        return symbols;
    }
}
