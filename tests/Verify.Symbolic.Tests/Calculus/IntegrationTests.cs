using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

using ModelAssumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Closed-form integrals against quadrature, and the conditions they need.</summary>
public class IntegrationTests
{
    static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    static readonly Symbol Rho = Sym("rho", SymbolSign.Positive);
    static readonly Symbol AD = Sym("aD", SymbolSign.Positive);
    static readonly Symbol T = Sym("t", SymbolSign.Positive);
    static readonly Symbol TReal = Sym("t");
    static readonly Symbol Y = ExprGenerators.Y, Z = ExprGenerators.Z, R = ExprGenerators.R;

    /// <summary>rho &gt; sigma − 1, as the model assumes, stated as the exponent condition it implies.</summary>
    static AssumingOracle ParetoOracle() => new AssumingOracle().Assume(Rho - Sigma + 1, SignSet.Positive);

    /// <summary>∫_0^aD a^(1−sigma) · rho a^(rho−1) da, the model's integral against the Pareto density.</summary>
    static Expr Pareto(Symbol a) => Integral(Pow(a, 1 - Sigma) * Rho * Pow(a, Rho - 1), a, Zero, AD);

    [TestCase(true)]
    [TestCase(false)]
    public void TheParetoIntegralHasItsClosedForm(bool positiveVariable)
    {
        var a = Sym("a", positiveVariable ? SymbolSign.Positive : SymbolSign.Real);
        var oracle = ParetoOracle();
        var result = Integration.Evaluate(Pareto(a), oracle);
        Assert.That(result.IsComplete, () => string.Join("; ", result.Unevaluated));
        var p1 = Rho - Sigma + 1;
        Assert.That(result.Value, Is.EqualTo(Rho * Pow(AD, p1) / p1));
        Assert.That(result.Conditions, Has.Some.Matches<SideCondition>(c => c!.Expression.Equals(p1) && c.Sign == SignSet.Positive));
        Assert.That(oracle.Asked, Has.Some.Matches<(Expr E, SignSet S, string Rule, bool P)>(
            q => q.E.Equals(p1) && q.Rule == Integration.RuleConvergenceAtZero && q.P));
    }

    [Test]
    public void TheModelsAssumptionsProveConvergence()
    {
        // The relation-based oracle derives rho - sigma + 1 > 0 from rho > sigma - 1 itself.
        var assumptions = new ModelAssumptions([
            new Relation(Sigma, RelationOperator.Greater, One),
            new Relation(Rho, RelationOperator.Greater, Sigma - 1)]);
        var result = Integration.Evaluate(Pareto(Sym("a", SymbolSign.Positive)), assumptions);
        Assert.That(result.IsComplete, () => string.Join("; ", result.Unevaluated));
        Assert.That(result.Conditions.Select(c => c.Rule), Does.Contain(Integration.RuleConvergenceAtZero));
    }

    [Test]
    public void TheParetoClosedFormMatchesQuadrature()
    {
        var closed = Integration.Evaluate(Pareto(Sym("a", SymbolSign.Positive)), ParetoOracle()).Value;
        var points =
            from sigma in Properties.Uniform(1.1, 3)
            from margin in Properties.Uniform(0.2, 2)
            from aD in Properties.Uniform(0.5, 3)
            select new Dictionary<Symbol, double> { [Sigma] = sigma, [Rho] = sigma - 1 + margin, [AD] = aD };
        var unevaluated = (Integral)Pareto(Sym("a", SymbolSign.Positive));
        Properties.Check(points, at =>
        {
            var (symbolic, numeric) = (Evaluator.Evaluate(closed, at), ReferenceQuadrature.Integrate(unevaluated, at));
            var ok = ExprGenerators.Close(symbolic, numeric, 1e-9);
            if (!ok) TestContext.Out.WriteLine($"{symbolic} vs {numeric} at {string.Join(", ", at)}");
            return ok;
        }, seed: 20260531, count: 40);
    }

