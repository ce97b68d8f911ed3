using NUnit.Framework;
using Verify.Claims;
using Verify.Reports.Baselines;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>
/// The log-normal variant's own report (proofs/variants/lognormal-costs, made by 'verify report --model
/// src/Models/variants/lognormal-costs.model --out proofs/variants/lognormal-costs') agrees with the verdicts
/// pinned beside the variant: every claim-regime of the bundled claims has one, and each is the pinned one. Deciding
/// them again takes minutes ('verify check --model ...' exits 1 when one moves), so this reads the committed record.
/// </summary>
public class LognormalReportTests
{
    static string Folder => Path.Combine(Repository.Proofs, "variants", "lognormal-costs");

    [Test]
    public void EveryClaimOfTheVariantHasItsPinnedVerdict()
    {
        var baseline = BaselineJson.Load(Path.Combine(Folder, "baseline.json"));
        var pins = ExpectedVerdicts.Load(Path.Combine(Repository.Root, "src", "Models", "variants", "lognormal-costs.expected"));
        Assert.That(baseline.Model, Is.EqualTo("baldwin-okubo-2014-lognormal"));
        var decided = baseline.Claims.ToDictionary(c => $"{c.Id}@{c.Regime}", c => c.Verdict);
        Assert.Multiple(() =>
        {
            Assert.That(decided.Keys, Is.EquivalentTo(pins.Entries.Keys), "one pin for each claim-regime the report decided");
            foreach (var (key, verdict) in decided)
                if (pins.Entries.TryGetValue(key, out var pin))
                    Assert.That(verdict, Is.EqualTo(pin.Verdict.Name()), $"{key}: the report's verdict against {pins.File}:{pin.Line}");
            Assert.That(baseline.Claims.All(c => c.Pinned == c.Verdict), "the report was made with these pins");
        });
    }

    [Test]
    public void TheReportHasItsPages()
    {
        foreach (var page in new[] { "README.md", "R1.md", "R3.md", "R5.md", "report.tex", "baseline.json" })
            Assert.That(File.Exists(Path.Combine(Folder, page)), $"{page} in proofs/variants/lognormal-costs");
    }
}
