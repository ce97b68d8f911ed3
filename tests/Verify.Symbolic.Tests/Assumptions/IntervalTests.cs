using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;

namespace Verify.Symbolic.Tests.Assumptions;

using Interval = Verify.Symbolic.Assumptions.Interval;

public class IntervalTests
{
    static Interval I(long lo, bool lc, long hi, bool hc) => Interval.Of(lo, lc, hi, hc);

    [Test]
    public void ProductsKeepOpenAndClosedEnds()
    {
        Assert.That(IntervalMath.Multiply(I(1, true, 2, true), I(3, false, 4, true)).ToString(), Is.EqualTo("(3, 8]"));
        Assert.That(IntervalMath.Multiply(I(0, true, 1, false), Interval.Of(1, false, null, false)).ToString(), Is.EqualTo("[0, inf)"));
        Assert.That(IntervalMath.Multiply(Interval.Negative, Interval.Of(1, false, null, false)).ToString(), Is.EqualTo("(-inf, 0)"));
        Assert.That(IntervalMath.Multiply(I(-1, true, 1, true), I(-1, true, 1, true)).ToString(), Is.EqualTo("[-1, 1]"));
    }

    [Test]
    public void ReciprocalsLeaveOutZero()
    {
        Assert.That(IntervalMath.Reciprocal(I(0, true, 2, true)).ToString(), Is.EqualTo("[1/2, inf)"));
        Assert.That(IntervalMath.Reciprocal(Interval.Of(null, false, -2, false)).ToString(), Is.EqualTo("(-1/2, 0)"));
        Assert.That(IntervalMath.Reciprocal(I(-1, true, 1, true)), Is.EqualTo(Interval.Full));
        Assert.That(IntervalMath.Reciprocal(Interval.Point(0)).IsEmpty, Is.True);
    }

    [Test]
    public void EvenPowersOfIntervalsAcrossZero() =>
        Assert.That(IntervalMath.PowInt(I(-3, false, 2, true), 2).ToString(), Is.EqualTo("[0, 9)"));

    [Test]
    public void MonotoneFunctionsAreExactWhereTheValueIsRational()
    {
        Assert.That(IntervalFunctions.Ln(Interval.Of(new Rational(1, 2), false, 1, false)).Hi, Is.EqualTo((Rational?)Rational.Zero));
        Assert.That(IntervalFunctions.Ln(Interval.Of(new Rational(1, 2), false, 1, false)).HiClosed, Is.False);
        Assert.That(IntervalFunctions.Exp(Interval.NonPositive).ToString(), Is.EqualTo("(0, 1]"));
        Assert.That(IntervalFunctions.PowRational(I(0, true, 8, true), new Rational(1, 3)).ToString(), Is.EqualTo("[0, 2]"));
        Assert.That(IntervalFunctions.Pow(I(0, true, 1, false), Interval.Of(1, false, null, false)).ToString(), Is.EqualTo("[0, 1)"));
        Assert.That(IntervalFunctions.Pow(I(-1, true, 1, false), Interval.Positive), Is.EqualTo(Interval.Full), "a negative base with an unknown exponent");
    }

    [Test]
    public void SignsOfIntervals()
    {
        Assert.That(I(0, true, 1, false).Sign, Is.EqualTo(SignSet.NonNegative));
        Assert.That(I(0, false, 1, false).Sign, Is.EqualTo(SignSet.Positive));
        Assert.That(Interval.Point(0).Sign, Is.EqualTo(SignSet.Zero));
        Assert.That(Interval.Empty.Sign, Is.EqualTo(SignSet.None));
        Assert.That(I(2, false, 2, true).IsEmpty, Is.True);
    }

    /// <summary>A random interval with small rational ends and a point inside it.</summary>
    static Gen<(Interval Interval, double Point)> IntervalWithPoint =>
        Gen.Zip(Gen.Zip(Gen.Zip(Gen.Choose(-6, 6), Gen.Choose(0, 6)), Gen.Zip(Gen.Elements(true, false), Gen.Elements(true, false))), Properties.Uniform(0, 1))
           .Select(t =>
           {
               var (lo, width) = t.Item1.Item1; var (lc, hc) = t.Item1.Item2;
               var u = t.Item2;
               var iv = Interval.Of(new Rational(lo, 2), lc || width == 0, new Rational(lo + width, 2), hc || width == 0);
               // Pick an end only when it is closed; otherwise a point strictly inside.
               var x = width == 0 ? lo / 2.0 : lo / 2.0 + width / 2.0 * (u == 0 && !lc ? 0.5 : u == 1 && !hc ? 0.5 : u);
               return (iv, x);
           });

    static bool Inside(Interval i, double v)
    {
        if (!double.IsFinite(v)) return true;   // undefined there: no claim
        var r = Rational.FromDouble(v);
        var slack = new Rational(1, 1_000_000_000) * (Rational.One + r.Abs());
        // Allow for the double's own rounding: within a relative 1e-9 of the enclosure.
        return i.Intersect(Interval.Of(r - slack, true, r + slack, true)).IsEmpty is false;
    }

    [Test]
    public void OperationsEncloseTheirValues()
    {
        var gen = Gen.Zip(Gen.Zip(IntervalWithPoint, IntervalWithPoint), Gen.Choose(0, 7));
        Properties.Check(gen, t =>
        {
            var ((a, x), (b, y)) = t.Item1;
            var op = t.Item2;
            var (result, value) = op switch
            {
                0 => (IntervalMath.Add(a, b), x + y),
                1 => (IntervalMath.Multiply(a, b), x * y),
                2 => (IntervalMath.Reciprocal(a), 1 / x),
                3 => (IntervalMath.PowInt(a, 3), x * x * x),
                4 => (IntervalFunctions.Ln(a), x < 0 ? double.NaN : Math.Log(x)),
                5 => (IntervalFunctions.Exp(a), Math.Exp(x)),
                6 => (IntervalFunctions.PowRational(a, new Rational(2, 3)), Evaluator.RealPow(x, 2.0 / 3)),
                _ => (IntervalFunctions.Pow(a, b), Evaluator.RealPow(x, y)),
            };
            return Inside(result, value);
        }, seed: 31337, count: 2000);
    }
}
