using MathNet.Numerics.RootFinding;
using NUnit.Framework;
using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Tests;

/// <summary>
/// MathNet's Brent stops where |f| is below its accuracy as well as where the bracket is that narrow. A residual whose
/// values are all tiny (the log-normal variant's a_R condition is of order aD^(sigma - 1)*f, about 1e-15 at sigma = 10)
/// then "converges" anywhere: a_R came out 5e-4 (relative) from its root, and phi_P with it. Scaled by its values at
/// the bracket's ends, the residual is small only near the root.
/// </summary>
public class BracketedRootTests
{
    [Test]
    public void ATinyResidualIsSolvedToFullAccuracyOnceScaled()
    {
        static double F(double y) => 1e-18 * (Math.Exp(y) - Math.Exp(0.3));
        double lo = 0.1, hi = 0.5;
        Assert.That(Brent.TryFindRoot(F, lo, hi, 1e-15 * hi, 200, out var unscaled), Is.True);
        Assert.That(Math.Abs(unscaled - 0.3), Is.GreaterThan(1e-3), "unscaled, Brent stops at once (the reason for scaling)");
        Assert.That(Brent.TryFindRoot(BracketedRoot.Scaled(F, F(lo), F(hi)), lo, hi, 1e-15 * hi, 200, out var scaled), Is.True);
        Assert.That(scaled, Is.EqualTo(0.3).Within(1e-14));
    }

    [Test]
    public void ARootNextToAPoleIsFoundToFullAccuracy()
    {
        // 1e300 at one end (a power-law residual near 0): divided by the larger end every value would be below the accuracy.
        static double F(double y) => Math.Pow(0.1 / y, 300) - 1;   // root at y = 0.1; 1e300 at y = 0.01
        double lo = 0.01, hi = 0.5;
        Assert.That(BracketedRoot.Find(F, lo, hi, 1e-15 * hi), Is.EqualTo(0.1).Within(1e-14));
    }

    [Test]
    public void ScalingLeavesAnUnscalableFunctionAlone()
    {
        static double F(double y) => y - 0.3;
        Assert.That(BracketedRoot.Scaled(F, 0, 3)(0.5), Is.EqualTo(0.2).Within(1e-15), "no scale from a zero end");
        Assert.That(BracketedRoot.Scaled(F, double.PositiveInfinity, double.NegativeInfinity)(0.5), Is.EqualTo(0.2).Within(1e-15), "no scale from infinite ends");
        Assert.That(BracketedRoot.Scaled(F, -4, 2)(0.5), Is.EqualTo(0.1).Within(1e-15), "divided by the smaller end");
    }

    [Test]
    public void ARootBeyondAPointWithNoValueIsFound()
    {
        // No value on (0.41, 0.47); Brent's first step from [0.4, 0.6] lands there (near 0.446) and stops on the NaN.
        static double F(double y) => y > 0.41 && y < 0.47 ? double.NaN : Math.Pow(y - 0.48, 3);
        Assert.Throws<ArithmeticException>(() => Brent.TryFindRoot(F, 0.4, 0.6, 1e-14, 200, out _), "the reason for the finer scan");
        Assert.That(BracketedRoot.Find(F, 0.4, 0.6, 1e-14), Is.EqualTo(0.48).Within(1e-4));
        Assert.That(BracketedRoot.Find(y => double.NaN, 0.4, 0.6, 1e-14), Is.Null, "nothing to find where nothing has a value");
    }
}
