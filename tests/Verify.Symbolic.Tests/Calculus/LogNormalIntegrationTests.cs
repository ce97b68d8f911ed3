using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>
/// Partial moments of a log-normal kernel, ∫ c·t^p·exp(q (ln t)² + r ln t + k) dt with q &lt; 0, in
/// closed form (erf) against quadrature, and the conditions the closed form needs.
/// </summary>
public class LogNormalIntegrationTests
{
    static readonly Symbol Mu = Sym("mu");
    static readonly Symbol S = Sym("s", SymbolSign.Positive);
    static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    static readonly Symbol Lo = Sym("lo", SymbolSign.Positive);
    static readonly Symbol Hi = Sym("hi", SymbolSign.Positive);
    static readonly Symbol B = Sym("B", SymbolSign.Positive);
    static readonly Symbol A = Sym("a", SymbolSign.Positive);

    /// <summary>The log-normal density of the model file: exp(−(ln a − μ)²/(2s²))/(a s √(2π)).</summary>
    static Expr Density(Symbol a) =>
        Exp(-Pow(Ln(a) - Mu, 2) / (2 * Pow(S, 2))) / (a * S * Sqrt(Num(2)) * Call("tgamma", OneHalf));

    static IEnumerable<TestCaseData> Integrands()
    {
        yield return new TestCaseData(Pow(A, 1 - Sigma) * Density(A), Zero).SetName("a^(1-sigma) g(a) from 0");
        yield return new TestCaseData(Pow(A, 1 - Sigma) * Density(A), (Expr)Lo).SetName("a^(1-sigma) g(a) from lo");
        yield return new TestCaseData((B * Pow(A, 1 - Sigma) - 1) * Density(A), Zero).SetName("(B a^(1-sigma) - 1) g(a), a sum of two kernels");
        yield return new TestCaseData(A * Pow(A, 1 - Sigma) * Density(A) * Exp(Ln(A) * Mu), (Expr)Lo).SetName("a kernel with an extra linear term in ln a");
    }

    [TestCaseSource(nameof(Integrands))]
    public void TheClosedFormMatchesQuadrature(Expr body, Expr lower)
    {
        var integral = (Integral)Integral(body, A, lower, Hi);
        var result = Integration.Evaluate(integral, StructuralSign.Instance);
        Assert.That(result.IsComplete, () => string.Join("; ", result.Unevaluated.Select(u => u.Reason)));
        Assert.That(result.Value.Any(n => n is Call { Name: "erf" }), "the closed form is written with erf");
        var points =
            from mu in Properties.Uniform(-3, 0.5)
            from s in Properties.Uniform(0.2, 1.5)
            from sigma in Properties.Uniform(1.1, 4)
            from hi in Properties.Uniform(0.05, 1)
            from share in Properties.Uniform(0.05, 0.95)
            from b in Properties.Uniform(0.1, 3)
            select new Dictionary<Symbol, double> { [Mu] = mu, [S] = s, [Sigma] = sigma, [Hi] = hi, [Lo] = share * hi, [B] = b };
        Properties.Check(points, at =>
        {
            var (closed, numeric) = (Evaluator.Evaluate(result.Value, at), InLogarithm(integral, at));
            var ok = ExprGenerators.Close(closed, numeric, 1e-9);
            if (!ok) TestContext.Out.WriteLine($"{closed} vs {numeric} at {string.Join(", ", at)}");
            return ok;
        }, seed: 20261208, count: 40);
    }

    /// <summary>
    /// The integral by quadrature in u = ln t, where the kernel is a smooth Gaussian: ∫ f(e^u) e^u du,
    /// from ln(lower), or from 80 below ln(upper) for a lower limit 0 (the Gaussian's tail beyond is
    /// below rounding for the spreads drawn here).
    /// </summary>
    static double InLogarithm(Integral integral, IReadOnlyDictionary<Symbol, double> at)
    {
        var lower = Evaluator.Evaluate(integral.Lower, at);
        var upper = Math.Log(Evaluator.Evaluate(integral.Upper, at));
        var point = new Dictionary<Symbol, double>(at);
        double Body(double u) { point[integral.Variable] = Math.Exp(u); return Evaluator.Evaluate(integral.Body, point) * Math.Exp(u); }
        return Evaluator.Quadrature(Body, lower > 0 ? Math.Log(lower) : upper - 80, upper);
    }

