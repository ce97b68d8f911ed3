using NUnit.Framework;
using Verify.Cli.Tests.Support;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>verify report and verify compare as a user runs them.</summary>
public class CommandTests
{
    [Test]
    public void Report_reusing_the_committed_verdicts_writes_the_committed_files()
    {
        using var dir = new TempFolder();
        File.Copy(Path.Combine(Repository.Proofs, "baseline.json"), Path.Combine(dir.Path, "baseline.json"));
        var (exit, output) = CommandLine.Run("report", "--out", dir.Path, "--reuse-verdicts");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("verdicts reused"));
        foreach (var name in new[] { "README.md", "R3.md", "report.tex", "baseline.json", "figures/welfare.json" })
            Assert.That(File.ReadAllText(Path.Combine(dir.Path, name)), Is.EqualTo(File.ReadAllText(Path.Combine(Repository.Proofs, name)).Replace("\r\n", "\n")), name);
        Assert.That(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left behind");
    }

    [Test]
    public void Compare_of_the_bundled_model_with_its_own_baseline_finds_nothing()
    {
        var (exit, output) = CommandLine.Run("compare", "--baseline", Repository.Proofs, "--derivations-only");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("nothing changed"));
    }

    [Test]
    public void Compare_without_a_baseline_is_bad_input()
    {
        using var dir = new TempFolder();
        var (exit, output) = CommandLine.Run("compare", "--baseline", dir.Path);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.StartWith("error: no baseline at"));
    }

    [Test]
    public void Report_with_verdicts_to_reuse_but_no_baseline_is_bad_input()
    {
        using var dir = new TempFolder();
        var (exit, output) = CommandLine.Run("report", "--out", dir.Path, "--reuse-verdicts");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.StartWith("error: --reuse-verdicts: no baseline at"));
        Assert.That(Directory.EnumerateFileSystemEntries(dir.Path), Is.Empty, "nothing written");
    }

    [Test]
    public void Compare_as_json_says_whether_anything_changed()
    {
        var (exit, output) = CommandLine.Run("compare", "--baseline", Path.Combine(Repository.Proofs, "baseline.json"), "--derivations-only", "--json");
        Assert.That(exit, Is.EqualTo(0), output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("unchanged").GetBoolean());
        Assert.That(json.RootElement.GetProperty("changes").GetArrayLength(), Is.EqualTo(0));
        Assert.That(json.RootElement.GetProperty("baseline").GetProperty("draws").GetInt32(), Is.EqualTo(10_000));
    }
}