    [Test]
    public void UnprovedConvergenceIsReportedNotAssumed()
    {
        var result = Integration.Evaluate(Pareto(Sym("a", SymbolSign.Positive)), StructuralSign.Instance);
        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Value, Is.InstanceOf<Integral>(), "the integral stays as it was");
        Assert.That(result.Conditions, Is.Empty);
        Assert.That(result.Unevaluated.Single().Reason, Does.Contain("converges only if rho - sigma + 1 > 0"));
    }

    [Test]
    public void AnExponentOfUnknownSignNeedsPPlusOneNonZero()
    {
        var p = Sym("p");
        var result = Integration.Evaluate(Integral(Pow(T, p), T, One, Y), StructuralSign.Instance);
        Assert.That(result.Unevaluated.Single().Reason, Does.Contain("needs p + 1 != 0"));
        var proved = Integration.Evaluate(Integral(Pow(T, p), T, One, Y), new AssumingOracle().Assume(p + 1, SignSet.NonZero));
        Assert.That(proved.Value, Is.EqualTo((Pow(Y, p + 1) - 1) / (p + 1)));
    }

    [Test]
    public void OneOverTGivesLogarithms()
    {
        var result = Integration.Evaluate(Integral(3 / T, T, Y, Z), StructuralSign.Instance);
        Assert.That(result.Value, Is.EqualTo(3 * (Ln(Z) - Ln(Y))));
        var fromZero = Integration.Evaluate(Integral(1 / T, T, Zero, Z), StructuralSign.Instance);
        Assert.That(fromZero.Unevaluated.Single().Reason, Does.Contain("converges only if"));
    }

    [Test]
    public void ARealLimitIsRefusedForNonIntegerPowersButFineForPolynomials()
    {
        var root = Integration.Evaluate(Integral(Pow(TReal, OneHalf), TReal, R, One), StructuralSign.Instance);
        Assert.That(root.Unevaluated.Single().Reason, Does.Contain("limit r is not proved >= 0"));
        var polynomial = Integration.Evaluate(Integral(Pow(TReal, 2) + 1, TReal, R, One), StructuralSign.Instance);
        // One piece per power: (1 − r^3)/3 + (1 − r).
        Assert.That(polynomial.Value, Is.EqualTo((1 - Pow(R, 3)) / 3 + (1 - R)));
    }

    [Test]
    public void TermsThatAreNotPowersOfTheVariableAreReported()
    {
        var result = Integration.Evaluate(Y + Integral(Exp(T), T, Zero, One), StructuralSign.Instance);
        Assert.That(result.Value, Is.EqualTo(Y + Integral(Exp(T), T, Zero, One)));
        Assert.That(result.Unevaluated.Single().Reason, Does.Contain("not of the form c*t^p").And.Contain("exp(t)"));
    }

    [Test]
    public void ProductsAreDistributedAndInnerIntegralsGoFirst()
    {
        var s = Sym("s", SymbolSign.Positive);
        // ∫_0^1 (s + 1)·∫_0^s t dt ds = ∫_0^1 (s^3 + s^2)/2 ds = 1/8 + 1/6.
        var e = Integral((s + 1) * Integral(T, T, Zero, s), s, Zero, One);
        var result = Integration.Evaluate(e, StructuralSign.Instance);
        Assert.That(result.Value, Is.EqualTo(Num(7, 24)));
    }

    /// <summary>A sum of terms c·t^(k/4) with k in [lowest, 12].</summary>
    static FsCheck.Gen<Expr> PowerSum(int lowest) =>
        from n in Gen.Choose(1, 3)
        from terms in Gen.ListOf(
            from c in ExprGenerators.SmallRational
            from parameter in Gen.Elements<Expr>(One, Y, Z)
            from k in Gen.Choose(lowest, 12)
            select c * parameter * Pow(T, Num(k, 4)), n)
        select Add(terms);

    [Test]
    public void RandomPowerSumsMatchQuadrature()
    {
        var draw =
            // Exponents down to −3/4 on the left only, so every product converges at 0.
            from left in PowerSum(-3)
            from right in Gen.OneOf(Gen.Constant<Expr>(One), PowerSum(0))
            from lower in Gen.Elements<Expr>(Zero, Y, Num(1, 2))
            from upper in Gen.Elements<Expr>(Z, Y + Z, Num(2))
            let e = Integral(left * right, T, lower, upper)
            where e is Integral        // a body that cancels to 0 is no integral at all
            from at in ExprGenerators.Point
            select ((Integral)e, at);
        Properties.Check(draw, s =>
        {
            var (e, at) = s;
            var result = Integration.Evaluate(e, StructuralSign.Instance);
            if (!result.IsComplete || result.Value.Any(n => n is Integral)) return false;
            var (symbolic, numeric) = (Evaluator.Evaluate(result.Value, at), ReferenceQuadrature.Integrate(e, at));
            var ok = ExprGenerators.Close(symbolic, numeric, 1e-9);
            if (!ok) TestContext.Out.WriteLine($"{e} = {result.Value}: {symbolic} vs {numeric} at {string.Join(", ", at)}");
            return ok;
        }, seed: 20260532, count: 60);
    }

    [Test]
    public void ExpandedIntegerPowersOfSums()
    {
        var result = Integration.Evaluate(Integral(Pow(T + Y, 2), T, Zero, One), StructuralSign.Instance);
        Assert.That(result.Value, Is.EqualTo(Num(1, 3) + Y + Pow(Y, 2)));
    }

    [Test]
    public void NullInputIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => Integration.Evaluate(null!, StructuralSign.Instance));
        Assert.Throws<ArgumentNullException>(() => Integration.Evaluate(One, null!));
    }
}
