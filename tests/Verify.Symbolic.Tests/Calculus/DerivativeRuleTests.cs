using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Calculus.Differentiation;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>The differentiation rules one by one, compared with the canonical form of the known answer.</summary>
public class DerivativeRuleTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol R = Sym("r");
    static readonly Symbol A = Sym("a");

    [Test] public void ConstantsAndOtherSymbolsVanish()
    {
        Assert.That(Derivative(Num(7, 3), X), Is.EqualTo(Zero));
        Assert.That(Derivative(Y * R, X), Is.EqualTo(Zero));
        Assert.That(Derivative(X, X), Is.EqualTo(One));
    }

    [Test] public void SumsAndProducts() =>
        Assert.That(Derivative(3 * X * Y + R * X + 5, X), Is.EqualTo(3 * Y + R));

    [Test] public void ProductOfTwoFunctionsOfX() =>
        Assert.That(Derivative(X * Ln(X), X), Is.EqualTo(Ln(X) + 1));

    [Test] public void ConstantExponent()
    {
        Assert.That(Derivative(Pow(X, 3), X), Is.EqualTo(3 * Pow(X, 2)));
        Assert.That(Derivative(Pow(X, A), X), Is.EqualTo(A * Pow(X, A - 1)));
        // The base need not be positive when the exponent is constant.
        Assert.That(Derivative(Pow(R, 2), R), Is.EqualTo(2 * R));
    }

    [Test] public void ExponentDependingOnXWithPositiveBase()
    {
        Assert.That(Derivative(Pow(Num(2), X), X), Is.EqualTo(Pow(Num(2), X) * Ln(Num(2))));
        Assert.That(Derivative(Pow(X, X), X), Is.EqualTo(Pow(X, X) * (Ln(X) + 1)));
    }

    [Test] public void ExponentDependingOnXWithUnprovedBaseIsAClearError()
    {
        var e = Pow(R, X);
        var error = Assert.Throws<DifferentiationException>(() => Derivative(e, X));
        Assert.That(error!.Message, Does.Contain("base r > 0"));
    }

    [Test] public void TheOracleDecidesTheVariableExponentBase()
    {
        var oracle = new AssumingOracle().Assume(R, SignSet.Positive);
        var d = Derivative(Pow(R, X), X, oracle: oracle);
        Assert.That(d, Is.EqualTo(Pow(R, X) * Ln(R)));
        Assert.That(oracle.Asked, Has.Some.Matches<(Expr E, SignSet S, string Rule, bool P)>(
            q => q.E.Equals(R) && q.Rule == RuleVariableExponent && q.P));
    }

    [Test] public void LogAndExp()
    {
        Assert.That(Derivative(Ln(X), X), Is.EqualTo(1 / X));
        Assert.That(Derivative(Exp(2 * X), X), Is.EqualTo(2 * Exp(2 * X)));
        Assert.That(Derivative(Ln(Pow(X, 2) + 1), X), Is.EqualTo(2 * X / (Pow(X, 2) + 1)));
    }

    [Test] public void UnknownFunctionsRecordThePartial()
    {
        var f = Call("f", Pow(X, 2), Y);
        var d = Derivative(f, X);
        Assert.That(d, Is.EqualTo(Call("f", [Pow(X, 2), Y], [0]) * 2 * X));
        // Again: the partials accumulate, sorted.
        var d2 = Derivative(Call("f", [X, X], [1]), X);
        Assert.That(d2, Is.EqualTo(Call("f", [X, X], [0, 1]) + Call("f", [X, X], [1, 1])));
    }

    [Test] public void KnownPartialsComeFromTheFunctionTable()
    {
        var d = Derivative(Call("g", Pow(X, 3)), X, new Doubling());
        Assert.That(d, Is.EqualTo(2 * Pow(X, 3) * 3 * Pow(X, 2)));
    }

    /// <summary>g(u) with g'(u) = 2u.</summary>
    sealed class Doubling : IFunctionDerivatives
    {
        public Expr? Partial(Call call, int index) => call.Name == "g" ? 2 * call.Arguments[index] : null;
    }

    [Test] public void MaxAndMinWithADecidedBranch()
    {
        Assert.That(Derivative(Call("max", X + 1, X, Num(0)), X), Is.EqualTo(One));
        Assert.That(Derivative(Call("min", Pow(X, 2), -X), X), Is.EqualTo(MinusOne));
        Assert.That(Derivative(Call("max", Y, R), X), Is.EqualTo(Zero), "no dependence on x needs no branch");
    }

    [Test] public void MaxWithAnUndecidedBranchIsAClearError()
    {
        var error = Assert.Throws<DifferentiationException>(() => Derivative(Call("max", X, Y), X));
        Assert.That(error!.Message, Does.Contain("max(x, y)").And.Contain("largest"));
    }

    [Test] public void AbsFollowsTheProvedSign()
    {
        Assert.That(Derivative(Call("abs", X), X), Is.EqualTo(One));
        Assert.That(Derivative(Call("abs", -X - 1), X), Is.EqualTo(One));
        var error = Assert.Throws<DifferentiationException>(() => Derivative(Call("abs", R), R));
        Assert.That(error!.Message, Does.Contain("neither r > 0 nor r < 0"));
        var oracle = new AssumingOracle().Assume(R, SignSet.Negative);
        Assert.That(Derivative(Call("abs", R), R, oracle: oracle), Is.EqualTo(MinusOne));
    }

    [Test] public void LeibnizRuleWithLimitsAndBody()
    {
        var t = Sym("t", SymbolSign.Positive);
        var e = Integral(X * t, t, Zero, Pow(X, 2));
        // g(x^2)·2x + ∫ t dt
        Assert.That(Derivative(e, X), Is.EqualTo(X * Pow(X, 2) * 2 * X + Integral(t, t, Zero, Pow(X, 2))));
    }

    [Test] public void TheIntegrationVariableIsBound()
    {
        // In ∫_0^x x^2 dx the body's x is the bound one: only the upper limit varies.
        var e = Integral(Pow(X, 2), X, Zero, X);
        Assert.That(Derivative(e, X), Is.EqualTo(Pow(X, 2)));
    }

    [Test] public void TotalDerivativeFollowsDependents()
    {
        var dependents = new Dictionary<Symbol, Expr> { [Y] = 2 * X };
        Assert.That(TotalDerivative(X * Y, X, dependents), Is.EqualTo(Y + 2 * Pow(X, 2)));
        Assert.That(TotalDerivative(Ln(Y), X, dependents), Is.EqualTo(2 * X / Y));
    }

    [Test] public void TotalDerivativeRejectsXAsItsOwnDependent()
    {
        var dependents = new Dictionary<Symbol, Expr> { [X] = One };
        Assert.Throws<ArgumentException>(() => TotalDerivative(X, X, dependents));
    }

    [Test] public void TotalDerivativeRefusesACapturedIntegrationVariable()
    {
        var t = Sym("t", SymbolSign.Positive);
        var dependents = new Dictionary<Symbol, Expr> { [Y] = t };
        var e = Integral(Y * t, t, Zero, One);
        var error = Assert.Throws<DifferentiationException>(() => TotalDerivative(e, X, dependents));
        Assert.That(error!.Message, Does.Contain("integration variable 't'"));
    }
}
