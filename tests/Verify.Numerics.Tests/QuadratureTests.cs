using NUnit.Framework;

namespace Verify.Numerics.Tests;

public class QuadratureTests
{
    // ∫_0^x a^p da = x^(p+1)/(p+1): an integrable singularity at 0 for p in (-1, 0).
    [TestCase(-0.9, 1.0)]
    [TestCase(-0.8, 0.3)]
    [TestCase(-0.71, 0.886)]
    [TestCase(-0.5, 1e-3)]
    [TestCase(0.0, 2.0)]
    [TestCase(2.5, 0.7)]
    public void EndpointSingularitiesKeepFullAccuracy(double p, double x)
    {
        var result = TanhSinhQuadrature.Integrate(a => Math.Pow(a, p), 0, x);
        var exact = Math.Pow(x, p + 1) / (p + 1);
        TestContext.Out.WriteLine($"p = {p}: relative error {(result.Value - exact) / exact:E2}, {result.Evaluations} evaluations");
        Assert.That(result.Value, Is.EqualTo(exact).Within(2e-14 * exact));
    }

    [Test]
    public void ReversedLimitsChangeTheSign() =>
        Assert.That(TanhSinhQuadrature.Integrate(Math.Exp, 1, 0).Value, Is.EqualTo(1 - Math.E).Within(1e-14));

    [Test]
    public void CancellingIntegrandIsAccurateRelativeToItsMass()
    {
        // ∫_0^1 (3a^2 - 1) da = 0 exactly; the error is judged against ∫|f|.
        var result = TanhSinhQuadrature.Integrate(a => 3 * a * a - 1, 0, 1);
        Assert.That(result.Value, Is.EqualTo(0).Within(1e-14));
    }

    [Test]
    public void ADivergentIntegralDoesNotConverge()
    {
        var result = TanhSinhQuadrature.Integrate(a => Math.Pow(a, -3), 0, 1);
        TestContext.Out.WriteLine(result);
        Assert.That(result.Converged(1e-6), Is.False);
    }

    [Test]
    public void AnOverflowingProductInTheTailIsCutAndItsMassCountedAsError()
    {
        // (a^-5 * 2 - 1) * a^4.2 = 2a^-0.8 - a^4.2 overflows to inf*0 below a = 1e-62 when written
        // as a product; the tail left out there holds about 5e-12 of the integral's 9.8.
        var result = TanhSinhQuadrature.Integrate(a => (Math.Pow(a, -5) * 2 - 1) * Math.Pow(a, 4.2), 0, 1);
        var exact = 2 / 0.2 - 1 / 5.2;
        TestContext.Out.WriteLine(result);
        Assert.That(result.Value, Is.EqualTo(exact).Within(1e-11));
        Assert.That(result.ErrorEstimate, Is.GreaterThanOrEqualTo(Math.Abs(result.Value - exact)));
        Assert.That(result.Converged(1e-6), Is.True);
    }
}
