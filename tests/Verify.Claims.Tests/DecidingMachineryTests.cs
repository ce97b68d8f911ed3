using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using FsCheck.Fluent;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

/// <summary>
/// The deciding machinery on a small model whose truths are known by hand: z = x*y with
/// 0 &lt; x &lt; 1 and y &gt; 0 (so 0 &lt; z &lt; y, and z &lt; y/2 exactly when x &lt; 1/2).
/// </summary>
public class DecidingMachineryTests
{
    const string Model = """
        model tiny
        parameter x : 0 < x < 1
        parameter y : y > 0
        regime r "one condition"
          unknown z : z > 0
          condition def : z = x*y
          quantity w = z/y
        end
        """;

    static ClaimResult Decide(string claimLines, int draws = 500)
    {
        var model = ModelLoader.LoadText(Model, "tiny.model");
        var claims = ClaimsLoader.LoadText($"claims for tiny\nclaim T.one\n  regime r\n{claimLines}\nend\n", "tiny.claims");
        var checker = new ClaimChecker(new ModelEvaluator(ModelDeriver.Derive(model)), new CheckOptions(Draws: draws, Seed: 7));
        return checker.Check(claims.Claims[0], "r");
    }

    [Test]
    public void ATrueInequalityIsProved()
    {
        var r = Decide("  assert z < y");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Proved), r.Evidence);
    }

    [Test]
    public void AnIdentityIsProved()
    {
        var r = Decide("  assert w = x");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Proved), r.Evidence);
    }

    [Test]
    public void AFalseInequalityIsRefutedAtAPointThatReallyViolatesIt()
    {
        var r = Decide("  assert z < y/2");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Refuted), r.Evidence);
        var p = r.Counterexample!;
        Assert.That(p["x"] * p["y"], Is.GreaterThanOrEqualTo(p["y"] / 2), "the counterexample must violate z < y/2");
        Assert.That(r.Evidence, Does.Contain("confirmed from first principles"));
    }

    [Test]
    public void AClaimTrueOnlyOnPartOfTheDomainIsRefutedInTheOtherPart()
    {
        var r = Decide("  where y < 5\n  assert w > 1/2");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Refuted), r.Evidence);
        Assert.That(r.Counterexample!["x"], Is.LessThanOrEqualTo(0.5));
        Assert.That(r.Counterexample!["y"], Is.LessThan(5));
    }

    [Test]
    public void ARestrictedDomainMakesItTrue()
    {
        var r = Decide("  where x > 1/2\n  assert w > 1/2");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Proved).Or.EqualTo(Verdict.Holds), r.Evidence);
        Assert.That(r.Draws, Is.EqualTo(500));
    }

    [Test]
    public void WhatTheSignOracleCannotProveTheIntervalProverDoesOnTheStatedBox()
    {
        // w^2 - w + 1/2 = (w - 1/2)^2 + 1/4: one enclosure over (0, 1) straddles 0, split boxes decide it.
        var r = Decide("  assert w^2 - w + 1/2 > 0");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Proved), r.Evidence);
        Assert.That(r.Evidence, Does.Contain("interval branch and bound proves the sign"));
        Assert.That(r.Evidence, Does.Match(@"\d+ boxes proved"));
        Assert.That(r.Evidence, Does.Contain("x in [0.001, 0.999]"), "the box leaves out the open edges, and says so");
        Assert.That(r.Evidence, Does.Contain("not covered by the proof"));
    }

    [Test]
    public void FactorsOfKnownSignAreSetAsideBeforeTheBoxes()
    {
        // y > 0 and -y < 0 are the oracle's; only w^2 - w + 1/2 is left to the boxes (the goal flipped by -y).
        foreach (var claim in new[] { "  assert (w^2 - w + 1/2)*y > 0", "  assert (w^2 - w + 1/2)*(-y) < 0" })
        {
            var r = Decide(claim);
            Assert.That(r.Verdict, Is.EqualTo(Verdict.Proved), r.Evidence);
            Assert.That(r.Evidence, Does.Contain("the sign oracle gives the signs of some factors and the boxes prove the rest"));
        }
        var wrong = Decide("  assert (w^2 - w + 1/2)*(-y) > 0");
        Assert.That(wrong.Verdict, Is.EqualTo(Verdict.Refuted), wrong.Evidence);
    }

    [Test]
    public void AFailureTooNarrowForTheDrawsIsFoundByTheIntervalSearch()
    {
        // False only for |x - 0.3| < 1e-4: 50 draws miss it; the boxes around 0.3 do not.
        var r = Decide("  assert (w - 0.3)^2 > 1e-8", draws: 50);
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Refuted), r.Evidence);
        Assert.That(r.Evidence, Does.Contain("interval search"));
        Assert.That(Math.Abs(r.Counterexample!["x"] - 0.3), Is.LessThan(1e-4), "the point really violates the claim");
    }

    [Test]
    public void ExistenceNeedsAWitness()
    {
        var found = Decide("  assert exists: w > 0.9");
        Assert.That(found.Verdict, Is.EqualTo(Verdict.Proved), found.Evidence);
        Assert.That(found.Counterexample!["x"], Is.GreaterThan(0.9));
        var none = Decide("  assert exists: w > 1");
        Assert.That(none.Verdict, Is.EqualTo(Verdict.Undecided), none.Evidence);
    }

    [Test]
    public void FormulasAreComparedSymbolically()
    {
        Assert.That(Decide("  assert formula z = y*x").Verdict, Is.EqualTo(Verdict.Proved));
        var wrong = Decide("  assert formula z = 2*x*y");
        Assert.That(wrong.Verdict, Is.EqualTo(Verdict.Refuted), wrong.Evidence);
        Assert.That(wrong.Evidence, Does.Contain("derived/paper = 1/2"));
        Assert.That(Decide("  assert formula z = 2*x*y up to a positive factor").Verdict, Is.EqualTo(Verdict.Proved));
    }

    [Test]
    public void AForAllIsProvedWithItsRangeAsAConditionAndRefutedOnItsGrid()
    {
        var identity = Decide("  assert forall x in (0, 1): z = x*y");
        Assert.That(identity.Verdict, Is.EqualTo(Verdict.Proved), identity.Evidence);
        Assert.That(identity.Evidence, Does.Contain("simplifies to 0"));
        // True only because x stays below 1/2 in the range given: the proof needs that range.
        var ranged = Decide("  assert forall x in (0, 1/2): z < y/2");
        Assert.That(ranged.Verdict, Is.EqualTo(Verdict.Proved), ranged.Evidence);
        var wider = Decide("  assert forall x in (0, 1): z < y/2");
        Assert.That(wider.Verdict, Is.EqualTo(Verdict.Refuted), wider.Evidence);
        Assert.That(wider.Counterexample!["x"], Is.GreaterThanOrEqualTo(0.5));
    }

    [Test]
    public void MonotonicityInAParameterIsCheckedOnAGrid()
    {
        Assert.That(Decide("  assert increasing z in x over (0, 1)").Verdict, Is.EqualTo(Verdict.Holds));
        var r = Decide("  assert decreasing z in x over (0, 1)");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Refuted), r.Evidence);
    }

    [Test]
    public void ADeclaredNotDerivableVerdictKeepsItsEvidence()
    {
        var r = Decide("  verdict not-derivable\n  assert z > 0");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.NotDerivable));
        Assert.That(r.Evidence, Does.Contain("proved"));
    }

    [Test]
    public void AnUnknownNameIsAnErrorAtItsPlaceInTheClaimsFile()
    {
        var e = Assert.Throws<ClaimException>(() => Decide("  assert q > 0"));
        Assert.That(e!.Message, Does.Contain("tiny.claims:4:"));
        Assert.That(e.Message, Does.Contain("q"));
    }
}

