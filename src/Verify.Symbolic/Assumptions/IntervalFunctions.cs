using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// Enclosures of ln, exp and real powers over an interval, by monotonicity. An end stays open or
/// closed as its argument's end was only when the value there is exact; an approximated end lies
/// strictly outside the true value, so it is open.
/// </summary>
public static class IntervalFunctions
{
    /// <summary>ln x over the part of x where it is finite (x &gt; 0).</summary>
    public static Interval Ln(Interval x)
    {
        var d = x.Intersect(Interval.Positive);
        if (d.IsEmpty) return d;
        return Increasing(d, r => r.IsZero ? new PointBounds(null, null, false) : PointBounds.Ln(r), null, null);
    }

    public static Interval Exp(Interval x) =>
        x.IsEmpty ? x : Increasing(x, PointBounds.Exp, Rational.Zero, null);

    /// <summary>x^k for a non-integer rational k: defined for x ≥ 0 (x &gt; 0 when k &lt; 0).</summary>
    public static Interval PowRational(Interval x, Rational k)
    {
        if (k.IsInteger && System.Numerics.BigInteger.Abs(k.Numerator) <= int.MaxValue)
            return IntervalMath.PowInt(x, (int)k.Numerator);
        if (k.Sign > 0)
        {
            var d = x.Intersect(Interval.NonNegative);
            return d.IsEmpty ? d : Increasing(d, r => PointBounds.Root(r, k), null, null);
        }
        var p = x.Intersect(Interval.Positive);
        return p.IsEmpty ? p : Decreasing(p, r => r.IsZero ? new PointBounds(null, null, false) : PointBounds.Root(r, k), Rational.Zero);
    }

    /// <summary>
    /// x^y for an exponent known only by its interval: exp(y·ln x) where x &gt; 0, plus the values at
    /// x = 0 (0^y = 0 for y &gt; 0 and 0^0 = 1). A base that may be negative gives no information,
    /// since the exponent might be an integer there.
    /// </summary>
    public static Interval Pow(Interval x, Interval y)
    {
        if (x.IsEmpty || y.IsEmpty) return Interval.Empty;
        if (y.Lo is { } yl && y.Hi is { } yh && yl == yh) return PowRational(x, yl);
        if (x.Lo is not { } lo || lo.Sign < 0) return Interval.Full;
        var positive = x.Intersect(Interval.Positive);
        var result = positive.IsEmpty ? Interval.Empty : Exp(IntervalMath.Multiply(Ln(positive), y));
        if (x.Contains(Rational.Zero))
        {
            if (y.Hi is not { } h || h.Sign > 0) result = result.Hull(Interval.Point(Rational.Zero));
            if (y.Contains(Rational.Zero)) result = result.Hull(Interval.Point(Rational.One));
        }
        return result;
    }

    /// <summary>f increasing on x; the limits at the infinite ends are given (null: unbounded).</summary>
    internal static Interval Increasing(Interval x, Func<Rational, PointBounds> f, Rational? atMinusInfinity, Rational? atPlusInfinity)
    {
        Rational? lo; bool lc;
        if (x.Lo is { } l) { var b = f(l); lo = b.Lo; lc = x.LoClosed && b.Exact; }
        else (lo, lc) = (atMinusInfinity, false);
        Rational? hi; bool hc;
        if (x.Hi is { } h) { var b = f(h); hi = b.Hi; hc = x.HiClosed && b.Exact; }
        else (hi, hc) = (atPlusInfinity, false);
        return Interval.Of(lo, lc, hi, hc);
    }

    /// <summary>f decreasing on x ⊂ [0, ∞); the limit at +∞ is given.</summary>
    static Interval Decreasing(Interval x, Func<Rational, PointBounds> f, Rational? atPlusInfinity)
    {
        Rational? lo; bool lc;
        if (x.Hi is { } h) { var b = f(h); lo = b.Lo; lc = x.HiClosed && b.Exact; }
        else (lo, lc) = (atPlusInfinity, false);
        var bl = f(x.Lo!.Value);
        return Interval.Of(lo, lc, bl.Hi, x.LoClosed && bl.Exact);
    }
}
