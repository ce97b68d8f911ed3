using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>What one box's enclosures decide.</summary>
internal enum BoxVerdict
{
    /// <summary>The goal holds at every point of the box that lies in the domain.</summary>
    Proved,
    /// <summary>No point of the box lies in the domain.</summary>
    Pruned,
    /// <summary>Nothing decided; the box must be probed or split.</summary>
    Open,
}

/// <summary>
/// Decides a box from enclosures, cheapest first: a constraint that fails on the whole box
/// prunes it; f's plain enclosure; then, if f is defined throughout, the enclosure with
/// monotone variables fixed at the deciding face; and on a box that straddles a constraint's
/// boundary, the sign analysis that knows each constraint's sign on the domain.
/// </summary>
internal sealed class BoxJudge(
    Expr f, SignGoal goal, IReadOnlyList<Symbol> symbols, IReadOnlyList<DomainConstraint> constraints,
    MonotoneNarrowing? monotonicity, IntervalFunctionTable? functions)
{
    readonly IReadOnlyDictionary<Expr, SignSet> _constraintSigns = DomainSignOracle.SignsOf(constraints);
    // Prepared once: every box encloses the same expressions.
    readonly IntervalProgram _f = IntervalProgram.Compile(f, functions);
    readonly (DomainConstraint Constraint, IntervalProgram Program)[] _constraints =
        constraints.Select(c => (c, IntervalProgram.Compile(c.Expression, functions))).ToArray();

    public BoxVerdict Judge(SearchBox box)
    {
        var intervals = box.ToIntervals(symbols);
        var insideDomain = true;
        foreach (var (c, program) in _constraints)
        {
            var g = program.Evaluate(intervals);
            if (c.ExcludesAll(g)) return BoxVerdict.Pruned;
            insideDomain &= c.HoldsThroughout(g);
        }

        var enclosure = _f.Evaluate(intervals);
        if (goal.IsProvedBy(enclosure)) return BoxVerdict.Proved;
        // The refinements below argue about f's values, so they need f defined on the whole box.
        if (enclosure.MayBeUndefined) return BoxVerdict.Open;
        if (monotonicity is not null && monotonicity.Proves(intervals)) return BoxVerdict.Proved;
        if (!insideDomain && new DomainSignOracle(intervals, _constraintSigns, functions).SignOf(f).Within(goal.Allowed()))
            return BoxVerdict.Proved;
        return BoxVerdict.Open;
    }
}
