using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>
/// Signs of sub-expressions over one box, restricted to the domain: for each expression, the
/// signs it takes at the box's points that meet every constraint, wherever it is defined there.
/// Three sources are intersected: the interval enclosure over the box; the constraint's own sign
/// when the expression is a constraint's expression; and the structural rules
/// (<see cref="StructuralSign"/>) applied to the children's signs. The last is used only where
/// the expression is defined throughout the box, so that every child is too.
/// This proves what an enclosure alone cannot on boxes that straddle a constraint's boundary:
/// f = g·σ with the constraint g &gt; 0 and σ &gt; 0 on the box is positive on the domain even though f
/// takes negative values on the box outside it.
/// </summary>
internal sealed class DomainSignOracle(
    IReadOnlyDictionary<Symbol, Interval> box,
    IReadOnlyDictionary<Expr, SignSet> constrained,
    IntervalFunctionTable? functions) : ISignOracle
{
    static readonly IReadOnlyDictionary<Expr, SignSet> NoConstraints = new Dictionary<Expr, SignSet>();

    readonly Dictionary<Expr, SignSet> _known = [];

    /// <summary>An oracle for the whole box, with no constraints (as for differentiation side conditions).</summary>
    public static DomainSignOracle Unconstrained(IReadOnlyDictionary<Symbol, Interval> box, IntervalFunctionTable? functions) =>
        new(box, NoConstraints, functions);

    /// <summary>The expression of each constraint, mapped to the sign it has on the domain.</summary>
    public static IReadOnlyDictionary<Expr, SignSet> SignsOf(IEnumerable<DomainConstraint> constraints)
    {
        var map = new Dictionary<Expr, SignSet>();
        foreach (var c in constraints)
            map[c.Expression] = map.TryGetValue(c.Expression, out var s) ? s & c.Sign : c.Sign;
        return map;
    }

    public SignSet SignOf(Expr e)
    {
        if (_known.TryGetValue(e, out var known)) return known;
        var enclosure = IntervalEvaluator.Evaluate(e, box, functions);
        var sign = SignOfValues(enclosure);
        if (constrained.TryGetValue(e, out var c)) sign &= c;
        if (!enclosure.MayBeUndefined) sign &= StructuralSign.Of(e, this);
        _known[e] = sign;
        return sign;
    }

    /// <summary>The signs of the values an enclosure holds (where the expression is defined).</summary>
    static SignSet SignOfValues(Interval x)
    {
        if (x.IsEmpty) return SignSet.None;
        var s = SignSet.None;
        if (x.Lo < 0) s |= SignSet.Negative;
        if (x.Lo <= 0 && x.Hi >= 0) s |= SignSet.Zero;
        if (x.Hi > 0) s |= SignSet.Positive;
        return s;
    }
}
