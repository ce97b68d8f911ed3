using System.Diagnostics;
using NUnit.Framework;
using Verify.Reports.Content;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>proofs/report.tex compiles with a standard LaTeX installation (when pdflatex is on this machine), and text is escaped.</summary>
public class LatexTests
{
    [Test]
    public void Text_is_escaped_for_latex()
    {
        Assert.That(Tex.EscapeText(@"50% of a_b & c#d {x} $y ~ ^ \ §3.2 <"), Is.EqualTo(
            @"50\% of a\_b \& c\#d \{x\} \$y \textasciitilde{} \textasciicircum{} \textbackslash{} \S{}3.2 \textless{}"));
    }

    [Test]
    public void The_committed_report_compiles()
    {
        var pdflatex = new[] { "/usr/bin/pdflatex", "/usr/local/bin/pdflatex" }.FirstOrDefault(File.Exists)
            ?? Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator).Select(p => Path.Combine(p, "pdflatex")).FirstOrDefault(File.Exists);
        if (pdflatex is null) Assert.Ignore("pdflatex is not installed here");
        using var dir = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Repository.Proofs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir.Path, Path.GetRelativePath(Repository.Proofs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        for (int pass = 0; pass < 2; pass++)   // twice, for the references
        {
            var run = Process.Start(new ProcessStartInfo(pdflatex, "-interaction=nonstopmode -halt-on-error report.tex")
            {
                WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            var log = run.StandardOutput.ReadToEnd();
            run.WaitForExit();
            Assert.That(run.ExitCode, Is.EqualTo(0), log.Length > 3000 ? log[^3000..] : log);
        }
        Assert.That(File.Exists(Path.Combine(dir.Path, "report.pdf")));
        Assert.That(File.ReadAllText(Path.Combine(dir.Path, "report.log")), Does.Not.Contain("undefined references"));
    }
}
