namespace Verify.Symbolic.Core;

/// <summary>
/// The signs an expression may take, as a set: {negative, zero, positive}.
/// Products and sums of sign sets are computed exactly on the set, so "unknown" is just the full set.
/// </summary>
[Flags]
public enum SignSet : byte
{
    None = 0,
    Negative = 1,
    Zero = 2,
    Positive = 4,
    NonPositive = Negative | Zero,
    NonZero = Negative | Positive,
    NonNegative = Zero | Positive,
    Any = Negative | Zero | Positive,
}

public static class SignSets
{
    /// <summary>True when every sign in <paramref name="s"/> is allowed by <paramref name="required"/>.</summary>
    public static bool Within(this SignSet s, SignSet required) => s != SignSet.None && (s & ~required) == 0;

    public static SignSet Of(int sign) => sign switch { < 0 => SignSet.Negative, 0 => SignSet.Zero, _ => SignSet.Positive };

    public static SignSet Negate(this SignSet s)
    {
        var r = s & SignSet.Zero;
        if ((s & SignSet.Negative) != 0) r |= SignSet.Positive;
        if ((s & SignSet.Positive) != 0) r |= SignSet.Negative;
        return r;
    }

    public static SignSet Times(this SignSet a, SignSet b)
    {
        var r = SignSet.None;
        foreach (var x in Members(a))
            foreach (var y in Members(b))
                r |= Of(x * y);
        return r;
    }

    public static SignSet Plus(this SignSet a, SignSet b)
    {
        var r = SignSet.None;
        foreach (var x in Members(a))
            foreach (var y in Members(b))
                r |= x == 0 ? Of(y) : y == 0 ? Of(x) : x == y ? Of(x) : SignSet.Any;
        return r;
    }

    static IEnumerable<int> Members(SignSet s)
    {
        if ((s & SignSet.Negative) != 0) yield return -1;
        if ((s & SignSet.Zero) != 0) yield return 0;
        if ((s & SignSet.Positive) != 0) yield return 1;
    }

    public static string Describe(this SignSet s) => s switch
    {
        SignSet.Positive => "> 0",
        SignSet.Negative => "< 0",
        SignSet.Zero => "= 0",
        SignSet.NonNegative => ">= 0",
        SignSet.NonPositive => "<= 0",
        SignSet.NonZero => "!= 0",
        _ => "of unknown sign",
    };
}
