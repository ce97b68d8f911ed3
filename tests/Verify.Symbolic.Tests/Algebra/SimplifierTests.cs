using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>The known traps: rules that hold only under a side condition.</summary>
public class SimplifierTests
{
    static readonly Symbol X = Sym("x");   // real, sign unknown unless assumed
    static readonly Symbol P = Sym("p");
    static readonly Symbol Q = Sym("q");

    static Assumptions Assume(params Relation[] rs) => new(rs);

    [Test]
    public void PowersOfOneBaseMergeOnceTheBaseIsProvedPositive()
    {
        var e = Pow(X, P) * Pow(X, Q);
        Assert.That(e, Is.InstanceOf<Product>(), "no merging for a real x");
        Assert.That(Simplifier.Simplify(e, Assumptions.None), Is.SameAs(e));
        var positive = Assume(Gt(X, 0));
        Assert.That(Simplifier.Simplify(e, positive), Is.EqualTo(Pow(X, P + Q)));
        Assert.That(positive.Trace, Has.Some.Matches<SideCondition>(c => c!.Rule == Canonical.RuleMergePowers && c.Expression.Equals(X)));
    }

    [Test]
    public void SquareRootOfASquareIsTheBaseOnlyWhenItIsProvedNonNegative()
    {
        var e = Sqrt(Pow(X, 2));
        Assert.That(Simplifier.Simplify(e, Assumptions.None), Is.Not.EqualTo((Expr)X));
        Assert.That(Simplifier.Simplify(e, StructuralSign.Instance), Is.Not.EqualTo((Expr)X));
        Assert.That(Simplifier.Simplify(e, Assume(Gt(X, -1))), Is.Not.EqualTo((Expr)X), "x > -1 is not enough");
        var nonNegative = Assume(Ge(X, 0));
        Assert.That(Simplifier.Simplify(e, nonNegative), Is.EqualTo((Expr)X));
        Assert.That(nonNegative.Trace, Has.Some.Matches<SideCondition>(c =>
            c!.Rule == Canonical.RulePowerOfPower && c.Expression.Equals(X) && c.Sign == SignSet.NonNegative));
    }

    [Test]
    public void TheCutOffRootRaisedBackIsTheRatioUnderTheModel()
    {
        var ratio = (Beta - 1) * FI / (F * (1 + Pow(Phi, Beta)));
        var e = Pow(Pow(ratio, 1 / Rho), Rho);
        Assert.That(e, Is.Not.EqualTo(ratio), "without assumptions beta - 1 has no known sign");
        var model = Declared();
        using var scope = model.BeginTrace();
        Assert.That(Simplifier.Simplify(e, model), Is.EqualTo(ratio));
        var used = scope.Conditions;
        TestContext.Out.WriteLine(string.Join("\n", used));
        Assert.That(used, Has.Some.Matches<SideCondition>(c =>
            c!.Rule == Canonical.RulePowerOfPower && c.Expression.Equals(Beta - 1) && c.Sign == SignSet.NonNegative));
    }

    [Test]
    public void XOverXIsOneOnlyWhenXIsProvedNonZero()
    {
        var e = X / X;
        Assert.That(Simplifier.Simplify(e, Assumptions.None), Is.Not.EqualTo(One));
        Assert.That(Rationals.Cancel(e, Assumptions.None), Is.Not.EqualTo(One));
        var nonZero = Assume(new Relation(X, RelationOperator.NotEqual, 0));
        Assert.That(Simplifier.Simplify(e, nonZero), Is.EqualTo(One));
        Assert.That(Simplifier.Simplify(e, Assume(Gt(X, 2))), Is.EqualTo(One));
        Assert.That(Simplifier.Simplify(e, Assume(Ge(X, 0))), Is.Not.EqualTo(One), "x >= 0 allows x = 0");
    }

    [Test]
    public void NothingToDoGivesTheSameObject()
    {
        var e = Sigma + Rho * F;
        Assert.That(Simplifier.Simplify(e, Declared()), Is.SameAs(e));
        Assert.That(Simplifier.Simplify(X, Assumptions.None), Is.SameAs(X));
    }

    [Test]
    public void SmallerFormsWin()
    {
        // (x^2 - 1)/(x - 1) stays (no polynomial gcd), but x*(y + 1) - x*y expands to x.
        var y = Sym("y");
        Assert.That(Simplifier.Simplify(X * (y + 1) - X * y, Assumptions.None), Is.EqualTo((Expr)X));
        Assert.That(Simplifier.Simplify(1 / X + 1 / X, Assumptions.None), Is.EqualTo(2 / X));
        Assert.That(Simplifier.Simplify(X / (2 * X) , Assume(Gt(X, 0))), Is.EqualTo(OneHalf));
    }

    [Test]
    public void ConditionsOfDiscardedCandidatesAreNotTraced()
    {
        // Expanding ln(beta*fI) proves beta > 0 and fI > 0, but ln beta + ln fI + 1 is no smaller.
        var model = Declared();
        var e = Ln(Beta * FI) + 1;
        Assert.That(Expansion.Expand(e, new Assumptions([])), Is.EqualTo(Ln(Beta) + Ln(FI) + 1));
        Assert.That(Simplifier.Simplify(e, model), Is.SameAs(e));
        Assert.That(model.Trace, Is.Empty);
    }

    [Test]
    public void AssumptionsAboutAFreeSymbolDoNotReachTheIntegrationVariable()
    {
        // a is assumed in (0, 1], but the integral runs a over [-2, 2]: sqrt(a^2) must not become a.
        var a = Sym("a");
        var assumptions = Assume(Gt(a, 0), Le(a, 1));
        var integral = Integral(Sqrt(Pow(a, 2)), a, -2, 2);
        var simplified = Simplifier.Simplify(integral, assumptions);
        Assert.That(simplified, Is.EqualTo(integral));
        Assert.That(Simplifier.Simplify(Sqrt(Pow(a, 2)), assumptions), Is.EqualTo((Expr)a));
    }
}
