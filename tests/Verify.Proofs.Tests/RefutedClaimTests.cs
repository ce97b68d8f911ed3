using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

public class RefutedClaimTests
{
    [Test]
    public void FalseClaimGivesARealCounterexample()
    {
        var f = X * X - 1;
        var r = SignProver.Prove(f, Box((X, -2, 2)), SignGoal.Positive);
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        var x = r.Counterexample![X];
        Assert.That(x, Is.InRange(-1.0, 1.0), "x^2 - 1 <= 0 exactly on [-1, 1]");
        Assert.That(r.CounterexampleValue, Is.EqualTo(Evaluator.Evaluate(f, (X, x))));
        Assert.That(r.CounterexampleValue, Is.LessThanOrEqualTo(0));
        Assert.That(r.Summary, Does.StartWith("counterexample: f = "));
    }

    [Test]
    public void ClaimTrueOnPartOfTheBoxIsRefutedInTheOtherPart()
    {
        var f = X - Expr.OneHalf;
        var r = SignProver.Prove(f, Box((X, 0, 1)), SignGoal.Positive);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        Assert.That(r.Counterexample![X], Is.InRange(0.0, 0.5));
        Assert.That(r.CounterexampleValue, Is.LessThanOrEqualTo(0));
    }

    [Test]
    public void ViolationInASmallRegionIsFoundBySplitting()
    {
        // Negative only for |x − 0.7| < 0.01: the first centres miss it.
        var f = (X - Expr.Num(7, 10)).Pow(2) - Expr.Num(1, 10_000);
        var r = SignProver.Prove(f, Box((X, -10, 10)), SignGoal.Positive);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        Assert.That(r.BoxesExamined, Is.GreaterThan(1));
        Assert.That(Math.Abs(r.Counterexample![X] - 0.7), Is.LessThan(0.01));
    }

    [Test]
    public void UndefinedPointOfTheDomainRefutesTheClaim()
    {
        // sqrt x >= 0 says nothing where sqrt x has no real value.
        var r = SignProver.Prove(Expr.Sqrt(X), Box((X, -1, 1)), SignGoal.NonNegative);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        Assert.That(r.Counterexample![X], Is.LessThan(0));
        Assert.That(r.CounterexampleValue, Is.NaN);
    }
}
