using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

public class UndecidedClaimTests
{
    static readonly Expr Root = Y.Pow(1 / (Expr)B) - Y;
    static readonly Dictionary<Symbol, (double Lo, double Hi)> RootBox = Box((Y, 0.001, 0.999), (B, 1.001, 20));

    [Test]
    public void SmallBoxBudgetLeavesNamedBoxesUndecided()
    {
        var r = SignProver.Prove(Root, RootBox, SignGoal.Positive, new ProofOptions { MaxBoxes = 300 });
        TestContext.Out.WriteLine(r.Summary);
        foreach (var b in r.UndecidedBoxes) TestContext.Out.WriteLine(b);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Undecided));
        Assert.That(r.BoxesExamined, Is.EqualTo(300));
        Assert.That(r.BoxesUndecided, Is.GreaterThan(5));
        Assert.That(r.UndecidedBoxes, Has.Count.EqualTo(5));
        Assert.That(r.StopReason, Is.EqualTo("box budget of 300 reached"));
        Assert.That(r.Summary, Does.StartWith($"undecided on {r.BoxesUndecided} boxes (box budget of 300 reached); proved on "));
        foreach (var box in r.UndecidedBoxes)
        {
            Assert.That(box.Reason, Is.EqualTo("box budget of 300 reached"));
            foreach (var (symbol, range) in box.Ranges)
            {
                Assert.That(range.Lo, Is.GreaterThanOrEqualTo(RootBox[symbol].Lo));
                Assert.That(range.Hi, Is.LessThanOrEqualTo(RootBox[symbol].Hi));
                Assert.That(range.Lo, Is.LessThan(range.Hi));
            }
        }
    }

    [Test]
    public void ASearchThatDecidesNothingIsAbandoned()
    {
        // exp(-1/x) > 0 is true on (0, 3], but depth first the search starts at x = 0, where 1/x is
        // unbounded and exp(-1/x) underflows: no box there can be proved, and it gives up.
        var f = Expr.Exp(-1 / (Expr)X);
        var r = SignProver.Prove(f, Box((X, 0, 3)), SignGoal.Positive, new ProofOptions { MaxBoxesWithoutProgress = 200 });
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Undecided));
        Assert.That(r.BoxesExamined, Is.EqualTo(200));
        Assert.That(r.StopReason, Is.EqualTo("no box proved or pruned in the first 200"));
    }

    [Test]
    public void ASearchThatProvesBoxesIsNotAbandoned()
    {
        var limited = SignProver.Prove(Root, RootBox, SignGoal.Positive, new ProofOptions { MaxBoxesWithoutProgress = 500 });
        var unlimited = SignProver.Prove(Root, RootBox, SignGoal.Positive);
        Assert.That(limited.Outcome, Is.EqualTo(ProofOutcome.Proved), limited.Summary);
        Assert.That(limited.BoxesExamined, Is.EqualTo(unlimited.BoxesExamined));
    }

    [Test]
    public void NoBudgetTurnsAClaimIntoAWrongVerdict()
    {
        // A true claim and a false one (negative only near x = 0.7), under every budget from tiny to ample.
        var trueClaim = X * X - 2 * X + 2;
        var falseClaim = (X - Expr.Num(7, 10)).Pow(2) - Expr.Num(1, 10_000);
        foreach (var budget in new[] { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 1000 })
        {
            var options = new ProofOptions { MaxBoxes = budget, UseMonotonicity = false };
            var t = SignProver.Prove(trueClaim, Box((X, -10, 10)), SignGoal.Positive, options);
            var f = SignProver.Prove(falseClaim, Box((X, -10, 10)), SignGoal.Positive, options);
            Assert.That(t.Outcome, Is.Not.EqualTo(ProofOutcome.Counterexample), $"budget {budget}");
            Assert.That(f.Outcome, Is.Not.EqualTo(ProofOutcome.Proved), $"budget {budget}");
            Assert.That(t.BoxesExamined, Is.LessThanOrEqualTo(budget));
        }
    }

    [Test]
    public void ZeroMarginStopsAtTheDepthLimit()
    {
        // x^2 - 2x + 1 = (x - 1)^2 >= 0 is true, but near x = 1 every enclosure dips below 0
        // and the centres never do: the boxes around 1 stay open.
        var r = SignProver.Prove(X * X - 2 * X + 1, Box((X, -2, 3)), SignGoal.NonNegative, new ProofOptions { MaxDepth = 20 });
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Undecided));
        Assert.That(r.MaxDepth, Is.EqualTo(20));
        Assert.That(r.StopReason, Is.Null, "the search ran to the end");
        Assert.That(r.UndecidedBoxes, Is.Not.Empty);
        Assert.That(r.UndecidedBoxes.All(b => b.Reason == "depth limit of 20 reached" && b.Depth == 20));
        Assert.That(r.UndecidedBoxes.All(b => b.Ranges[X].Lo <= 1.0 + 1e-4 && b.Ranges[X].Hi >= 1.0 - 1e-4));
    }

    [Test]
    public void TimeBudgetLeavesTheRestUndecided()
    {
        var options = new ProofOptions { TimeBudget = TimeSpan.FromMilliseconds(1), UseMonotonicity = false };
        var r = SignProver.Prove(Root, RootBox, SignGoal.Positive, options);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Undecided));
        Assert.That(r.StopReason, Is.EqualTo("time budget of 0.001 s ran out"));
        Assert.That(r.UndecidedBoxes[0].Reason, Is.EqualTo(r.StopReason));
    }
}
