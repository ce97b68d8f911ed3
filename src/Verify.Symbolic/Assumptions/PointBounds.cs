using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// Rational bounds on ln, exp and roots at one rational point: exact where the value is rational
/// (ln 1 = 0, exp 0 = 1, 8^(1/3) = 2), otherwise a double approximation widened outward far beyond
/// its error and clamped by what is known exactly (ln x &gt; 0 for x &gt; 1), so signs never blur.
/// </summary>
internal readonly record struct PointBounds(Rational? Lo, Rational? Hi, bool Exact)
{
    const double Slack = 1e-12;

    public static PointBounds Of(Rational r) => new(r, r, true);

    static Rational Down(double d) => Rational.FromDouble(Math.BitDecrement(d));
    static Rational? Up(double d) => double.IsFinite(Math.BitIncrement(d)) ? Rational.FromDouble(Math.BitIncrement(d)) : null;

    /// <summary>ln x for x &gt; 0.</summary>
    public static PointBounds Ln(Rational x)
    {
        if (x.IsOne) return Of(Rational.Zero);
        var ln = BigInteger.Log(x.Numerator);
        var ld = BigInteger.Log(x.Denominator);
        var v = ln - ld;
        var slack = Slack * (1 + Math.Abs(ln) + Math.Abs(ld));
        Rational lo = Down(v - slack);
        Rational? hi = Up(v + slack);
        if (x > Rational.One && lo.Sign < 0) lo = Rational.Zero;
        if (x < Rational.One && hi is { } h && h.Sign > 0) hi = Rational.Zero;
        return new(lo, hi, false);
    }

    /// <summary>exp r.</summary>
    public static PointBounds Exp(Rational r)
    {
        if (r.IsZero) return Of(Rational.One);
        var d = r.ToDouble();
        Rational lo; Rational? hi;
        if (d > 700) { lo = Rational.FromDouble(Math.Exp(699)); hi = d > 709 ? null : Up(Math.Exp(710)); }
        else if (d < -700) { lo = Rational.Zero; hi = Rational.FromDouble(Math.Exp(-699)); }
        else
        {
            var v = Math.Exp(d);
            lo = Down(v * (1 - Slack));
            hi = Up(v * (1 + Slack));
        }
        if (r.Sign > 0 && lo < Rational.One) lo = Rational.One;
        if (r.Sign < 0 && hi is { } h && h > Rational.One) hi = Rational.One;
        if (lo.Sign < 0) lo = Rational.Zero;
        return new(lo, hi, false);
    }

    /// <summary>x^k for x ≥ 0 and a rational k (x &gt; 0 when k &lt; 0).</summary>
    public static PointBounds Root(Rational x, Rational k)
    {
        if (x.IsZero) return Of(Rational.Zero);
        if (x.IsOne) return Of(Rational.One);
        if (k.IsInteger && BigInteger.Abs(k.Numerator) <= 64) return Of(x.Pow((int)k.Numerator));
        if (k.Denominator <= 64 && BigInteger.Abs(k.Numerator) <= 64 && x.ExactRoot((int)k.Denominator) is { } root)
            return Of(root.Pow((int)k.Numerator));
        // x^k = exp(k ln x), bounding k ln x first.
        var l = Ln(x);
        Rational? a = l.Lo is { } llo ? k * llo : null;
        Rational? b = l.Hi is { } lhi ? k * lhi : null;
        if (k.Sign < 0) (a, b) = (b, a);
        Rational? lo = a is { } av ? Exp(av).Lo : Rational.Zero;
        Rational? hi = b is { } bv ? Exp(bv).Hi : null;
        var aboveOne = (x > Rational.One) == (k.Sign > 0);
        if (aboveOne && lo is { } lv && lv < Rational.One) lo = Rational.One;
        if (!aboveOne && hi is { } hv && hv > Rational.One) hi = Rational.One;
        return new(lo, hi, false);
    }
}
