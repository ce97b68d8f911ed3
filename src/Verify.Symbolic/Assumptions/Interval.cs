using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// A set of real numbers between two ends, each open or closed, with exact rational ends; a null
/// end is infinite (and always open). Used as a sound enclosure: every value an expression can
/// take at an admissible point lies inside, so an open end is claimed only when it is never reached.
/// </summary>
public sealed class Interval : IEquatable<Interval>
{
    public Rational? Lo { get; }
    public bool LoClosed { get; }
    public Rational? Hi { get; }
    public bool HiClosed { get; }
    public bool IsEmpty { get; }

    Interval(Rational? lo, bool loClosed, Rational? hi, bool hiClosed, bool empty)
    {
        Lo = lo; Hi = hi; IsEmpty = empty;
        LoClosed = lo.HasValue && loClosed;
        HiClosed = hi.HasValue && hiClosed;
    }

    /// <summary>The interval between the given ends; empty when they cross (or meet at an open end).</summary>
    public static Interval Of(Rational? lo, bool loClosed, Rational? hi, bool hiClosed)
    {
        if (lo is { } l && hi is { } h && (l > h || (l == h && !(loClosed && hiClosed)))) return Empty;
        return new Interval(lo, loClosed, hi, hiClosed, false);
    }

    public static readonly Interval Empty = new(null, false, null, false, true);
    public static readonly Interval Full = new(null, false, null, false, false);
    public static readonly Interval Positive = Of(Rational.Zero, false, null, false);
    public static readonly Interval NonNegative = Of(Rational.Zero, true, null, false);
    public static readonly Interval Negative = Of(null, false, Rational.Zero, false);
    public static readonly Interval NonPositive = Of(null, false, Rational.Zero, true);
    public static Interval Point(Rational r) => Of(r, true, r, true);

    /// <summary>The smallest interval holding every number of the given signs.</summary>
    public static Interval FromSign(SignSet s) => s switch
    {
        SignSet.None => Empty,
        SignSet.Zero => Point(Rational.Zero),
        SignSet.Positive => Positive,
        SignSet.Negative => Negative,
        SignSet.NonNegative => NonNegative,
        SignSet.NonPositive => NonPositive,
        _ => Full,
    };

    public bool Contains(Rational x) =>
        !IsEmpty
        && (Lo is not { } l || l < x || (l == x && LoClosed))
        && (Hi is not { } h || x < h || (h == x && HiClosed));

    /// <summary>The signs of the numbers in this interval.</summary>
    public SignSet Sign
    {
        get
        {
            if (IsEmpty) return SignSet.None;
            var s = SignSet.None;
            if (Lo is not { } l || l.Sign < 0) s |= SignSet.Negative;
            if (Contains(Rational.Zero)) s |= SignSet.Zero;
            if (Hi is not { } h || h.Sign > 0) s |= SignSet.Positive;
            return s;
        }
    }

    public bool IsBounded => !IsEmpty && Lo.HasValue && Hi.HasValue;

    public Interval Intersect(Interval o)
    {
        if (IsEmpty || o.IsEmpty) return Empty;
        var (lo, lc) = TighterLower(Lo, LoClosed, o.Lo, o.LoClosed);
        var (hi, hc) = TighterUpper(Hi, HiClosed, o.Hi, o.HiClosed);
        return Of(lo, lc, hi, hc);
    }

    /// <summary>The smallest interval holding both.</summary>
    public Interval Hull(Interval o)
    {
        if (IsEmpty) return o;
        if (o.IsEmpty) return this;
        var (lo, lc) = LooserLower(Lo, LoClosed, o.Lo, o.LoClosed);
        var (hi, hc) = LooserUpper(Hi, HiClosed, o.Hi, o.HiClosed);
        return Of(lo, lc, hi, hc);
    }

    static (Rational?, bool) TighterLower(Rational? a, bool ac, Rational? b, bool bc)
    {
        if (a is not { } x) return (b, bc);
        if (b is not { } y) return (a, ac);
        return x > y ? (a, ac) : y > x ? (b, bc) : (a, ac && bc);
    }

    static (Rational?, bool) TighterUpper(Rational? a, bool ac, Rational? b, bool bc)
    {
        if (a is not { } x) return (b, bc);
        if (b is not { } y) return (a, ac);
        return x < y ? (a, ac) : y < x ? (b, bc) : (a, ac && bc);
    }

    static (Rational?, bool) LooserLower(Rational? a, bool ac, Rational? b, bool bc)
    {
        if (a is not { } x || b is not { } y) return (null, false);
        return x < y ? (a, ac) : y < x ? (b, bc) : (a, ac || bc);
    }

    static (Rational?, bool) LooserUpper(Rational? a, bool ac, Rational? b, bool bc)
    {
        if (a is not { } x || b is not { } y) return (null, false);
        return x > y ? (a, ac) : y > x ? (b, bc) : (a, ac || bc);
    }

    public bool Equals(Interval? o) =>
        o is not null && IsEmpty == o.IsEmpty && Lo == o.Lo && Hi == o.Hi && LoClosed == o.LoClosed && HiClosed == o.HiClosed;
    public override bool Equals(object? obj) => obj is Interval i && Equals(i);
    public override int GetHashCode() => HashCode.Combine(IsEmpty, Lo, Hi, LoClosed, HiClosed);

    public override string ToString()
    {
        if (IsEmpty) return "{}";
        var lo = Lo is { } l ? l.ToString() : "-inf";
        var hi = Hi is { } h ? h.ToString() : "inf";
        return $"{(LoClosed ? "[" : "(")}{lo}, {hi}{(HiClosed ? "]" : ")")}";
    }

    /// <summary>A short form with decimal ends, for messages.</summary>
    public string Describe()
    {
        if (IsEmpty) return "{}";
        static string D(Rational r) => r.IsInteger ? r.ToString() : r.ToDouble().ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
        var lo = Lo is { } l ? D(l) : "-inf";
        var hi = Hi is { } h ? D(h) : "inf";
        return $"{(LoClosed ? "[" : "(")}{lo}, {hi}{(HiClosed ? "]" : ")")}";
    }
}
