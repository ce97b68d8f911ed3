using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>verify check prints one line per claim and a summary; verify explain the whole evidence; --json the headline too.</summary>
public class CheckOutputTests
{
    // Claims with a counterexample, an interval proof, an identity and a reading: the kinds of evidence there are.
    const string Claims = "R3.order,R3.sustain,R4.limit,R7.general";

    static CliResult Narrow(params string[] args)
    {
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 80;
        return new CliResult(VerifyApp.Run(args, console), writer.ToString().Replace("\r\n", "\n"));
    }

    [Test]
    public void One_line_per_claim_at_80_columns_then_a_summary()
    {
        var r = Narrow("check", "--claims", Claims, "--draws", "200");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var lines = r.Output.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        // Seven claim-in-regime pairs, and a summary of at most two lines.
        Assert.That(lines.Count, Is.InRange(8, 9), r.ToString());
        Assert.That(lines.Take(7).All(l => l.Length <= 80), r.ToString());
        Assert.That(lines[2], Does.StartWith("refuted").And.Contain("R3.order@relocation: phiS < 1 fails: 1.30128 vs 1"));
        Assert.That(string.Join(" ", lines.Skip(7)), Does.StartWith("7 as pinned: 3 proved, 4 refuted; 200 draws, seed 20140101"));
    }

    [Test]
    public void Json_keeps_the_evidence_and_adds_a_headline_of_at_most_100_characters()
    {
        var r = CommandLine.Run("check", "--claims", Claims, "--draws", "200", "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        foreach (var c in r.Json.GetProperty("claims").EnumerateArray())
        {
            var headline = c.GetProperty("headline").GetString()!;
            Assert.That(headline.Length, Is.InRange(10, 100), headline);
            Assert.That(c.GetProperty("evidence").GetString()!.Length, Is.GreaterThanOrEqualTo(headline.Length - 40));
            Assert.That(c.TryGetProperty("details", out _) && c.TryGetProperty("counterexample", out _) && c.TryGetProperty("seed", out _));
        }
    }

    [Test]
    public void Explain_prints_the_whole_evidence_of_one_claim_in_one_regime()
    {
        var r = Narrow("explain", "R3.order@relocation", "--draws", "200");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Output, Does.Contain("R3.order@relocation: refuted (as pinned)"));
        Assert.That(r.Output, Does.Not.Contain("R3.order@relocation-entry"));
        Assert.That(r.Output, Does.Contain("paper").And.Contain("reading").And.Contain("confirmed from first principles"));
        // The point in full precision, not the headline's three digits.
        Assert.That(r.Output, Does.Contain("rho = 4.814032064903983"));
    }

    [Test]
    public void Explain_names_the_claims_when_the_id_is_unknown()
    {
        var r = CommandLine.Run("explain", "R9.nothing");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.StartWith("error: no claim 'R9.nothing'; the claims are R1.equal-demand"));
    }
}
