using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// Exact interval arithmetic (sums, products, reciprocals, integer powers, max/min/abs) with
/// careful open and closed ends. Undefined parts (1/0) are left out, matching the evaluator's
/// real semantics: an enclosure speaks only about the points where the expression is defined.
/// </summary>
public static class IntervalMath
{
    public static Interval Add(Interval a, Interval b)
    {
        if (a.IsEmpty || b.IsEmpty) return Interval.Empty;
        Rational? lo = a.Lo is { } x && b.Lo is { } y ? x + y : null;
        Rational? hi = a.Hi is { } u && b.Hi is { } v ? u + v : null;
        return Interval.Of(lo, a.LoClosed && b.LoClosed, hi, a.HiClosed && b.HiClosed);
    }

    public static Interval Negate(Interval a) =>
        a.IsEmpty ? a : Interval.Of(a.Hi is { } h ? -h : null, a.HiClosed, a.Lo is { } l ? -l : null, a.LoClosed);

    /// <summary>An end on the extended line: Infinity is -1, 0 or +1 (finite).</summary>
    readonly record struct End(int Infinity, Rational Value, bool Closed)
    {
        public static End Lower(Interval i) => i.Lo is { } l ? new(0, l, i.LoClosed) : new(-1, Rational.Zero, false);
        public static End Upper(Interval i) => i.Hi is { } h ? new(0, h, i.HiClosed) : new(1, Rational.Zero, false);
        public int Sign => Infinity != 0 ? Infinity : Value.Sign;
        public int CompareTo(End o) => Infinity != o.Infinity ? Infinity.CompareTo(o.Infinity) : Infinity != 0 ? 0 : Value.CompareTo(o.Value);

        /// <summary>The product of two ends, with 0·∞ = 0: the hull of a product of intervals of finite numbers.</summary>
        public static End Times(End a, End b)
        {
            var closed = a.Closed && b.Closed;
            if ((a.Infinity == 0 && a.Value.IsZero) || (b.Infinity == 0 && b.Value.IsZero)) return new(0, Rational.Zero, closed);
            if (a.Infinity != 0 || b.Infinity != 0) return new(a.Sign * b.Sign, Rational.Zero, false);
            return new(0, a.Value * b.Value, closed);
        }
    }

    /// <summary>
    /// The product. The extremes of x·y over a box lie at its corners; a non-zero extreme is reached
    /// only at a corner (x·y moves strictly with either factor there), so it is closed only when such a
    /// corner is; zero is reached exactly when a factor can be zero.
    /// </summary>
    public static Interval Multiply(Interval a, Interval b)
    {
        if (a.IsEmpty || b.IsEmpty) return Interval.Empty;
        End[] corners =
        [
            End.Times(End.Lower(a), End.Lower(b)), End.Times(End.Lower(a), End.Upper(b)),
            End.Times(End.Upper(a), End.Lower(b)), End.Times(End.Upper(a), End.Upper(b)),
        ];
        var zeroReached = a.Contains(Rational.Zero) || b.Contains(Rational.Zero);
        var min = corners[0]; var max = corners[0];
        foreach (var c in corners.Skip(1))
        {
            if (c.CompareTo(min) < 0) min = c;
            if (c.CompareTo(max) > 0) max = c;
        }
        bool Reached(End e) =>
            e.Infinity == 0 && (corners.Any(c => c.CompareTo(e) == 0 && c.Closed) || (e.Value.IsZero && zeroReached));
        return Interval.Of(min.Infinity == 0 ? min.Value : null, Reached(min), max.Infinity == 0 ? max.Value : null, Reached(max));
    }

    /// <summary>1/x where x ≠ 0.</summary>
    public static Interval Reciprocal(Interval a)
    {
        if (a.IsEmpty) return a;
        if (a.Lo is { } lo && lo.Sign >= 0)
        {
            if (a.Hi is { } h0 && h0.IsZero) return Interval.Empty;
            Rational? newLo = a.Hi is { } h ? h.Reciprocal() : Rational.Zero;
            var newLoClosed = a.Hi.HasValue && a.HiClosed;
            Rational? newHi = lo.IsZero ? null : lo.Reciprocal();
            return Interval.Of(newLo, newLoClosed, newHi, a.LoClosed);
        }
        if (a.Hi is { } hi && hi.Sign <= 0) return Negate(Reciprocal(Negate(a)));
        return Interval.Full;
    }

    /// <summary>x^n for an integer n; exact for |n| ≤ 64, by sign only beyond.</summary>
    public static Interval PowInt(Interval a, int n)
    {
        if (a.IsEmpty) return a;
        if (n == 0) return Interval.Point(Rational.One);
        if (n < 0) return Reciprocal(PowInt(a, -n));
        if (n > 64) return SignOnlyPower(a, n);
        Rational? P(Rational? r) => r is { } v ? v.Pow(n) : null;
        if (n % 2 == 1) return Interval.Of(P(a.Lo), a.LoClosed, P(a.Hi), a.HiClosed);
        if (a.Lo is { } l && l.Sign >= 0) return Interval.Of(P(a.Lo), a.LoClosed, P(a.Hi), a.HiClosed);
        if (a.Hi is { } h && h.Sign <= 0) return Interval.Of(P(a.Hi), a.HiClosed, P(a.Lo), a.LoClosed);
        // Straddles zero: from 0 up to the larger of the two ends' powers.
        if (a.Lo is not { } lo2 || a.Hi is not { } hi2) return Interval.NonNegative;
        var (pl, ph) = (lo2.Pow(n), hi2.Pow(n));
        var top = pl > ph ? pl : ph;
        var closed = (pl == top && a.LoClosed) || (ph == top && a.HiClosed);
        return Interval.Of(Rational.Zero, true, top, closed);
    }

    static Interval SignOnlyPower(Interval a, int n)
    {
        var nonZero = !a.Contains(Rational.Zero);
        if (n % 2 == 0) return nonZero ? Interval.Positive : Interval.NonNegative;
        var s = a.Sign;
        return Interval.FromSign(s);
    }

    public static Interval Max(Interval a, Interval b)
    {
        if (a.IsEmpty || b.IsEmpty) return Interval.Empty;
        Rational? lo; bool lc;
        if (a.Lo is not { } al) (lo, lc) = (b.Lo, b.LoClosed);
        else if (b.Lo is not { } bl) (lo, lc) = (a.Lo, a.LoClosed);
        else if (al > bl) (lo, lc) = (al, a.LoClosed);
        else if (bl > al) (lo, lc) = (bl, b.LoClosed);
        else (lo, lc) = (al, a.LoClosed && b.LoClosed);
        Rational? hi; bool hc;
        if (a.Hi is not { } ah || b.Hi is not { } bh) (hi, hc) = (null, false);
        else if (ah > bh) (hi, hc) = (ah, a.HiClosed);
        else if (bh > ah) (hi, hc) = (bh, b.HiClosed);
        else (hi, hc) = (ah, a.HiClosed || b.HiClosed);
        return Interval.Of(lo, lc, hi, hc);
    }

    public static Interval Min(Interval a, Interval b) => Negate(Max(Negate(a), Negate(b)));

    public static Interval Abs(Interval a)
    {
        if (a.IsEmpty) return a;
        if (a.Lo is { } l && l.Sign >= 0) return a;
        if (a.Hi is { } h && h.Sign <= 0) return Negate(a);
        return Max(Negate(a), a).Intersect(Interval.NonNegative).Hull(Interval.Point(Rational.Zero));
    }
}
