using NUnit.Framework;
using Verify.Reports.Baselines;
using Verify.Reports.Figures;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>
/// The committed proofs/ are what the model and its claims give now. Deciding every claim with
/// the report's 10,000 draws takes minutes, so the verdicts are taken from the committed
/// baseline.json (made with those draws) and everything else is made afresh: the derivations
/// (every step and form), the pages, report.tex, baseline.json itself and the data of every
/// figure. The PNGs are compared through their data (the .json beside each), since their bytes
/// depend on the fonts of the machine that drew them. A change to the claims file or the checker
/// needs 'verify report' run in full; this test cannot see a verdict that a new run would move.
/// </summary>
public class ProofsAreCurrentTests
{
    const string Regenerate = "regenerate with: dotnet run --project src/Verify.Cli -- report "
        + "(or, when only derivations or the report's layout changed: ... report --reuse-verdicts)";

    static readonly Lazy<ReportBuilder.Report> Fresh = new(() =>
        ReportBuilder.Rerender(Bundled.Sources, BaselineJson.Load(Path.Combine(Repository.Proofs, "baseline.json")), new ReportOptions(), Bundled.Derivation));

    [Test]
    public void Every_text_file_and_figure_data_is_as_committed()
    {
        var problems = new List<string>();
        foreach (var f in Fresh.Value.Files.Where(f => !f.IsImage))
        {
            var path = Path.Combine(Repository.Proofs, f.Path);
            if (!File.Exists(path)) { problems.Add($"proofs/{f.Path} is missing"); continue; }
            if (TextDiff.FirstDifference(File.ReadAllText(path).Replace("\r\n", "\n"), f.AsText()) is { } diff)
                problems.Add($"proofs/{f.Path}: {diff}");
        }
        Assert.That(problems, Is.Empty, $"the committed proofs/ are out of date; {Regenerate}\n{string.Join("\n\n", problems)}");
    }

    [Test]
    public void Every_figure_is_committed_and_nothing_else_is()
    {
        var expected = Fresh.Value.Files.Select(f => f.Path).ToHashSet();
        var committed = Directory.EnumerateFiles(Repository.Proofs, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repository.Proofs, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith("variants/", StringComparison.Ordinal))   // the variants' own reports (LognormalReportTests)
            .ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(expected.Except(committed), Is.Empty, $"missing from proofs/; {Regenerate}");
            Assert.That(committed.Except(expected), Is.Empty, $"in proofs/ but no longer part of the report; {Regenerate}");
        });
    }

    [Test]
    public void The_report_has_its_parts()
    {
        var paths = Fresh.Value.Files.Select(f => f.Path).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "README.md", "R1.md", "R2.md", "R3.md", "R4.md", "R5.md", "R6.md", "R7.md", "side-claims.md", "report.tex", "baseline.json",
            "figures/cutoffs-relocation.png", "figures/cutoffs-relocation-entry.png", "figures/averages.png", "figures/welfare.png", "figures/gain-onset.png",
        }));
        var refuted = Fresh.Value.Baseline.Claims.Where(c => c.Verdict == "refuted").ToList();
        Assert.That(refuted, Is.Not.Empty);
        foreach (var c in refuted)
            Assert.That(paths.Any(p => p.StartsWith("figures/refuted-", StringComparison.Ordinal) && p.EndsWith(".png", StringComparison.Ordinal)
                && p.Contains(c.Id.ToLowerInvariant().Replace('.', '-'), StringComparison.Ordinal)), $"a figure of where {c.Key} fails");
    }

    [Test]
    public void Pages_hold_no_machine_paths_timestamps_or_timings()
    {
        foreach (var f in Fresh.Value.Files.Where(f => !f.IsImage))
        {
            var text = f.AsText();
            Assert.That(text, Does.Not.Contain(Repository.Root), f.Path);
            Assert.That(text, Does.Not.Match(@"(^|[\s(`""])/(tmp|home|root|usr|work)/"), f.Path);
            Assert.That(text, Does.Not.Match(@"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d"), f.Path);
            Assert.That(text, Does.Not.Match(@"\b\d+(\.\d+)? ?(s|ms|sec|seconds)\b"), f.Path);
        }
    }

    [Test]
    public void A_figure_drawn_twice_is_the_same_bytes()
    {
        var data = new FigureData("t", "x", "y", [new Series("s", [(0, 1), (0.5, 2), (1, 1.5)])], [new Marker("m", 0.5)]);
        Assert.That(FigureRenderer.Png(data), Is.EqualTo(FigureRenderer.Png(data)));
    }
}
