using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

/// <summary>
/// The gallery's claims (published closed forms of textbook models, src/Models/gallery) decided
/// against the verdicts pinned beside each model (.expected): a change of the engine that moves
/// one shows here. Fewer draws than 'verify check' (the identities are symbolic).
/// </summary>
public class GalleryVerdictTests
{
    public static readonly string[] Models =
        ["footloose-capital", "melitz-closed", "melitz-open", "hmy-2004", "melitz-ottaviano-2008", "krugman-1980"];

    [TestCaseSource(nameof(Models))]
    public void VerdictsAreThePinnedOnes(string name)
    {
        var path = Path.Combine(RepositoryRoot.Value, "src", "Models", "gallery", name);
        var model = ModelLoader.Load(path + ".model");
        var claims = ClaimsLoader.Load(path + ".claims", model.Name);
        var expected = ExpectedVerdicts.Load(path + ".expected");
        var outcome = CheckRun.Run(model, claims, expected, new CheckOptions(Draws: 1000, Seed: 20140101));
        foreach (var c in outcome.Claims)
            TestContext.Out.WriteLine($"{c.Result.Id}@{c.Result.Regime}: {c.Result.Verdict} (pinned {c.Expected?.Verdict}) {c.Result.Evidence}");
        Assert.That(outcome.Claims, Has.Count.EqualTo(expected.Entries.Count), "every claim has a pinned verdict");
        Assert.That(outcome.Claims.Where(c => !c.Matches).Select(c => $"{c.Result.Id}@{c.Result.Regime}: {c.Result.Verdict}"), Is.Empty);
    }

    static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository (Verify.sln) above the test's folder");
    });
}
