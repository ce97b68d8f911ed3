using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

public class ProvedClaimTests
{
    [Test]
    public void ShiftedSquarePlusOneIsPositive()
    {
        // x^2 - 2x + 2 = (x - 1)^2 + 1: one enclosure over [-10, 10] is [-18, 122] (x occurs twice), so it must split.
        var f = X * X - 2 * X + 2;
        var r = SignProver.Prove(f, Box((X, -10, 10)), SignGoal.Positive, new ProofOptions { UseMonotonicity = false });
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(r.BoxesProved, Is.GreaterThan(1));
        Assert.That(r.BoxesUndecided, Is.Zero);
        Assert.That(r.BoxesExamined, Is.EqualTo(2 * r.BoxesProved - 1), "every split makes two boxes");
    }

    [Test]
    public void NegatedSquareIsNegativeAndSquareIsNonNegative()
    {
        var negative = SignProver.Prove(-(X * X - 2 * X + 2), Box((X, -10, 10)), SignGoal.Negative);
        var nonNegative = SignProver.Prove(X * X, Box((X, -1, 1)), SignGoal.NonNegative);
        Assert.That(negative.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(nonNegative.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(nonNegative.BoxesExamined, Is.EqualTo(1), "x^2 over [-1, 1] encloses to [0, 1]");
        Assert.That(SignProver.Prove(X * X, Box((X, -1, 1)), SignGoal.NonPositive).Outcome, Is.EqualTo(ProofOutcome.Counterexample));
    }

    [Test]
    public void OneMinusPowerIsPositive()
    {
        // p^b <= 0.999^1.001 < 1 at every corner, and p^b is monotone in each argument there: one box.
        var r = SignProver.Prove(1 - P.Pow(B), Box((P, 0, 0.999), (B, 1.001, 50)), SignGoal.Positive);
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(r.BoxesProved, Is.EqualTo(1));
        Assert.That(r.Summary, Does.StartWith("proved on 1 box (max depth 0) in "));
    }

    [Test]
    public void RootExceedsItsArgumentBelowOne()
    {
        // y^(1/b) > y for 0 < y < 1 < b. The margin vanishes as b -> 1 (and as y -> 0 or 1), so the
        // box stops 0.001 short of those edges; near them only fixing the monotone variables
        // at the deciding face makes the enclosures tight enough.
        var f = Y.Pow(1 / (Expr)B) - Y;
        var r = SignProver.Prove(f, Box((Y, 0.001, 0.999), (B, 1.001, 20)), SignGoal.Positive);
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(r.BoxesProved, Is.InRange(1_000, 50_000));
        Assert.That(r.MaxDepth, Is.GreaterThan(10));
        Assert.That(r.Summary, Does.StartWith($"proved on {r.BoxesProved:N0} boxes (max depth {r.MaxDepth}) in "));
    }

    [Test]
    public void MonotonicityNeedsFewerBoxes()
    {
        // The same claim on a box further from the edges, both ways, and its mirror image as an upper bound.
        var f = Y.Pow(1 / (Expr)B) - Y;
        var box = Box((Y, 0.01, 0.99), (B, 1.01, 20));
        var plain = SignProver.Prove(f, box, SignGoal.Positive, new ProofOptions { UseMonotonicity = false });
        var monotone = SignProver.Prove(f, box, SignGoal.Positive);
        var mirrored = SignProver.Prove(-f, box, SignGoal.Negative);
        TestContext.Out.WriteLine($"plain: {plain.Summary}; monotone: {monotone.Summary}; mirrored: {mirrored.Summary}");
        Assert.That(plain.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(monotone.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(monotone.BoxesProved, Is.LessThan(plain.BoxesProved));
        Assert.That(mirrored.BoxesProved, Is.EqualTo(monotone.BoxesProved));
    }

    [Test]
    public void ClaimWithAnIntegralIsProved()
    {
        // ∫₀¹ (t + x) dt = 1/2 + x; the interval evaluator encloses integrals by the mean value theorem.
        var t = Expr.Sym("t");
        var f = Expr.Integral(t + X, t, 0, 1);
        Assert.That(SignProver.Prove(f, Box((X, 0.2, 1)), SignGoal.Positive).Outcome, Is.EqualTo(ProofOutcome.Proved));
        var refuted = SignProver.Prove(f, Box((X, -2, -1)), SignGoal.Positive);
        Assert.That(refuted.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        Assert.That(refuted.CounterexampleValue, Is.EqualTo(0.5 + refuted.Counterexample![X]).Within(1e-9));
    }
}
