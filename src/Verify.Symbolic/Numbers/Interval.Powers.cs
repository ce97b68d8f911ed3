using static Verify.Symbolic.Numbers.DirectedRounding;

namespace Verify.Symbolic.Numbers;

// Powers, with the suite's real semantics (Evaluator.RealPow): a negative base to a
// non-integer power is undefined. Bounds come from Math.Pow, widened by the library slack.
public readonly partial struct Interval
{
    /// <summary>b^k for an integer k, over bases of any sign.</summary>
    public static Interval Pow(Interval b, int k) => IntegerPower(b, k);

    /// <summary>
    /// b^e. A point integer exponent uses the integer rule; otherwise the power is monotone in
    /// each argument over the non-negative bases, so its range is spanned by the four corners.
    /// </summary>
    public static Interval Pow(Interval b, Interval e)
    {
        var flag = b.MayBeUndefined | e.MayBeUndefined;
        if (b.IsEmpty || e.IsEmpty) return EmptyWith(flag);
        if (e.IsPoint && double.IsFinite(e.Lo) && e.Lo == Math.Floor(e.Lo))
            return IntegerPower(b, e.Lo).WithFlag(flag);

        if (b.Lo < 0)
        {
            // Negative bases give NaN at non-integer exponents; at the integer exponents the
            // interval admits they give values of either sign, so only the whole line is safe.
            flag = true;
            if (ContainsInteger(e)) return EntireWith(true);
            if (b.Hi < 0) return EmptyWith(true);
        }
        var lo = Math.Max(b.Lo, 0);
        var hi = b.Hi;
        if (lo == 0 && e.Lo < 0) flag = true; // 0 to a negative power: division by zero
        double c1 = Math.Pow(lo, e.Lo), c2 = Math.Pow(lo, e.Hi), c3 = Math.Pow(hi, e.Lo), c4 = Math.Pow(hi, e.Hi);
        var min = Math.Min(Math.Min(c1, c2), Math.Min(c3, c4));
        var max = Math.Max(Math.Max(c1, c2), Math.Max(c3, c4));
        return Make(Math.Max(0, LibraryDown(min)), LibraryUp(max), flag);
    }

    static bool ContainsInteger(Interval e) =>
        !double.IsFinite(e.Lo) || !double.IsFinite(e.Hi) || Math.Floor(e.Hi) >= e.Lo;

    /// <summary>b^k for an integral double k (parity as Math.Pow sees it).</summary>
    static Interval IntegerPower(Interval b, double k)
    {
        if (b.IsEmpty) return b;
        if (k == 0) return new Interval(1, 1, b.MayBeUndefined); // Math.Pow(x, 0) = 1 for every x
        var even = k % 2 == 0;
        var flag = b.MayBeUndefined;
        var hasZero = b.ContainsZero;
        if (k < 0 && hasZero) flag = true; // 0^k with k < 0: division by zero

        if (!even)
        {
            if (k > 0) return Make(PowDown(b.Lo, k), PowUp(b.Hi, k), flag);
            // Decreasing on each side of the pole at 0; where 0 is an end, the values elsewhere form a half-line.
            if (!hasZero) return Make(PowDown(b.Hi, k), PowUp(b.Lo, k), flag);
            if (b.Lo < 0 && b.Hi > 0) return EntireWith(true);
            if (b.Hi > 0) return Make(PowDown(b.Hi, k), double.PositiveInfinity, true);
            if (b.Lo < 0) return Make(double.NegativeInfinity, PowUp(b.Lo, k), true);
            return EmptyWith(true); // [0, 0]: defined nowhere
        }

        // Even power: a function of |b| in [small, large].
        var small = hasZero ? 0 : Math.Min(Math.Abs(b.Lo), Math.Abs(b.Hi));
        var large = Math.Max(Math.Abs(b.Lo), Math.Abs(b.Hi));
        if (k > 0) return Make(Math.Max(0, PowDown(small, k)), PowUp(large, k), flag);
        return Make(Math.Max(0, PowDown(large, k)), small == 0 ? double.PositiveInfinity : PowUp(small, k), flag);
    }

    static double PowDown(double x, double k) => LibraryDown(Math.Pow(x, k));
    static double PowUp(double x, double k) => LibraryUp(Math.Pow(x, k));
}
