using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Numbers.DirectedRounding;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>Directed bounds checked against exact rational arithmetic.</summary>
public class DirectedRoundingTests
{
    /// <summary>Doubles with full 52-bit mantissas, mostly moderate exponents, sometimes near overflow or underflow.</summary>
    static Gen<double> AnyDouble =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, (1 << 26) - 1), Gen.Choose(0, (1 << 26) - 1)),
                Gen.Zip(Gen.Frequency((6, Gen.Choose(-60, 60)), (1, Gen.Choose(-1074, -960)), (1, Gen.Choose(960, 1023))), Gen.Elements(1.0, -1.0)))
           .Select(t =>
           {
               var ((high, low), (exponent, sign)) = t;
               var mantissa = 1 + (high * (double)(1 << 26) + low) / Math.Pow(2, 52); // in [1, 2), exact
               return sign * Math.ScaleB(mantissa, exponent);
           });

    /// <summary>lo ≤ exact ≤ hi, both within one ulp of the rounded result, and equal to it when that is exact.</summary>
    static bool Brackets(double lo, double hi, double rounded, Func<Rational> exact, bool promisesExactness)
    {
        // (On overflow the rounded result is infinite and one bound steps back to ±MaxValue, one ulp away.)
        if (!(Down(rounded) <= lo && lo <= rounded && rounded <= hi && hi <= Up(rounded))) return false;
        var q = exact();
        bool below = !double.IsFinite(lo) || Rational.FromDouble(lo) <= q;
        bool above = !double.IsFinite(hi) || q <= Rational.FromDouble(hi);
        bool tight = !promisesExactness || !double.IsFinite(rounded) || Rational.FromDouble(rounded) != q || (lo == rounded && hi == rounded);
        return below && above && tight;
    }

    [Test]
    public void BoundsBracketTheExactResult()
    {
        int exactCount = 0;
        Properties.Check(Gen.Zip(AnyDouble, AnyDouble), t =>
        {
            var (a, b) = t;
            Rational A() => Rational.FromDouble(a);
            Rational B() => Rational.FromDouble(b);
            if (double.IsFinite(a + b) && Rational.FromDouble(a + b) == A() + B()) exactCount++;
            // Exact products and quotients are recognised only away from the underflow range.
            bool moderate = Moderate(a) && Moderate(b);
            return Brackets(AddDown(a, b), AddUp(a, b), a + b, () => A() + B(), true)
                && Brackets(SubDown(a, b), SubUp(a, b), a - b, () => A() - B(), true)
                && Brackets(MulDown(a, b), MulUp(a, b), a * b, () => A() * B(), moderate && Moderate(a * b))
                && Brackets(DivDown(a, b), DivUp(a, b), a / b, () => A() / B(), moderate && Moderate(a / b));
        }, seed: 4242, count: 1000);
        TestContext.Out.WriteLine($"{exactCount} exact sums");
    }

    static bool Moderate(double x) => Math.Abs(x) >= 1e-280;

    [Test]
    public void ExactResultsStayExact()
    {
        Assert.That(AddDown(0.5, 0.25), Is.EqualTo(0.75));
        Assert.That(MulUp(3, 7), Is.EqualTo(21));
        Assert.That(DivDown(1, 4), Is.EqualTo(0.25));
        Assert.That(SubUp(1, 1), Is.EqualTo(0));
    }

    [Test]
    public void InexactResultsMoveOutward()
    {
        Assert.That(DivDown(1, 3), Is.LessThan(1.0 / 3).Or.EqualTo(1.0 / 3));
        Assert.That(DivUp(1, 3), Is.EqualTo(Up(DivDown(1, 3))));
        Assert.That(AddUp(1, 1e-20), Is.EqualTo(Up(1)));
        Assert.That(AddDown(1, 1e-20), Is.EqualTo(1));
    }

    [Test]
    public void InfiniteBoundsFollowTheExtendedReals()
    {
        Assert.That(MulDown(0, double.PositiveInfinity), Is.EqualTo(0), "0·∞ as a bound counts as 0");
        Assert.That(AddDown(double.NegativeInfinity, double.PositiveInfinity), Is.EqualTo(double.NegativeInfinity));
        Assert.That(AddUp(double.NegativeInfinity, double.PositiveInfinity), Is.EqualTo(double.PositiveInfinity));
        Assert.That(MulDown(double.MaxValue, 2), Is.EqualTo(double.MaxValue), "an overflowed product is still at least MaxValue");
        Assert.That(DivUp(1, double.PositiveInfinity), Is.EqualTo(0));
        Assert.That(LibraryDown(1.0), Is.EqualTo(DownBy(1.0, LibrarySlackUlps)).And.LessThan(1.0));
    }
}
