using NUnit.Framework;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>Writing a report: each file replaced whole, figures the new report lacks removed, no temporary file left.</summary>
public class ReportWriterTests
{
    [Test]
    public void A_second_report_replaces_the_first_and_drops_its_stale_figures()
    {
        using var dir = new TempFolder();
        ReportWriter.Write(dir.Path, [ReportFile.Text("README.md", "first\n"), new ReportFile("figures/old.png", [1, 2, 3]), ReportFile.Text("figures/old.json", "{}\n")]);
        ReportWriter.Write(dir.Path, [ReportFile.Text("README.md", "second\n"), new ReportFile("figures/new.png", [4])]);
        Assert.That(File.ReadAllText(Path.Combine(dir.Path, "README.md")), Is.EqualTo("second\n"));
        Assert.That(Directory.EnumerateFiles(Path.Combine(dir.Path, "figures")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "new.png" }));
        Assert.That(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Files_outside_the_figures_folder_are_left_alone()
    {
        using var dir = new TempFolder();
        File.WriteAllText(Path.Combine(dir.Path, "notes.txt"), "mine");
        ReportWriter.Write(dir.Path, [ReportFile.Text("README.md", "report\n")]);
        Assert.That(File.ReadAllText(Path.Combine(dir.Path, "notes.txt")), Is.EqualTo("mine"));
    }
}
