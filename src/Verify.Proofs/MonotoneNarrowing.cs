using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>
/// Where a partial derivative of f keeps one sign over a box, f is monotone in that variable
/// there, so f's minimum (or maximum) over the box lies on one face: the variable can be fixed
/// at that end before enclosing f. Fixing every monotone variable this way removes their
/// dependency error, and when all are monotone the enclosure shrinks to a point evaluation.
/// This is what proves claims whose margin vanishes towards an edge of the box.
/// The derivatives are taken once, symbolically, with side conditions (a positive base for a
/// variable exponent, a branch of max/min/abs) proved over the whole initial box, so they hold
/// on every box of the search. An expression with an integral gets no narrowing: the side
/// conditions inside an integrand concern its integration variable, which no box describes.
/// </summary>
internal sealed class MonotoneNarrowing
{
    readonly IntervalProgram _f;
    readonly SignGoal _goal;
    readonly (Symbol Symbol, IntervalProgram Derivative)[] _partials;

    MonotoneNarrowing(Expr f, SignGoal goal, IntervalFunctionTable? functions, (Symbol, Expr)[] partials)
    {
        _f = IntervalProgram.Compile(f, functions);
        _goal = goal;
        _partials = partials.Select(p => (p.Item1, IntervalProgram.Compile(p.Item2, functions))).ToArray();
    }

    /// <summary>The narrowing for f, or null when no partial derivative can be taken and enclosed.</summary>
    public static MonotoneNarrowing? Create(
        Expr f, IReadOnlyList<Symbol> symbols, IReadOnlyDictionary<Symbol, Interval> initialBox,
        SignGoal goal, IntervalFunctionTable? functions)
    {
        if (f.Any(e => e is Integral)) return null;
        var oracle = DomainSignOracle.Unconstrained(initialBox, functions);
        var partials = new List<(Symbol, Expr)>();
        foreach (var s in symbols)
        {
            if (!f.Contains(s)) continue;
            try
            {
                var d = Differentiation.Derivative(f, s, oracle: oracle);
                IntervalEvaluator.Evaluate(d, initialBox, functions); // a partial of an unknown function has no enclosure
                partials.Add((s, d));
            }
            catch (Exception ex) when (ex is DifferentiationException or EvaluationException or NotSupportedException)
            {
                // This variable simply gets no narrowing.
            }
        }
        return partials.Count == 0 ? null : new MonotoneNarrowing(f, goal, functions, [.. partials]);
    }

    /// <summary>
    /// True when the enclosure of f over the narrowed box proves the goal. The caller has
    /// checked that f is defined throughout the box.
    /// </summary>
    public bool Proves(IReadOnlyDictionary<Symbol, Interval> box)
    {
        Dictionary<Symbol, Interval>? narrowed = null;
        foreach (var (s, d) in _partials)
        {
            var slope = d.Evaluate(box);
            if (slope.MayBeUndefined || slope.IsEmpty) continue;
            bool increasing = slope.Lo >= 0, decreasing = slope.Hi <= 0;
            if (!increasing && !decreasing) continue;
            // A lower-bound goal needs the minimum: the low end where f increases, the high end where it decreases.
            var atLow = _goal.IsLowerBound() == increasing;
            var range = box[s];
            narrowed ??= new Dictionary<Symbol, Interval>(box);
            narrowed[s] = new Interval(atLow ? range.Lo : range.Hi);
        }
        return narrowed is not null && _goal.IsProvedBy(_f.Evaluate(narrowed));
    }
}