    [Test]
    public void AKernelNotProvedDecreasingInLnTStaysAnIntegral()
    {
        // exp(+c (ln a)^2) with c of unknown sign: the Gaussian form needs c < 0.
        var c = Sym("c");
        var result = Integration.Evaluate(Integral(Exp(c * Pow(Ln(A), 2)), A, Lo, Hi), StructuralSign.Instance);
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Unevaluated.Single().Reason, Does.Contain("only if c < 0"));
    }

    [Test]
    public void ALowerLimitNotProvedPositiveStaysAnIntegral()
    {
        var lo = Sym("lo");   // real, sign unknown: ln(lo) may not exist
        var result = Integration.Evaluate(Integral(Density(A), A, lo, Hi), StructuralSign.Instance);
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Unevaluated.Single().Reason, Does.Contain("not proved >= 0"));
    }

    [Test]
    public void ALowerLimitThatMayBeZeroGivesTheIntegralFromZeroThere()
    {
        var lo = Sym("lo", SymbolSign.NonNegative);
        var body = Pow(A, 1 - Sigma) * Density(A);
        var result = Integration.Evaluate(Integral(body, A, lo, Hi), StructuralSign.Instance);
        Assert.That(result.IsComplete, () => string.Join("; ", result.Unevaluated.Select(u => u.Reason)));
        var fromZero = Integration.Evaluate(Integral(body, A, Zero, Hi), StructuralSign.Instance).Value;
        var at = new Dictionary<Symbol, double> { [Mu] = -1, [S] = 0.5, [Sigma] = 2.5, [Hi] = 0.4 };
        var expected = Evaluator.Evaluate(fromZero, at);
        Assert.That(Evaluator.Evaluate(result.Value, new Dictionary<Symbol, double>(at) { [lo] = 0 }), Is.EqualTo(expected).Within(1e-14 * expected));
        Assert.That(Compiler.Compile(result.Value, [Mu, S, Sigma, Hi, lo])([-1, 0.5, 2.5, 0.4, 0]), Is.EqualTo(expected).Within(1e-14 * expected));
    }

    [Test]
    public void AnUpperLimitThatMayBeZeroGivesZeroThere()
    {
        // ∫_0^aR with aR >= 0, as the movers' market sum C(0, aR): 0 at aR = 0, the moment from 0 elsewhere.
        var aR = Sym("aR", SymbolSign.NonNegative);
        var body = Pow(A, 1 - Sigma) * Density(A);
        var result = Integration.Evaluate(Integral(body, A, Zero, aR), StructuralSign.Instance);
        Assert.That(result.IsComplete, () => string.Join("; ", result.Unevaluated.Select(u => u.Reason)));
        var at = new Dictionary<Symbol, double> { [Mu] = -1, [S] = 0.5, [Sigma] = 2.5, [aR] = 0 };
        Assert.That(Evaluator.Evaluate(result.Value, at), Is.EqualTo(0));
        Assert.That(Compiler.Compile(result.Value, [Mu, S, Sigma, aR])([-1, 0.5, 2.5, 0]), Is.EqualTo(0));
        var fromZero = Integration.Evaluate(Integral(body, A, Zero, Hi), StructuralSign.Instance).Value;
        var positive = new Dictionary<Symbol, double>(at) { [aR] = 0.3 };
        var expected = Evaluator.Evaluate(fromZero, new Dictionary<Symbol, double>(at) { [Hi] = 0.3 });
        Assert.That(Evaluator.Evaluate(result.Value, positive), Is.EqualTo(expected).Within(1e-14 * expected));
    }

    [Test]
    public void TheWholeDensityIntegratesToOne()
    {
        // ∫_0^hi g = (1 + erf((ln hi − μ)/(s√2)))/2, which tends to 1 as hi grows.
        var result = Integration.Evaluate(Integral(Density(A), A, Zero, Hi), StructuralSign.Instance);
        var at = new Dictionary<Symbol, double> { [Mu] = -1, [S] = 0.5, [Hi] = 1e6 };
        Assert.That(Evaluator.Evaluate(result.Value, at), Is.EqualTo(1).Within(1e-12));
    }
}
