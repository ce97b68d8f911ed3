using Verify.Symbolic.Numbers;
using NUnit.Framework;
using Verify.Symbolic.Core;

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

    [Test]
    public void AnIntegrandThatUnderflowsBeforeItOverflowsLosesNothing()
    {
        // (4 t^(-1/4)) * t^2 * s^7 with t = s^8: an s^21 that underflows to 0 near s = 0, then
        // inf*0 = NaN deeper still, where t itself underflows. The cut tail holds nothing.
        double F(double s) { var t = Math.Pow(s, 8); return 4 * Math.Pow(t, -0.25) * t * t * Math.Pow(s, 7); }
        var result = TanhSinhQuadrature.Integrate(F, 0, 1);
        TestContext.Out.WriteLine(result);
        Assert.That(result.Value, Is.EqualTo(4.0 / 22).Within(1e-15));
        Assert.That(result.Converged(1e-12), Is.True);
    }

    [Test]
    public void ANarrowIntervalFarFromZeroConvergesQuickly()
    {
        // As C(aR, aD) with aR near aD: [lo, hi] narrower than 1e-5 of lo. Nodes round onto the
        // endpoints there; they take f's value, so the sum converges instead of running to the last level.
        const double lo = 0.8681656901745002, hi = 0.8681773643146578, p = 3.2;
        var result = TanhSinhQuadrature.Integrate(a => Math.Pow(a, p), lo, hi);
        const double exact = 7.426131346086456004670e-06;   // (hi^4.2 - lo^4.2)/4.2, to 40 digits
        TestContext.Out.WriteLine($"{result}; relative error {(result.Value - exact) / exact:E2}");
        Assert.That(result.Value, Is.EqualTo(exact).Within(1e-14 * exact));
        Assert.That(result.Evaluations, Is.LessThan(300));
        Assert.That(result.Converged(1e-14), Is.True);
    }

    // The evaluator and compiled expressions share this quadrature: a^(-0.71) on [0, 0.886]
    // lost 1e-4 relative under the previous double-exponential rule.
    [TestCase(-71, 100, 0.886)]
    [TestCase(-95, 100, 0.4)]
    [TestCase(3, 2, 2.0)]
    public void EvaluatorAndCompilerIntegrateEndpointSingularitiesToFullAccuracy(long numerator, long denominator, double x)
    {
        var p = (double)numerator / denominator;
        var a = Expr.Sym("a", SymbolSign.Positive);
        var upper = Expr.Sym("x", SymbolSign.Positive);
        var integral = Expr.Integral(Expr.Pow(a, Expr.Num(numerator, denominator)), a, Expr.Zero, upper);
        var exact = Math.Pow(x, p + 1) / (p + 1);
        var walked = Evaluator.Evaluate(integral, (upper, x));
        var compiled = Compiler.Compile(integral, [upper])([x]);
        TestContext.Out.WriteLine($"p = {p}: walker {(walked - exact) / exact:E2}, compiled {(compiled - exact) / exact:E2} (relative)");
        Assert.That(walked, Is.EqualTo(exact).Within(5e-14 * exact));
        Assert.That(compiled, Is.EqualTo(exact).Within(5e-14 * exact));
    }

    [Test]
    public void TheEvaluatorGivesNoValueForADivergentIntegral() =>
        Assert.That(Evaluator.Quadrature(a => Math.Pow(a, -3), 0, 1), Is.NaN);
}
