using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

public class IdentityTests
{
    [Test]
    public void ZeroByProof()
    {
        var model = Declared();
        var v = Identity.IsZero(Pow(Pow((Beta - 1) * FI / F, 1 / Rho), Rho) - (Beta - 1) * FI / F, model);
        Assert.That(v.Status, Is.EqualTo(ZeroStatus.Zero));
        Assert.That(v.Basis, Is.EqualTo(VerdictBasis.Proof));
        Assert.That(v.Conditions, Has.Some.Matches<Verify.Symbolic.Assumptions.SideCondition>(c => c!.Expression.Equals(Beta - 1)));
    }

    [Test]
    public void ZeroByExpansionOverACommonDenominator()
    {
        var x = Sym("x");
        var e = (Pow(x, 2) - 1) / (x - 1) - (x + 1) * (x - 1) / (x - 1);
        var v = Identity.IsZero(e, new Assumptions([Gt(x, 1)]), numeric: false);
        Assert.That(v.Status, Is.EqualTo(ZeroStatus.Zero), v.ToString());
        Assert.That(v.Basis, Is.EqualTo(VerdictBasis.Proof));
    }

    [Test]
    public void NonZeroBySign()
    {
        var v = Identity.IsZero(1 - Pow(Phi, Beta), Declared());
        Assert.That(v.Status, Is.EqualTo(ZeroStatus.NonZero));
        Assert.That(v.Basis, Is.EqualTo(VerdictBasis.Proof));
        Assert.That(v.Reason, Does.Contain("> 0"));
    }

    [Test]
    public void NumericEvidenceIsLabelledAsSuch()
    {
        // ln(exp(x) + exp(y)) - y - ln(1 + exp(x - y)) = 0, beyond these rewrites.
        var x = Sym("x"); var y = Sym("y");
        var e = Ln(Exp(x) + Exp(y)) - y - Ln(1 + Exp(x - y));
        var a = new Assumptions([Gt(x, -3), Lt(x, 3), Gt(y, -3), Lt(y, 3)]);
        var v = Identity.IsZero(e, a);
        Assert.That(v.Status, Is.EqualTo(ZeroStatus.Zero), v.ToString());
        Assert.That(v.Basis, Is.EqualTo(VerdictBasis.NumericEvidence));
        Assert.That(v.Reason, Does.Contain("evidence, not proof"));
        Assert.That(v.Numeric!.Evaluated, Is.EqualTo(200));
        Assert.That(v.Numeric.MaxResidual, Is.LessThan(1e-12));
        Assert.That(Identity.IsZero(e, a, numeric: false).Status, Is.EqualTo(ZeroStatus.Undecided));
    }

    [Test]
    public void NumericTestFindsTheWorstPoint()
    {
        var r = Identity.NumericZeroTest(Sigma - 2, Declared(), points: 50, seed: 3);
        Assert.That(r.LooksZero, Is.False);
        Assert.That(r.WorstPoint, Is.Not.Null);
        // A sum's residual is its value relative to the size of its terms.
        var s = r.WorstPoint![Sigma];
        Assert.That(Math.Abs(s - 2) / Math.Max(1, s + 2), Is.EqualTo(r.MaxResidual).Within(1e-12));
        Assert.That(r.Summary, Does.Contain("sigma ="));
        var again = Identity.NumericZeroTest(Sigma - 2, Declared(), points: 50, seed: 3);
        Assert.That(again.MaxResidual, Is.EqualTo(r.MaxResidual), "a fixed seed replays");
    }

    [Test]
    public void SymbolsTheAssumptionsDoNotKnowAreDrawnByTheirDeclaredSign()
    {
        var q = Sym("q", SymbolSign.Positive);
        var r = Identity.NumericZeroTest(Sqrt(Pow(q, 2)) - q, Assumptions.None, points: 100);
        Assert.That(r.LooksZero, Is.True);
        Assert.That(r.Evaluated, Is.EqualTo(100));
    }

    [Test]
    public void RealSquareRootTrapIsNotZero()
    {
        var x = Sym("x");
        var v = Identity.IsZero(Sqrt(Pow(x, 2)) - x, new Assumptions([Gt(x, -2), Lt(x, 2)]));
        Assert.That(v.Status, Is.EqualTo(ZeroStatus.NonZero), v.ToString());
        Assert.That(v.Basis, Is.EqualTo(VerdictBasis.NumericEvidence));
    }

    [Test]
    public void BadArgumentsAreClearErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Identity.NumericZeroTest(Sigma, Declared(), points: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Identity.NumericZeroTest(Sigma, Declared(), tolerance: double.NaN));
        var ex = Assert.Throws<ArgumentException>(() => Identity.NumericZeroTest(Call("g", Sigma), Declared()));
        Assert.That(ex!.Message, Does.Contain("g"));
    }
}