/// <summary>Formula asserts that cannot be compared are not decided: nothing compared is nothing proved, and a formula without a value is no counterexample.</summary>
public class FormulaEdgeTests
{
    const string Model = """
        model tiny-phases
        parameter x : 0 < x < 1
        parameter y : y > 0
        regime r "a phase that never holds, then a corner"
          unknown z : z > 0
          condition def : z = x*y
          phase never when z > y "z = x*y < y always"
          phase corner
            fix z = y
            drop def
          end
        end
        """;

    static ClaimResult Decide(string claimLines)
    {
        var model = ModelLoader.LoadText(Model, "tiny-phases.model");
        var claims = ClaimsLoader.LoadText($"claims for tiny-phases\nclaim T.one\n  regime r\n{claimLines}\nend\n", "tiny.claims");
        var checker = new ClaimChecker(new ModelEvaluator(ModelDeriver.Derive(model)), new CheckOptions(Draws: 300, Seed: 7));
        return checker.Check(claims.Claims[0], "r");
    }

    [Test]
    public void AFormulaComparedInNoPhaseIsNotProved()
    {
        // Only the corner holds, and the claim's domain excludes it: no phase is ever met.
        var r = Decide("  where z < y\n  assert formula z = x*y");
        Assert.That(r.Verdict, Is.Not.EqualTo(Verdict.Proved), r.Evidence);
    }

