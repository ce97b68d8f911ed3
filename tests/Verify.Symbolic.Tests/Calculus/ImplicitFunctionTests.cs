using FsCheck.Fluent;
using MathNet.Numerics.RootFinding;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>
/// y(phi, sigma, alpha) defined by phi*y^(1-sigma) - phi*y^alpha - 1 = 0 on (0, 1), for sigma &gt; 1:
/// symbolic derivatives against finite differences of root-found values.
/// </summary>
public class ImplicitFunctionTests
{
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol Phi = Sym("phi", SymbolSign.Positive);
    static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    static readonly Symbol Alpha = Sym("alpha", SymbolSign.Positive);
    static readonly Symbol[] Parameters = [Phi, Sigma, Alpha];
    static readonly Expr Residual = Phi * Pow(Y, 1 - Sigma) - Phi * Pow(Y, Alpha) - 1;

    /// <summary>What the model's assumptions give: sigma &gt; 1, and y's values lie in (0, 1).</summary>
    static AssumingOracle ModelOracle() => new AssumingOracle()
        .Assume(1 - Sigma, SignSet.Negative)
        .Assume(e => e is Call { Name: "y", Partials.IsEmpty: true } ? SignSet.Positive : null);

    static ImplicitFunctions Registry(ISignOracle? oracle = null) =>
        new ImplicitFunctions(oracle ?? ModelOracle()).Define("y", Y, Parameters, Residual);

    static readonly Expr YCall = Call("y", Phi, Sigma, Alpha);

    /// <summary>The root in (0, 1): the residual falls from +∞ at 0 to −1 at 1.</summary>
    static double Root(double phi, double sigma, double alpha) =>
        Brent.FindRoot(v => phi * Math.Pow(v, 1 - sigma) - phi * Math.Pow(v, alpha) - 1, 1e-12, 1, 1e-15, 400);

    static readonly FunctionTable Numeric = new FunctionTable().Define("y", a => Root(a[0], a[1], a[2]));

    static readonly FsCheck.Gen<Dictionary<Symbol, double>> Points =
        from phi in Properties.Uniform(0.5, 3)
        from sigma in Properties.Uniform(1.3, 3)
        from alpha in Properties.Uniform(0.2, 2)
        select new Dictionary<Symbol, double> { [Phi] = phi, [Sigma] = sigma, [Alpha] = alpha };

    static double Eval(Expr e, Dictionary<Symbol, double> at) => Evaluator.Evaluate(e, at, Numeric);

    static double? Difference(Expr e, Symbol p, Dictionary<Symbol, double> at) =>
        NumericDifferences.Derivative(v => Eval(e, new Dictionary<Symbol, double>(at) { [p] = v }), at[p], 1e-4);

    [Test]
    public void TheFirstPartialIsMinusFpOverFy()
    {
        var fy = Phi * (1 - Sigma) * Pow(Y, -Sigma) - Phi * Alpha * Pow(Y, Alpha - 1);
        var fphi = Pow(Y, 1 - Sigma) - Pow(Y, Alpha);
        var expected = (-fphi / fy).Substitute(Y, YCall);
        Assert.That(Registry().Partial((Call)YCall, 0), Is.EqualTo(expected));
    }

    [Test]
    public void FirstPartialsMatchFiniteDifferencesOfTheRoot()
    {
        var registry = Registry();
        var partials = Parameters.Select(p => Differentiation.Derivative(YCall, p, registry)).ToArray();
        Assert.That(partials.All(d => !d.Any(n => n is Call { Partials.IsEmpty: false })), "every partial is in closed form");
        int skipped = 0;
        Properties.Check(Points, at =>
        {
            for (int i = 0; i < Parameters.Length; i++)
            {
                var numeric = Difference(YCall, Parameters[i], at);
                if (numeric is null) { skipped++; continue; }
                if (!ExprGenerators.Close(Eval(partials[i], at), numeric.Value, 1e-6)) return false;
            }
            return true;
        }, seed: 20260521, count: 40);
        Assert.That(skipped, Is.LessThan(12));
    }

    [Test]
    public void SecondPartialsMatchFiniteDifferencesOfTheFirst()
    {
        // Differentiating y^(-sigma) by sigma needs y > 0, which only the model's oracle knows.
        var oracle = ModelOracle();
        var registry = Registry(oracle);
        var dPhi = Differentiation.Derivative(YCall, Phi, registry, oracle);
        var dPhiSigma = Differentiation.Derivative(dPhi, Sigma, registry, oracle);
        var dPhiPhi = Differentiation.Derivative(dPhi, Phi, registry, oracle);
        int skipped = 0;
        Properties.Check(Points, at =>
        {
            foreach (var (second, p) in new[] { (dPhiSigma, Sigma), (dPhiPhi, Phi) })
            {
                var numeric = Difference(dPhi, p, at);
                if (numeric is null) { skipped++; continue; }
                if (!ExprGenerators.Close(Eval(second, at), numeric.Value, 1e-5)) return false;
            }
            return true;
        }, seed: 20260522, count: 30);
        Assert.That(skipped, Is.LessThan(6));
    }

