using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Interval = Verify.Symbolic.Numbers.Interval;

namespace Verify.Symbolic.Tests.Numbers;

public class IntervalArithmeticTests
{
    const double Inf = double.PositiveInfinity;
    static Interval I(double lo, double hi) => new(lo, hi);

    /// <summary>Holds [lo, hi] up to a few ulps of widening, and not much more.</summary>
    static void AssertAbout(Interval actual, double lo, double hi, bool flagged = false)
    {
        Assert.That(actual.MayBeUndefined, Is.EqualTo(flagged), $"flag of {actual}");
        Assert.That(actual.Lo, Is.LessThanOrEqualTo(lo), $"lower end of {actual}");
        Assert.That(actual.Hi, Is.GreaterThanOrEqualTo(hi), $"upper end of {actual}");
        if (double.IsFinite(lo)) Assert.That(actual.Lo, Is.EqualTo(lo).Within(1e-14 * Math.Max(1, Math.Abs(lo))));
        else Assert.That(actual.Lo, Is.EqualTo(lo));
        if (double.IsFinite(hi)) Assert.That(actual.Hi, Is.EqualTo(hi).Within(1e-14 * Math.Max(1, Math.Abs(hi))));
        else Assert.That(actual.Hi, Is.EqualTo(hi));
    }

    [Test]
    public void ConstructorsRejectBadInput()
    {
        Assert.Throws<ArgumentException>(() => _ = new Interval(double.NaN));
        Assert.Throws<ArgumentException>(() => _ = new Interval(2, 1));
        Assert.That(new Interval(3).IsPoint && new Interval(3).Contains(3));
        Assert.That(Interval.Empty.IsEmpty && !Interval.Empty.Contains(0));
        Assert.That(Interval.Entire.IsEntire && Interval.Entire.Contains(-Inf));
    }

    [Test]
    public void ExactOperationsStayPoints()
    {
        Assert.That(I(1, 2) + I(3, 4), Is.EqualTo(I(4, 6)));
        Assert.That(I(-1, 2) * I(3, 4), Is.EqualTo(I(-4, 8)));
        Assert.That(I(1, 2) - I(1, 2), Is.EqualTo(I(-1, 1)));
        Assert.That(I(1, 2) / I(4, 8), Is.EqualTo(I(0.125, 0.5)));
    }

    [Test]
    public void InexactOperationsRoundOutward()
    {
        var third = I(1, 1) / I(3, 3);
        Assert.That(third.Hi, Is.EqualTo(Math.BitIncrement(third.Lo)));
        Assert.That(Rational.FromDouble(third.Lo) < new Rational(1, 3) && new Rational(1, 3) < Rational.FromDouble(third.Hi));
        var rationalThird = Interval.Enclosing(new Rational(1, 3));
        Assert.That(rationalThird, Is.EqualTo(third));
        Assert.That(Interval.Enclosing(new Rational(-3, 8)), Is.EqualTo(new Interval(-0.375)));
    }

    [Test]
    public void HugeRationalsAreEnclosed()
    {
        var q = new Rational(System.Numerics.BigInteger.Pow(10, 30) + 1, 7);
        var i = Interval.Enclosing(q);
        Assert.That(Rational.FromDouble(i.Lo) <= q && q <= Rational.FromDouble(i.Hi));
        Assert.That(i.Hi, Is.LessThanOrEqualTo(Math.BitIncrement(Math.BitIncrement(i.Lo))));
    }

    [Test]
    public void DivisionByAnIntervalContainingZero()
    {
        AssertAbout(I(1, 2) / I(0, 4), 0.25, Inf, flagged: true);
        AssertAbout(I(-2, -1) / I(0, 4), -Inf, -0.25, flagged: true);
        AssertAbout(I(1, 2) / I(-4, 0), -Inf, -0.25, flagged: true);
        AssertAbout(I(-2, -1) / I(-4, 0), 0.25, Inf, flagged: true);
        AssertAbout(I(1, 2) / I(-1, 4), -Inf, Inf, flagged: true);
        AssertAbout(I(0, 1) / I(0, 1), -Inf, Inf, flagged: true);
        var byZero = I(1, 2) / I(0, 0);
        Assert.That(byZero.IsEmpty && byZero.MayBeUndefined);
    }

