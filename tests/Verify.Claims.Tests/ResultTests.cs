using NUnit.Framework;

namespace Verify.Claims.Tests;

/// <summary>
/// One test per Result of the paper (and one for the side statements): its claims are decided
/// (FsCheck draws with the fixed seed 20140101, shrinking, first-principles confirmation) and each
/// verdict must be the one pinned in src/Models/baldwin-okubo-2014.expected. A change in a verdict
/// fails here and shows in the diff of that file.
/// </summary>
[NonParallelizable]
public class ResultTests
{
    static void CheckAll(string prefix)
    {
        var claims = BundledClaims.Claims.Claims.Where(c => c.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.That(claims, Is.Not.Empty, $"no claims start with {prefix}");
        var mismatches = new List<string>();
        foreach (var claim in claims)
            foreach (var regime in claim.Regimes)
            {
                var result = BundledClaims.Checker.Check(claim, regime);
                TestContext.Out.WriteLine($"{result.Key}: {result.Verdict.Name()} — {result.Evidence}");
                Assert.That(BundledClaims.Expected.Entries.TryGetValue(result.Key, out var pinned), Is.True, $"{result.Key} has no pinned verdict");
                if (pinned!.Verdict != result.Verdict)
                    mismatches.Add($"{result.Key}: pinned {pinned.Verdict.Name()} ({pinned.Reason}) but got {result.Verdict.Name()}: {result.Evidence}");
                if (result.Verdict == Verdict.Refuted)
                    Assert.That(result.Counterexample, Is.Not.Null, $"{result.Key} is refuted without a counterexample");
            }
        Assert.That(mismatches, Is.Empty, string.Join("\n", mismatches));
    }

    [Test] public void Result1_EntryRelievesThePressureToRelocate() => CheckAll("R1.");
    [Test] public void Result2_TheMostEfficientMoveFirst() => CheckAll("R2.");
    [Test] public void Result3_TwoPhasesOfRelocation() => CheckAll("R3.");
    [Test] public void Result4_TheSustainPointAndBeta() => CheckAll("R4.");
    [Test] public void Result5_NewProductivityEffects() => CheckAll("R5.");
    [Test] public void Result6_LiberalisationRaisesSmallNationWelfare() => CheckAll("R6.");
    [Test] public void Result7_WelfareWithAndWithoutRelocation() => CheckAll("R7.");
    [Test] public void SideStatements_HomeMarketEffectAndFootnote11() { CheckAll("HME."); CheckAll("FN11."); }

    [Test]
    public void EveryClaimHasAPinnedVerdictAndNoPinIsStale()
    {
        var keys = BundledClaims.Claims.Claims.SelectMany(c => c.Regimes.Select(r => $"{c.Id}@{r}")).ToHashSet();
        Assert.That(keys.Except(BundledClaims.Expected.Entries.Keys), Is.Empty, "claims without a pinned verdict");
        Assert.That(BundledClaims.Expected.Entries.Keys.Except(keys), Is.Empty, "pinned verdicts of claims that no longer exist");
    }
}
