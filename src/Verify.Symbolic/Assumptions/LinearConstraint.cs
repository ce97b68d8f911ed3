using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>How a linear form compares with zero in a constraint.</summary>
public enum LinearKind { EqualZero, AtLeastZero, AboveZero }

/// <summary>A linear constraint "Form = 0", "Form ≥ 0" or "Form &gt; 0" over atoms; Source says where it came from.</summary>
public sealed record LinearConstraint(LinearForm Form, LinearKind Kind, string Source)
{
    /// <summary>The constraints that say "form has a sign in <paramref name="sign"/>"; none when the set says nothing linear (≠ 0, any).</summary>
    public static IEnumerable<LinearConstraint> FromSign(LinearForm form, SignSet sign, string source)
    {
        switch (sign)
        {
            case SignSet.Zero: yield return new(form, LinearKind.EqualZero, source); break;
            case SignSet.Positive: yield return new(form, LinearKind.AboveZero, source); break;
            case SignSet.NonNegative: yield return new(form, LinearKind.AtLeastZero, source); break;
            case SignSet.Negative: yield return new(Negate(form), LinearKind.AboveZero, source); break;
            case SignSet.NonPositive: yield return new(Negate(form), LinearKind.AtLeastZero, source); break;
        }
    }

    /// <summary>The constraints that bound a form to an interval.</summary>
    public static IEnumerable<LinearConstraint> FromInterval(LinearForm form, Interval interval, string source)
    {
        if (interval.IsEmpty) yield break;
        if (interval.Lo is { } lo)
            yield return new(Shift(form, -lo), interval.LoClosed ? LinearKind.AtLeastZero : LinearKind.AboveZero, source);
        if (interval.Hi is { } hi)
            yield return new(Shift(Negate(form), hi), interval.HiClosed ? LinearKind.AtLeastZero : LinearKind.AboveZero, source);
    }

    static LinearForm Negate(LinearForm f) =>
        new(f.Coefficients.ToDictionary(kv => kv.Key, kv => -kv.Value), -f.Constant);

    static LinearForm Shift(LinearForm f, Rational by) => new(f.Coefficients, f.Constant + by);
}
