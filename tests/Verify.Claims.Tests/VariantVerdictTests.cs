using NUnit.Framework;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

/// <summary>
/// The bundled claims decided on the log-normal variant of the bundled model
/// (src/Models/variants/lognormal-costs.model, issue 13) against the verdicts pinned beside it:
/// which Results survive costs that are not Pareto. Few draws, so that the test stays quick; the
/// pinned verdicts and the report come from 'verify check' with 10,000.
/// </summary>
public class VariantVerdictTests
{
    [Test]
    public void LogNormalVerdictsAreThePinnedOnes()
    {
        var path = Path.Combine(RepositoryRoot.Value, "src", "Models", "variants", "lognormal-costs");
        var model = ModelLoader.Load(path + ".model");
        var claims = ClaimsLoader.LoadBundled("baldwin-okubo-2014");
        var expected = ExpectedVerdicts.Load(path + ".expected");
        var outcome = CheckRun.Run(model, claims, expected, new CheckOptions(Draws: Draws, Seed: 20140101));
        foreach (var c in outcome.Claims)
            TestContext.Out.WriteLine($"{c.Result.Id}@{c.Result.Regime}: {c.Result.Verdict} (pinned {c.Expected?.Verdict}) {c.Result.Evidence}");
        Assert.That(outcome.Claims, Has.Count.EqualTo(expected.Entries.Count), "every claim has a pinned verdict");
        Assert.That(outcome.Claims.Where(c => !c.Matches).Select(c => $"{c.Result.Id}@{c.Result.Regime}: {c.Result.Verdict}"), Is.Empty);
    }

    const int Draws = 200;

    static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository (Verify.sln) above the test's folder");
    });
}
