using System.Globalization;
using System.Numerics;

namespace Verify.Symbolic.Core;

/// <summary>An exact rational number p/q in lowest terms with q &gt; 0.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        Numerator = numerator;
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static readonly Rational Zero = new(0, 1);
    public static readonly Rational One = new(1, 1);
    public static readonly Rational MinusOne = new(-1, 1);
    public static readonly Rational Half = new(1, 2);

    public static implicit operator Rational(long n) => new(n, 1);
    public static implicit operator Rational(BigInteger n) => new(n, 1);

    public bool IsZero => Numerator.IsZero;
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    public bool IsInteger => Denominator.IsOne;
    public int Sign => Numerator.Sign;

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public Rational Abs() => new(BigInteger.Abs(Numerator), Denominator);
    public Rational Reciprocal() => new(Denominator, Numerator);

    /// <summary>Exact integer power; k may be negative (then this must be non-zero).</summary>
    public Rational Pow(int k)
    {
        if (k >= 0) return new(BigInteger.Pow(Numerator, k), BigInteger.Pow(Denominator, k));
        return new(BigInteger.Pow(Denominator, -k), BigInteger.Pow(Numerator, -k));
    }

    /// <summary>The exact q-th root when it is rational (and real), else null.</summary>
    public Rational? ExactRoot(int q)
    {
        if (q == 1) return this;
        if (Sign < 0 && q % 2 == 0) return null;
        var n = IntegerRoot(BigInteger.Abs(Numerator), q);
        var d = IntegerRoot(Denominator, q);
        if (n is null || d is null) return null;
        return new Rational(Sign < 0 ? -n.Value : n.Value, d.Value);
    }

    static BigInteger? IntegerRoot(BigInteger x, int q)
    {
        if (x.IsZero || x.IsOne) return x;
        if (double.IsInfinity((double)x)) return NewtonRoot(x, q);
        var guess = new BigInteger(Math.Round(Math.Pow((double)x, 1.0 / q)));
        for (var c = guess - 1; c <= guess + 1; c++)
            if (c.Sign >= 0 && BigInteger.Pow(c, q) == x) return c;
        return null;
    }

    /// <summary>The exact q-th root of x beyond double range (where the guess above would be infinite), else null.</summary>
    static BigInteger? NewtonRoot(BigInteger x, int q)
    {
        // Integer Newton iteration from above converges to floor(x^(1/q)).
        var r = BigInteger.One << (int)((x.GetBitLength() + q - 1) / q);
        while (true)
        {
            var next = ((q - 1) * r + x / BigInteger.Pow(r, q - 1)) / q;
            if (next >= r) break;
            r = next;
        }
        return BigInteger.Pow(r, q) == x ? r : null;
    }

    public double ToDouble()
    {
        var d = (double)Numerator / (double)Denominator;
        if (double.IsFinite(d) && d != 0) return d;
        // Very large parts: scale before dividing.
        var shift = Math.Max(0, (int)Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength()) - 1000);
        return (double)(Numerator >> shift) / (double)(Denominator >> shift);
    }

    /// <summary>The exact rational value of a finite double (every finite double is one).</summary>
    public static Rational FromDouble(double x)
    {
        if (!double.IsFinite(x)) throw new ArgumentException("Only finite doubles are rational.", nameof(x));
        if (x == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (exponent > 0) num <<= exponent; else den <<= -exponent;
        return new Rational(negative ? -num : num, den);
    }

    /// <summary>Parses "12", "-3/4" or a decimal "0.25" exactly.</summary>
    public static Rational Parse(string text)
    {
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash >= 0) return Parse(text[..slash]) / Parse(text[(slash + 1)..]);
        var dot = text.IndexOf('.');
        if (dot < 0) return new Rational(BigInteger.Parse(text, CultureInfo.InvariantCulture), 1);
        var digits = text.Remove(dot, 1);
        var scale = BigInteger.Pow(10, text.Length - dot - 1);
        return new Rational(BigInteger.Parse(digits, CultureInfo.InvariantCulture), scale);
    }

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
                  : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
