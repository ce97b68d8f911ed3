using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

public class ConstraintTests
{
    static readonly Expr G = Rho - Sigma + 1;
    static readonly ProofOptions OnDomain = new() { Constraints = [DomainConstraint.Positive(G)] };
    static readonly Dictionary<Symbol, (double Lo, double Hi)> SigmaRho = Box((Sigma, 1, 5), (Rho, 0, 10));

    [Test]
    public void ProductWithTheConstraintAsFactorIsPositiveOnTheDomain()
    {
        // f = g·σ → 0 on the boundary g = 0, so no enclosure of a box across it is positive; the
        // sign analysis knows g > 0 on the domain and σ ≥ 1 on the box, which settles the whole box.
        var f = (Rho + 1 - Sigma) * Sigma;
        var r = SignProver.Prove(f, SigmaRho, SignGoal.Positive, OnDomain);
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(r.BoxesUndecided, Is.Zero);
        var without = SignProver.Prove(f, SigmaRho, SignGoal.Positive);
        Assert.That(without.Outcome, Is.EqualTo(ProofOutcome.Counterexample), "off the domain f is negative");
        Assert.That(Evaluator.Evaluate(G, without.Counterexample!), Is.LessThanOrEqualTo(0));
    }

    [Test]
    public void BoxesOffTheDomainArePruned()
    {
        // (ρ + 2 − σ)·σ ≥ σ > 0 on the domain, but is negative where ρ + 2 < σ: those boxes are pruned.
        var f = (Rho + 2 - Sigma) * Sigma;
        var r = SignProver.Prove(f, SigmaRho, SignGoal.Positive, OnDomain);
        TestContext.Out.WriteLine(r.Summary);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That(r.BoxesPruned, Is.GreaterThan(0));
        Assert.That(r.BoxesProved, Is.GreaterThan(0));
        Assert.That(r.Summary, Does.Contain($", {r.BoxesPruned:N0} pruned"));
    }

    [Test]
    public void TheConstraintDoesNotExcuseAnotherFactor()
    {
        // g·(σ − 3) is negative on the domain wherever σ < 3.
        var f = (Rho + 1 - Sigma) * (Sigma - 3);
        var r = SignProver.Prove(f, SigmaRho, SignGoal.Positive, OnDomain);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        var point = r.Counterexample!;
        Assert.That(Evaluator.Evaluate(G, point), Is.GreaterThan(0), "the counterexample lies in the domain");
        Assert.That(Evaluator.Evaluate(f, point), Is.LessThanOrEqualTo(0));
    }

    [Test]
    public void CounterexampleIsSoughtOnlyInTheDomain()
    {
        // x > 0 fails on all of [-1, 0], but the domain is -x - 9/10 >= 0, i.e. x in [-1, -0.9].
        var options = new ProofOptions { Constraints = [DomainConstraint.NonNegative(-X - Expr.Num(9, 10))] };
        var r = SignProver.Prove(X, Box((X, -1, 1)), SignGoal.Positive, options);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Counterexample));
        Assert.That(r.Counterexample![X], Is.InRange(-1.0, -0.9));
    }

    [Test]
    public void AnEmptyDomainIsProvedVacuouslyByPruning()
    {
        var options = new ProofOptions { Constraints = [DomainConstraint.Positive(X - 2)] };
        var r = SignProver.Prove(X - 100, Box((X, -1, 1)), SignGoal.Positive, options);
        Assert.That(r.Outcome, Is.EqualTo(ProofOutcome.Proved));
        Assert.That((r.BoxesProved, r.BoxesPruned), Is.EqualTo((0L, 1L)));
    }
}
