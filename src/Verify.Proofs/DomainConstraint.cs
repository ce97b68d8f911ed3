using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>
/// A condition g &gt; 0 (strict) or g ≥ 0 that a point must meet to belong to the domain of a
/// claim. A point where g is undefined does not meet it.
/// </summary>
public sealed record DomainConstraint(Expr Expression, bool Strict)
{
    /// <summary>The condition g &gt; 0.</summary>
    public static DomainConstraint Positive(Expr g) => new(g, true);

    /// <summary>The condition g ≥ 0.</summary>
    public static DomainConstraint NonNegative(Expr g) => new(g, false);

    /// <summary>The signs g takes at every point that meets the condition.</summary>
    public SignSet Sign => Strict ? SignSet.Positive : SignSet.NonNegative;

    /// <summary>True when no point of the box meets the condition: where g is defined it fails.</summary>
    internal bool ExcludesAll(Interval g) => g.IsEmpty || (Strict ? g.Hi <= 0 : g.Hi < 0);

    /// <summary>True when every point of the box meets the condition.</summary>
    internal bool HoldsThroughout(Interval g) =>
        !g.MayBeUndefined && !g.IsEmpty && (Strict ? g.Lo > 0 : g.Lo >= 0);

    public override string ToString() => $"{Expression} {(Strict ? ">" : ">=")} 0";
}