    [Test]
    public void AFormulaWithoutAValueIsNoCounterexample()
    {
        // The paper's side is y where x > 1/2 and has no value (NaN) where x < 1/2; the corner gives z = y.
        // The draws with x < 1/2 show no difference, so no counterexample may come from them.
        var r = Decide("  assert formula z = y + sqrt(x - 1/2)^2 - x + 1/2");
        Assert.That(r.Verdict, Is.Not.EqualTo(Verdict.Refuted), r.Evidence);
    }
}

/// <summary>A fault inside a property is said, not left to FsCheck, which would end the search early as if every draw had been made.</summary>
public class CounterexampleSearchFaultTests
{
    [Test]
    public void AnUnexpectedExceptionAtAPointIsReportedNotSwallowed()
    {
        var draws = Gen.Choose(1, 1000).Select(k => new[] { k / 1000.0 });
        int evaluated = 0;
        bool Holds(double[] drawn, double[] inputs)
        {
            if (++evaluated == 5) throw new ArithmeticException("a NaN reached Brent's method");
            return true;
        }
        var e = Assert.Throws<ClaimEvaluationException>(() => CounterexampleSearch.Run(draws, d => d, Holds, 50, 7));
        Assert.That(e!.Message, Does.Contain("ArithmeticException").And.Contain("a NaN reached Brent's method"));
    }
}

/// <summary>
/// Claims on a threshold found numerically. A formula claim is refuted only once the derived values where the
/// threshold is found and where the claim puts it are those of the raw conditions; a relation whose side is such a
/// threshold is not refuted by a counterexample at all, since the raw solver confirms values, not where sides meet.
/// </summary>
public class NumericThresholdFormulaTests
{
    // 2z = p + e^(-z): z rises with p, through 1 - p where 2(1 - p) = p + e^(p - 1), near p = 0.47 (no closed
    // form), where phase 'below' ends; not at p = 1/4.
    const string FallingThrough = """
        model falling-through
        parameter p : 0 < p < 1
        regime r
          unknown z : 0 < z < 1
          condition balance : 2*z = p + exp(-z)
          phase below when z <= 1 - p
            quantity w = 1 - z
          end
          phase above
            quantity w = z - p
          end
          threshold pT : z = 1 - p for p in below
        end
        """;

    static ClaimResult Decide(string assertion)
    {
        var model = ModelLoader.LoadText(FallingThrough, "falling-through.model");
        var claims = ClaimsLoader.LoadText($"claims for falling-through\nclaim T.threshold\n  regime r\n  assert {assertion}\nend\n", "falling-through.claims");
        var checker = new ClaimChecker(new ModelEvaluator(ModelDeriver.Derive(model)), new CheckOptions(Draws: 20, Seed: 7));
        return checker.Check(claims.Claims[0], "r");
    }

    [Test]
    public void AWrongFormulaForANumericThresholdIsRefutedWithItsValuesConfirmed()
    {
        var r = Decide("formula pT = 1/4");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Refuted), r.Evidence);
        Assert.That(r.Evidence, Does.Contain("confirmed from first principles"));
    }

    [Test]
    public void ARelationOnANumericThresholdIsNotRefutedByItsCounterexample()
    {
        var r = Decide("pT < 1/4");
        Assert.That(r.Verdict, Is.EqualTo(Verdict.Undecided), r.Evidence);
        Assert.That(r.Evidence, Does.Contain("apparent counterexample").And.Contain("rests on pT_r_numeric, found numerically"));
        Assert.That(r.Counterexample, Is.Not.Null, "the point is shown");
        var holds = Decide("pT > 1/4");
        Assert.That(holds.Verdict, Is.EqualTo(Verdict.Holds), holds.Evidence);
    }
}
