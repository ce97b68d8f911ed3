using System.Globalization;
using System.Numerics;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Numbers.DirectedRounding;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// A closed interval [Lo, Hi] of extended reals, rounded outward, so that it encloses every
/// value an expression takes over a box. Bounds may be infinite; Lo &gt; Hi is the empty set.
/// <see cref="MayBeUndefined"/> records that somewhere in the box the value may not be a real
/// number (a negative base to a non-integer power, ln of a non-positive number, a division by
/// zero, or an IEEE form such as ∞−∞ or 0·∞); [Lo, Hi] then encloses the values where it is.
/// A sign is proved only when the flag is clear.
/// </summary>
public readonly partial struct Interval : IEquatable<Interval>
{
    public double Lo { get; }
    public double Hi { get; }
    public bool MayBeUndefined { get; }

    /// <summary>The single point <paramref name="value"/>.</summary>
    public Interval(double value) : this(value, value) { }

    /// <summary>The range [lo, hi]; lo ≤ hi, neither NaN.</summary>
    public Interval(double lo, double hi)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi)) throw new ArgumentException("An interval bound cannot be NaN.");
        if (lo > hi) throw new ArgumentException($"An interval needs lo <= hi, got [{lo}, {hi}].");
        Lo = lo; Hi = hi; MayBeUndefined = false;
    }

    Interval(double lo, double hi, bool mayBeUndefined) { Lo = lo; Hi = hi; MayBeUndefined = mayBeUndefined; }

    /// <summary>Builds a result: NaN bounds become the unbounded ends, crossed bounds the empty set.</summary>
    internal static Interval Make(double lo, double hi, bool mayBeUndefined)
    {
        if (double.IsNaN(lo)) lo = double.NegativeInfinity;
        if (double.IsNaN(hi)) hi = double.PositiveInfinity;
        return lo > hi ? EmptyWith(mayBeUndefined) : new Interval(lo, hi, mayBeUndefined);
    }

    internal static Interval EmptyWith(bool mayBeUndefined) => new(double.PositiveInfinity, double.NegativeInfinity, mayBeUndefined);
    internal static Interval EntireWith(bool mayBeUndefined) => new(double.NegativeInfinity, double.PositiveInfinity, mayBeUndefined);

    public static Interval Empty => EmptyWith(false);
    public static Interval Entire => EntireWith(false);

    /// <summary>The smallest interval of doubles that contains the exact rational <paramref name="q"/>.</summary>
    public static Interval Enclosing(Rational q)
    {
        var limit = new BigInteger(1L << 53);
        if (BigInteger.Abs(q.Numerator) <= limit && q.Denominator <= limit)
        {
            // Both parts convert exactly, so one directed division is tight.
            double n = (double)q.Numerator, d = (double)q.Denominator;
            return new Interval(DivDown(n, d), DivUp(n, d), false);
        }
        var x = q.ToDouble();
        if (double.IsPositiveInfinity(x)) return new Interval(double.MaxValue, double.PositiveInfinity, false);
        if (double.IsNegativeInfinity(x)) return new Interval(double.NegativeInfinity, -double.MaxValue, false);
        double lo = x, hi = x;
        while (double.IsFinite(lo) && Rational.FromDouble(lo) > q) lo = Down(lo);
        while (double.IsFinite(hi) && Rational.FromDouble(hi) < q) hi = Up(hi);
        return new Interval(lo, hi, false);
    }

    public bool IsEmpty => Lo > Hi;
    public bool IsEntire => Lo == double.NegativeInfinity && Hi == double.PositiveInfinity;
    public bool IsPoint => Lo == Hi;
    public bool IsBounded => double.IsFinite(Lo) && double.IsFinite(Hi);
    public bool Contains(double x) => Lo <= x && x <= Hi;
    public bool ContainsZero => Lo <= 0 && 0 <= Hi;
    public double Width => IsEmpty ? 0 : Hi - Lo;
    public double Midpoint => IsEmpty ? double.NaN : IsEntire ? 0 : Lo / 2 + Hi / 2;

    /// <summary>What the enclosure proves about the sign of every value in it.</summary>
    public ProvedSign Sign =>
        MayBeUndefined || IsEmpty ? ProvedSign.Undecided
        : Lo > 0 ? ProvedSign.Positive
        : Hi < 0 ? ProvedSign.Negative
        : ProvedSign.Undecided;

    /// <summary>The same range, flagged as possibly undefined somewhere.</summary>
    public Interval AsMaybeUndefined() => new(Lo, Hi, true);

    public static Interval Hull(Interval a, Interval b) =>
        a.IsEmpty ? b.WithFlag(a.MayBeUndefined)
        : b.IsEmpty ? a.WithFlag(b.MayBeUndefined)
        : new Interval(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi), a.MayBeUndefined | b.MayBeUndefined);

    internal Interval WithFlag(bool mayBeUndefined) => new(Lo, Hi, MayBeUndefined | mayBeUndefined);
    bool HasInfiniteBound => double.IsInfinity(Lo) || double.IsInfinity(Hi);

    // ---------- + − × ÷ ----------

    public static Interval operator -(Interval a) => a.IsEmpty ? a : new Interval(-a.Hi, -a.Lo, a.MayBeUndefined);

    public static Interval operator +(Interval a, Interval b)
    {
        // ∞ + (−∞) is NaN at a point where both ends are reached.
        var flag = a.MayBeUndefined | b.MayBeUndefined
            || (a.Hi == double.PositiveInfinity && b.Lo == double.NegativeInfinity)
            || (a.Lo == double.NegativeInfinity && b.Hi == double.PositiveInfinity);
        if (a.IsEmpty || b.IsEmpty) return EmptyWith(flag);
        return Make(AddDown(a.Lo, b.Lo), AddUp(a.Hi, b.Hi), flag);
    }

    public static Interval operator -(Interval a, Interval b) => a + -b;

    public static Interval operator *(Interval a, Interval b)
    {
        // 0 · ∞ is NaN at a point; as a bound it counts as 0 (DirectedRounding does that).
        var flag = a.MayBeUndefined | b.MayBeUndefined
            || (a.ContainsZero && b.HasInfiniteBound) || (b.ContainsZero && a.HasInfiniteBound);
        if (a.IsEmpty || b.IsEmpty) return EmptyWith(flag);
        var lo = Math.Min(Math.Min(MulDown(a.Lo, b.Lo), MulDown(a.Lo, b.Hi)), Math.Min(MulDown(a.Hi, b.Lo), MulDown(a.Hi, b.Hi)));
        var hi = Math.Max(Math.Max(MulUp(a.Lo, b.Lo), MulUp(a.Lo, b.Hi)), Math.Max(MulUp(a.Hi, b.Lo), MulUp(a.Hi, b.Hi)));
        return Make(lo, hi, flag);
    }

    /// <summary>
    /// Quotient. A divisor containing 0 flags a division by zero and gives the hull of the
    /// quotients over its non-zero part: a half-line when 0 is an end of the divisor and the
    /// dividend keeps one sign, otherwise the whole line; a divisor that is exactly 0 gives ∅.
    /// </summary>
    public static Interval operator /(Interval a, Interval b)
    {
        var flag = a.MayBeUndefined | b.MayBeUndefined || b.ContainsZero
            || (a.HasInfiniteBound && b.HasInfiniteBound);
        if (a.IsEmpty || b.IsEmpty) return EmptyWith(flag);
        if (!b.ContainsZero)
        {
            var lo = Math.Min(Math.Min(DivDown(a.Lo, b.Lo), DivDown(a.Lo, b.Hi)), Math.Min(DivDown(a.Hi, b.Lo), DivDown(a.Hi, b.Hi)));
            var hi = Math.Max(Math.Max(DivUp(a.Lo, b.Lo), DivUp(a.Lo, b.Hi)), Math.Max(DivUp(a.Hi, b.Lo), DivUp(a.Hi, b.Hi)));
            return Make(lo, hi, flag);
        }
        if (b.Lo == 0 && b.Hi == 0) return EmptyWith(true);
        if (a.ContainsZero || (b.Lo < 0 && b.Hi > 0)) return EntireWith(true);
        const double inf = double.PositiveInfinity;
        if (b.Lo == 0) // divisor in (0, b.Hi]
            return a.Lo > 0 ? Make(DivDown(a.Lo, b.Hi), inf, true) : Make(-inf, DivUp(a.Hi, b.Hi), true);
        // divisor in [b.Lo, 0)
        return a.Lo > 0 ? Make(-inf, DivUp(a.Lo, b.Lo), true) : Make(DivDown(a.Hi, b.Lo), inf, true);
    }

    public bool Equals(Interval other) =>
        (IsEmpty && other.IsEmpty || Lo.Equals(other.Lo) && Hi.Equals(other.Hi)) && MayBeUndefined == other.MayBeUndefined;
    public override bool Equals(object? obj) => obj is Interval i && Equals(i);
    public override int GetHashCode() => IsEmpty ? MayBeUndefined.GetHashCode() : HashCode.Combine(Lo, Hi, MayBeUndefined);
    public static bool operator ==(Interval a, Interval b) => a.Equals(b);
    public static bool operator !=(Interval a, Interval b) => !a.Equals(b);

    public override string ToString()
    {
        var range = IsEmpty ? "∅" : string.Create(CultureInfo.InvariantCulture, $"[{Lo:R}, {Hi:R}]");
        return MayBeUndefined ? range + " (may be undefined)" : range;
    }
}

/// <summary>What an enclosure proves about the sign of an expression over a whole box.</summary>
public enum ProvedSign { Undecided, Positive, Negative }