    [Test]
    public void EvenPowersOfIntervalsStraddlingZero()
    {
        AssertAbout(Interval.Pow(I(-2, 3), 2), 0, 9);
        AssertAbout(Interval.Pow(I(-3, 2), 4), 0, 81);
        AssertAbout(Interval.Pow(I(-3, -2), 2), 4, 9);
        AssertAbout(Interval.Pow(I(-2, 3), 3), -8, 27);
        AssertAbout(Interval.Pow(I(-2, 3), -2), 1.0 / 9, Inf, flagged: true);
        AssertAbout(Interval.Pow(I(2, 4), -1), 0.25, 0.5);
        AssertAbout(Interval.Pow(I(-4, -2), -1), -0.5, -0.25);
        AssertAbout(Interval.Pow(I(-2, 3), -1), -Inf, Inf, flagged: true);
        AssertAbout(Interval.Pow(I(0, 4), -1), 0.25, Inf, flagged: true);
        AssertAbout(Interval.Pow(I(-4, 0), -3), -Inf, -1.0 / 64, flagged: true);
        Assert.That(Interval.Pow(I(-2, 3), 2).Lo, Is.EqualTo(0), "an even power is never below 0");
    }

    [Test]
    public void RealPowersUseTheCornersOfPositiveBases()
    {
        AssertAbout(Interval.Pow(I(0, 4), I(0.5, 0.5)), 0, 2);
        AssertAbout(Interval.Pow(I(0.25, 4), I(-0.5, 0.5)), 0.5, 2);
        AssertAbout(Interval.Pow(I(2, 3), I(1.5, 2.5)), Math.Pow(2, 1.5), Math.Pow(3, 2.5));
        AssertAbout(Interval.Pow(I(0, 4), I(-0.5, -0.5)), 0.5, Inf, flagged: true);
        // A point integer exponent given as an interval takes the integer rule.
        AssertAbout(Interval.Pow(I(-2, 3), I(2, 2)), 0, 9);
    }

    [Test]
    public void NegativeBasesWithNonIntegerExponentsAreFlagged()
    {
        AssertAbout(Interval.Pow(I(-1, 4), I(0.5, 0.5)), 0, 2, flagged: true);
        AssertAbout(Interval.Pow(I(-1, 4), I(0.5, 1.5)), -Inf, Inf, flagged: true);
        var none = Interval.Pow(I(-3, -1), I(0.5, 0.5));
        Assert.That(none.IsEmpty && none.MayBeUndefined);
    }

    [Test]
    public void LogarithmOfAnIntervalTouchingZero()
    {
        AssertAbout(Interval.Log(I(0, Math.E)), -Inf, 1, flagged: true);
        AssertAbout(Interval.Log(I(-1, 1)), -Inf, 0, flagged: true);
        AssertAbout(Interval.Log(I(1, Math.E)), 0, 1);
        var none = Interval.Log(I(-2, -1));
        Assert.That(none.IsEmpty && none.MayBeUndefined);
    }

    [Test]
    public void ExpAndAbs()
    {
        AssertAbout(Interval.Exp(I(0, 1)), 1, Math.E);
        AssertAbout(Interval.Exp(I(-Inf, 0)), 0, 1);
        Assert.That(Interval.Abs(I(-3, 2)), Is.EqualTo(I(0, 3)));
        Assert.That(Interval.Abs(I(-3, -2)), Is.EqualTo(I(2, 3)));
    }

    [Test]
    public void MaxAndMinFollowTheEvaluatorOnUndefinedArguments()
    {
        Assert.That(Interval.Max(I(0, 1), I(-1, 3)), Is.EqualTo(I(0, 3)));
        Assert.That(Interval.Min(I(0, 1), I(-1, 3)), Is.EqualTo(I(-1, 1)));
        // max skips a NaN argument, so the defined one alone may decide: the lower end is its own.
        Assert.That(Interval.Max(I(5, 6).AsMaybeUndefined(), I(0, 1)), Is.EqualTo(I(0, 6).AsMaybeUndefined()));
        Assert.That(Interval.Min(I(5, 6).AsMaybeUndefined(), I(0, 1)), Is.EqualTo(I(0, 1).AsMaybeUndefined()));
        Assert.Throws<ArgumentException>(() => Interval.Max());
    }

    [Test]
    public void UndefinedFormsOfInfiniteEndsAreFlagged()
    {
        Assert.That((I(0, Inf) + I(-Inf, 0)).MayBeUndefined, "∞ − ∞");
        Assert.That((I(0, 1) * I(1, Inf)).MayBeUndefined, "0 · ∞");
        Assert.That((I(1, 2) * I(1, Inf)).MayBeUndefined, Is.False);
        Assert.That(I(0, 0) * Interval.Entire, Is.EqualTo(I(0, 0).AsMaybeUndefined()));
        Assert.That((Interval.Empty + I(1, 2)).IsEmpty);
    }
}
