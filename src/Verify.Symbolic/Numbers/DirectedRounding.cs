namespace Verify.Symbolic.Numbers;

/// <summary>
/// Bounds of +, −, ×, ÷ rounded outward: Down(a∘b) ≤ a∘b ≤ Up(a∘b) for the exact real result.
/// The round-to-nearest result is moved by one ulp, and only when it is inexact on the wrong
/// side; the rounding error is recovered exactly with error-free transformations (TwoSum, FMA).
/// Where those are not exact (overflow, results near the underflow range) the result is
/// widened by one ulp unconditionally. Operands may be infinite (interval bounds); a 0×∞
/// bound counts as 0, and an undefined form (∞−∞, ∞/∞) gives the whole line's end.
/// Transcendental library functions are not correctly rounded, so their results are widened
/// by <see cref="LibrarySlackUlps"/> instead.
/// </summary>
public static class DirectedRounding
{
    /// <summary>Declared error allowance for Math.Exp, Math.Log and Math.Pow, in ulps.</summary>
    public const int LibrarySlackUlps = 4;

    // Below this magnitude the residual of a product or quotient may not be representable.
    const double ResidualSafe = 2.004168360008973e-292; // 2^-969

    public static double Down(double x) => Math.BitDecrement(x);
    public static double Up(double x) => Math.BitIncrement(x);

    public static double DownBy(double x, int ulps)
    {
        for (int i = 0; i < ulps; i++) x = Math.BitDecrement(x);
        return x;
    }

    public static double UpBy(double x, int ulps)
    {
        for (int i = 0; i < ulps; i++) x = Math.BitIncrement(x);
        return x;
    }

    /// <summary>A library function's result widened down by the declared slack.</summary>
    public static double LibraryDown(double x) => double.IsNaN(x) ? double.NegativeInfinity : DownBy(x, LibrarySlackUlps);
    public static double LibraryUp(double x) => double.IsNaN(x) ? double.PositiveInfinity : UpBy(x, LibrarySlackUlps);

    public static double AddDown(double a, double b) => Add(a, b, down: true);
    public static double AddUp(double a, double b) => Add(a, b, down: false);
    public static double SubDown(double a, double b) => Add(a, -b, down: true);
    public static double SubUp(double a, double b) => Add(a, -b, down: false);
    public static double MulDown(double a, double b) => Mul(a, b, down: true);
    public static double MulUp(double a, double b) => Mul(a, b, down: false);
    public static double DivDown(double a, double b) => Div(a, b, down: true);
    public static double DivUp(double a, double b) => Div(a, b, down: false);

    static double Add(double a, double b, bool down)
    {
        var s = a + b;
        if (double.IsNaN(s)) return Unbounded(down);
        if (double.IsInfinity(s))
            return double.IsInfinity(a) || double.IsInfinity(b) ? s : Overflowed(s, down);
        // TwoSum: s + err == a + b exactly.
        var bb = s - a;
        var err = (a - (s - bb)) + (b - bb);
        return Settle(s, double.IsFinite(err) ? Math.Sign(err) : int.MinValue, down);
    }

    static double Mul(double a, double b, bool down)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return Unbounded(down);
        if (a == 0 || b == 0) return 0;
        var p = a * b;
        if (double.IsInfinity(p))
            return double.IsInfinity(a) || double.IsInfinity(b) ? p : Overflowed(p, down);
        if (Math.Abs(p) < ResidualSafe) return down ? Down(p) : Up(p);
        var err = Math.FusedMultiplyAdd(a, b, -p);
        return Settle(p, Math.Sign(err), down);
    }

    static double Div(double a, double b, bool down)
    {
        if (b == 0) throw new DivideByZeroException("A directed quotient needs a non-zero divisor.");
        var q = a / b;
        if (double.IsNaN(q)) return Unbounded(down);
        if (a == 0 || double.IsInfinity(a) || double.IsInfinity(b)) return q;
        if (double.IsInfinity(q)) return Overflowed(q, down);
        if (Math.Abs(a) < ResidualSafe || Math.Abs(q) < ResidualSafe) return down ? Down(q) : Up(q);
        // a − q·b is exact here; the exact quotient is q + r/b.
        var r = Math.FusedMultiplyAdd(-q, b, a);
        return Settle(q, Math.Sign(r) * Math.Sign(b), down);
    }

    /// <summary>Moves the rounded result <paramref name="x"/> one ulp when the exact value lies beyond it (errSign int.MinValue: unknown).</summary>
    static double Settle(double x, int errSign, bool down)
    {
        if (errSign == int.MinValue) return down ? Down(x) : Up(x);
        if (down) return errSign < 0 ? Down(x) : x;
        return errSign > 0 ? Up(x) : x;
    }

    /// <summary>The exact result of finite operands exceeded the double range.</summary>
    static double Overflowed(double inf, bool down) =>
        inf > 0 ? (down ? double.MaxValue : double.PositiveInfinity)
                : (down ? double.NegativeInfinity : -double.MaxValue);

    static double Unbounded(bool down) => down ? double.NegativeInfinity : double.PositiveInfinity;
}
