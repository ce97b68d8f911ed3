using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

public class ExpansionTests
{
    static readonly Symbol X = Sym("x");
    static readonly Symbol Y = Sym("y");
    static readonly ISignOracle S = StructuralSign.Instance;

    [Test] public void DistributesProductsOverSums() =>
        Assert.That(Expansion.Expand((X + 1) * (Y - 2), S), Is.EqualTo(X * Y - 2 * X + Y - 2));

    [Test] public void ExpandsSmallIntegerPowersOfSums()
    {
        Assert.That(Expansion.Expand(Pow(X + Y, 3), S), Is.EqualTo(Pow(X, 3) + 3 * Pow(X, 2) * Y + 3 * X * Pow(Y, 2) + Pow(Y, 3)));
        Assert.That(Expansion.Expand(Pow(X + 1, -2), S), Is.EqualTo(1 / (Pow(X, 2) + 2 * X + 1)));
        Assert.That(Expansion.Expand(Pow(X + 1, Num(1, 2)), S), Is.EqualTo(Sqrt(X + 1)), "a root of a sum stays");
    }

    [Test] public void ExpandsInsideOtherNodes() =>
        Assert.That(Expansion.Expand(Exp(X * (Y + 1)), S), Is.EqualTo(Exp(X * Y + X)));

    [Test]
    public void SplitsLogsOfProvedPositiveFactorsOnly()
    {
        var model = Declared();
        Assert.That(Expansion.Expand(Ln(Beta * FI / F), model), Is.EqualTo(Ln(Beta) + Ln(FI) - Ln(F)));
        Assert.That(Expansion.Expand(Ln(2 * SE), model), Is.EqualTo(Ln(2) + Ln(SE)));
        // x has no known sign: ln(fI*x) = ln fI + ln x holds where defined, but ln(x*y) is left alone.
        Assert.That(Expansion.Expand(Ln(FI * X), model), Is.EqualTo(Ln(FI) + Ln(X)));
        Assert.That(Expansion.Expand(Ln(X * Y), model), Is.EqualTo(Ln(X * Y)));
        Assert.That(model.Trace, Has.Some.Matches<Verify.Symbolic.Assumptions.SideCondition>(c => c!.Rule == Expansion.RuleLogProduct && c.Expression.Equals(FI)));
    }

    [Test]
    public void SplitsLogsOfPowersWhenTheBaseIsProvedPositive()
    {
        var model = Declared();
        Assert.That(Expansion.Expand(Ln(Pow(AD, Rho) * Pow(1 - Phi, 2)), model), Is.EqualTo(Rho * Ln(AD) + 2 * Ln(1 - Phi)));
    }

    [Test]
    public void TooLargeAnExpansionIsAClearError()
    {
        var big = Pow(X + Y + 1, 12) * Pow(X - Y + 2, 12);
        var ex = Assert.Throws<WorkLimitException>(() => Expansion.Expand(big, S, maxTerms: 1000));   // an InvalidOperationException, as before
        Assert.That(ex!.Message, Does.Contain("limit"));
        Assert.That(Expansion.TryExpand(big, S, 1000, out var same), Is.False);
        Assert.That(same, Is.SameAs(big));
    }

    [Test] public void UnchangedInputComesBackAsItself()
    {
        var e = X * Y + Ln(X);
        Assert.That(Expansion.Expand(e, S), Is.SameAs(e));
    }
}
