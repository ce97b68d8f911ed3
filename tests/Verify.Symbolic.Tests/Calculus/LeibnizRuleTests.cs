using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>d/dx of integrals whose limits and integrand depend on x, against finite differences of quadrature.</summary>
public class LeibnizRuleTests
{
    static readonly Symbol T = Sym("t", SymbolSign.Positive);
    static readonly Symbol X = ExprGenerators.X;

    static double SymbolicAt(Expr d, Dictionary<Symbol, double> at) => Evaluator.Evaluate(d, at);

    static double? NumericAt(Expr e, Dictionary<Symbol, double> at) =>
        NumericDifferences.Derivative(v => Evaluator.Evaluate(e, new Dictionary<Symbol, double>(at) { [X] = v }), at[X]);

    [Test]
    public void AKnownIntegralWithBothLimitsAndTheBodyVarying()
    {
        // ∫_x^{x^2} t·exp(−t·x) dt: all three Leibniz terms are non-zero.
        var e = Integral(T * Exp(-(T * X)), T, X, Pow(X, 2));
        var d = Differentiation.Derivative(e, X);
        Assert.That(d.Any(n => n is Integral), "the body's x-dependence stays as an integral");
        foreach (var x in new[] { 0.5, 1.3, 2.2 })
        {
            var at = new Dictionary<Symbol, double> { [X] = x };
            Assert.That(SymbolicAt(d, at), Is.EqualTo(NumericAt(e, at)!.Value).Within(1e-7));
        }
    }

    [Test]
    public void RandomIntegrandsAndLimits()
    {
        // Integrand: a random real expression with z renamed to the bound t; limits: random positive
        // expressions in x, y, z (the outer z, a different symbol from t), the upper one always moving with x.
        var draw =
            from body in ExprGenerators.Real(2)
            from lower in ExprGenerators.Positive(1)
            from upper in ExprGenerators.Positive(1)
            from at in ExprGenerators.Point
            select (Integral(body.Substitute(ExprGenerators.Z, T), T, lower, upper + X), at);
        int skipped = 0, nonZero = 0, draws = 60;
        Properties.Check(draw, s =>
        {
            var (e, at) = s;
            var d = Differentiation.Derivative(e, X);
            if (!d.Equals(Zero)) nonZero++;
            var symbolic = SymbolicAt(d, at);
            var numeric = NumericAt(e, at);
            if (numeric is null || !double.IsFinite(symbolic)) { skipped++; return true; }
            return ExprGenerators.Close(symbolic, numeric.Value, 1e-6);
        }, seed: 20260511, count: draws);
        TestContext.Out.WriteLine($"skipped {skipped} of {draws}; {nonZero} non-zero derivatives");
        Assert.That(skipped, Is.LessThan(draws / 10));
        Assert.That(nonZero, Is.GreaterThan(draws / 2));
    }

    [Test]
    public void TotalDerivativeThroughALimitThatDependsOnX()
    {
        // y depends on x with dy/dx = 2x (y = x^2 + const): d/dx ∫_0^y t dt = y·2x.
        var y = ExprGenerators.Y;
        var e = Integral(T, T, Zero, y);
        var d = Differentiation.TotalDerivative(e, X, new Dictionary<Symbol, Expr> { [y] = 2 * X });
        Assert.That(d, Is.EqualTo(2 * X * y));
    }
}