    [Test]
    public void ACallWithRecordedPartialsContinuesFromThem()
    {
        // ∂/∂alpha of y'[0] must be the same function as differentiating the closed-form ∂y/∂phi by alpha.
        var oracle = ModelOracle();
        var registry = Registry(oracle);
        var viaRecorded = registry.Partial((Call)Call("y", [Phi, Sigma, Alpha], [0]), 2)!;
        var viaFormula = Differentiation.Derivative(Differentiation.Derivative(YCall, Phi, registry, oracle), Alpha, registry, oracle);
        var at = new Dictionary<Symbol, double> { [Phi] = 1.7, [Sigma] = 2.1, [Alpha] = 0.6 };
        Assert.That(Eval(viaRecorded, at), Is.EqualTo(Eval(viaFormula, at)).Within(1e-10));
    }

    [Test]
    public void TheChainRuleRunsThroughTheArguments()
    {
        // d/dx y(x^2, sigma, alpha) = 2x ∂y/∂phi at phi = x^2.
        var x = Sym("x", SymbolSign.Positive);
        var registry = Registry();
        var e = Call("y", Pow(x, 2), Sigma, Alpha);
        var d = Differentiation.Derivative(e, x, registry);
        var at = new Dictionary<Symbol, double> { [x] = 1.2, [Sigma] = 1.8, [Alpha] = 0.9 };
        var numeric = NumericDifferences.Derivative(v => Eval(e, new Dictionary<Symbol, double>(at) { [x] = v }), 1.2, 1e-4);
        Assert.That(Eval(d, at), Is.EqualTo(numeric!.Value).Within(1e-7));
    }

    [Test]
    public void SecondDerivativesByAnExponentParameterNeedThePositiveValue()
    {
        var registry = Registry();
        var dPhi = Differentiation.Derivative(YCall, Phi, registry);
        var error = Assert.Throws<DifferentiationException>(() => Differentiation.Derivative(dPhi, Sigma, registry));
        Assert.That(error!.Message, Does.Contain("base y(phi, sigma, alpha) > 0"));
    }

    [Test]
    public void AnUnprovedSlopeIsAClearError()
    {
        var registry = Registry(StructuralSign.Instance);
        var error = Assert.Throws<DifferentiationException>(() => Differentiation.Derivative(YCall, Phi, registry));
        Assert.That(error!.Message, Does.Contain("implicit function theorem").And.Contain("!= 0"));
    }

    [Test]
    public void TheSlopeConditionIsAskedOfTheOracle()
    {
        var oracle = ModelOracle();
        Differentiation.Derivative(YCall, Alpha, Registry(oracle));
        Assert.That(oracle.Asked, Has.Some.Matches<(Expr E, SignSet S, string Rule, bool P)>(
            q => q.Rule == ImplicitFunctions.RuleNonZeroSlope && q.S == SignSet.NonZero && q.P));
    }

    [Test]
    public void OtherFunctionsAreNotItsBusiness()
    {
        var registry = Registry();
        Assert.That(registry.Partial((Call)Call("g", Phi), 0), Is.Null);
        Assert.That(Differentiation.Derivative(Call("g", Phi), Phi, registry), Is.EqualTo(Call("g", [Phi], [0])));
    }

    [Test]
    public void BadDefinitionsAreRejectedClearly()
    {
        var registry = new ImplicitFunctions();
        Assert.That(Assert.Throws<ArgumentException>(() => registry.Define("f", Y, [Phi], Phi - 1))!.Message,
            Does.Contain("does not involve the unknown 'y'"));
        Assert.That(Assert.Throws<ArgumentException>(() => registry.Define("f", Y, [Phi], Y - Phi - Alpha))!.Message,
            Does.Contain("alpha"));
        Assert.That(Assert.Throws<ArgumentException>(() => registry.Define("f", Y, [Phi, Y], Y - Phi))!.Message,
            Does.Contain("cannot also be a parameter"));
        Assert.Throws<ArgumentException>(() => registry.Define("max", Y, [Phi], Y - Phi));
        registry.Define("f", Y, [Phi], Y - Phi);
        Assert.Throws<ArgumentException>(() => registry.Define("f", Y, [Phi], Y - 2 * Phi));
    }

    [Test]
    public void AWrongNumberOfArgumentsIsRejectedClearly()
    {
        var registry = Registry();
        Assert.That(Assert.Throws<ArgumentException>(() => registry.Call("y", Phi))!.Message, Does.Contain("takes 3 arguments, got 1"));
        Assert.Throws<ArgumentException>(() => registry.Partial((Call)Call("y", Phi, Sigma), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Partial((Call)YCall, 3));
    }
}
