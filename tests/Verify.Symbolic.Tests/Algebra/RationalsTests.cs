using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

public class RationalsTests
{
    static readonly Symbol X = Sym("x");
    static readonly Symbol Y = Sym("y");
    static readonly Symbol P = Sym("p", SymbolSign.Positive);
    static readonly ISignOracle S = StructuralSign.Instance;

    [Test]
    public void NumeratorAndDenominatorOfAProduct()
    {
        Assert.That(Rationals.NumeratorDenominator(3 * X / (4 * Pow(Y, 2))), Is.EqualTo((3 * X, 4 * Pow(Y, 2))));
        Assert.That(Rationals.NumeratorDenominator(Pow(X, -Rho)), Is.EqualTo((One, Pow(X, Rho))));
        Assert.That(Rationals.NumeratorDenominator(Num(2, 3)), Is.EqualTo((Num(2), Num(3))));
        Assert.That(Rationals.NumeratorDenominator(1 / X + 1), Is.EqualTo((1 / X + 1, One)), "a sum is not combined");
    }

    [Test]
    public void TogetherPutsASumOverTheLeastCommonDenominator()
    {
        var t = Rationals.Together(1 / X + 1 / Pow(X, 2) + Num(1, 6), S);
        var (n, d) = Rationals.NumeratorDenominator(t);
        Assert.That(d, Is.EqualTo(6 * Pow(X, 2)));
        Assert.That(Expansion.Expand(n, S), Is.EqualTo(6 * X + 6 + Pow(X, 2)));
    }

    [Test]
    public void TogetherWorksInsideAndLeavesPlainSumsAlone()
    {
        var e = X + Y;
        Assert.That(Rationals.Together(e, S), Is.SameAs(e));
        var inside = Ln(1 / X + 1 / Y);
        Assert.That(Rationals.Together(inside, S), Is.EqualTo(Ln((X + Y) / (X * Y))));
    }

    [Test]
    public void CancelRemovesProvedNonZeroCommonFactors()
    {
        Assert.That(Rationals.Cancel(Pow(P, 2) * Y / (P * Pow(Y, 3)), S), Is.EqualTo(P * Y / Pow(Y, 3)), "y is not known to be non-zero");
        var nz = new Assumptions([new Relation(Y, RelationOperator.NotEqual, 0)]);
        Assert.That(Rationals.Cancel(Pow(P, 2) * Y / (P * Pow(Y, 3)), nz), Is.EqualTo(P / Pow(Y, 2)));
    }

    [Test]
    public void CancelFindsMonomialContentAndSigns()
    {
        var pos = new Assumptions([Gt(X, 0), Gt(Y, 0)]);
        // (x^2*y + x*y^2)/(x*y) = x + y
        Assert.That(Rationals.Cancel((Pow(X, 2) * Y + X * Pow(Y, 2)) / (X * Y), pos), Is.EqualTo(X + Y));
        // (2x - 2y)/(y - x) = -2, once x - y != 0 is known
        var e = (2 * X - 2 * Y) / (Y - X);
        Assert.That(Rationals.Cancel(e, S), Is.Not.EqualTo(Num(-2)));
        var apart = new Assumptions([Gt(X, Y)]);
        Assert.That(Rationals.Cancel(e, apart), Is.EqualTo(Num(-2)));
        Assert.That(apart.Trace, Has.Some.Matches<Verify.Symbolic.Assumptions.SideCondition>(c => c!.Rule == Rationals.RuleCancel));
    }

    [Test]
    public void CancelOnASumOfFractions()
    {
        var model = Declared();
        // 1/(sigma - 1) - rho/((sigma - 1)*rho) = 0 under the model (rho > 0).
        Assert.That(Rationals.Cancel(1 / (Sigma - 1) - Rho / ((Sigma - 1) * Rho), model), Is.EqualTo(Zero));
        Assert.That(Rationals.Cancel(Sigma / (Sigma - 1) - 1 / (Sigma - 1), model), Is.EqualTo(One));
    }

    [Test]
    public void ANumeratorThatCollapsesGivesZero()
    {
        var x = Sym("x");
        Assert.That(Rationals.Cancel((Pow(x, 2) - x - x * (x - 1)) / (x - 1), S), Is.EqualTo(Zero));
    }

    [Test]
    public void LiteralDivisionByZeroIsLeftAlone()
    {
        var e = X / Pow(Zero, -1) + Pow(Zero, -1);
        Assert.DoesNotThrow(() => Rationals.Cancel(e, S));
    }
}
