using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

public class ProverInputTests
{
    [Test]
    public void EverySymbolNeedsAFiniteRange()
    {
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X + Y, Box((X, 0, 1)), SignGoal.Positive));
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X, Box((X, 0, double.PositiveInfinity)), SignGoal.Positive));
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X, Box((X, 1, 0)), SignGoal.Positive));
        var constrained = new ProofOptions { Constraints = [DomainConstraint.Positive(Y)] };
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X, Box((X, 0, 1)), SignGoal.Positive, constrained));
    }

    [Test]
    public void BadOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X, Box((X, 1, 2)), SignGoal.Positive, new ProofOptions { MaxBoxes = 0 }));
        Assert.Throws<ArgumentException>(() => SignProver.Prove(X, Box((X, 1, 2)), SignGoal.Positive, new ProofOptions { TimeBudget = TimeSpan.Zero }));
    }

    [Test]
    public void SymbolsTheClaimDoesNotUseAreIgnored()
    {
        var r = SignProver.Prove(X, Box((X, 1, 2), (Y, -1, 1)), SignGoal.Positive);
        Assert.That((r.Outcome, r.BoxesExamined), Is.EqualTo((ProofOutcome.Proved, 1L)));
    }

    [Test]
    public void SameInputGivesTheSameResult()
    {
        var f = Y.Pow(1 / (Expr)B) - Y;
        var box = Box((Y, 0.001, 0.999), (B, 1.001, 20));
        var options = new ProofOptions { MaxBoxes = 500 };
        var first = SignProver.Prove(f, box, SignGoal.Positive, options);
        var second = SignProver.Prove(f, box, SignGoal.Positive, options);
        Assert.That(second with { Elapsed = first.Elapsed, UndecidedBoxes = first.UndecidedBoxes }, Is.EqualTo(first));
        Assert.That(second.UndecidedBoxes.Select(b => b.ToString()), Is.EqualTo(first.UndecidedBoxes.Select(b => b.ToString())));
    }
}
