using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>verify table: many points in one process, each value the one verify eval gives, a row's error where its point fails.</summary>
public class TableCommandTests
{
    const string Others = "sigma=3,rho=4,sE=0.6,f=1,fI=0.5";

    [Test]
    public void A_thousand_points_by_three_expressions_agree_with_eval_and_take_well_under_five_seconds()
    {
        CommandLine.Run("eval", "aD", "--regime", "relocation-entry", "--at", Point.Interior);   // derive outside the clock
        var clock = Stopwatch.StartNew();
        var r = CommandLine.Run("table", "aD", "abarS", "diff(abarS, phi)", "--regime", "relocation-entry",
            "--grid", "phi=0.05:0.95:1000", "--at", Others, "--json");
        clock.Stop();
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        TestContext.Out.WriteLine($"1000 points x 3 expressions: {clock.Elapsed.TotalSeconds:F2} s");
        Assert.That(clock.Elapsed.TotalSeconds, Is.LessThan(5));
        var rows = r.Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(1000));
        Assert.That(rows[0].GetProperty("at").GetProperty("phi").GetDouble(), Is.EqualTo(0.05));
        Assert.That(rows[^1].GetProperty("at").GetProperty("phi").GetDouble(), Is.EqualTo(0.95));
        // Past the sustain point phiS = (2/3)^(1/2) = 0.816 the South has no firms: abarS is undefined there.
        Assert.That(rows[^1].GetProperty("error").GetString(), Does.Contain("'abarS' not defined in relocation-entry.agglomerated"));
        Assert.That(rows[^1].GetProperty("values").GetProperty("aD").GetDouble(), Is.GreaterThan(0));
        // Rows on both sides of the partition point phiP = 2/3, each against its own eval.
        foreach (var i in new[] { 0, 499, 700, 780 })
        {
            var row = rows[i];
            Assert.That(row.GetProperty("error").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            var phi = row.GetProperty("at").GetProperty("phi").GetDouble().ToString("R", CultureInfo.InvariantCulture);
            foreach (var e in new[] { "aD", "abarS", "diff(abarS, phi)" })
            {
                var single = CommandLine.Run("eval", e, "--regime", "relocation-entry", "--at", $"{Others},phi={phi}");
                Assert.That(row.GetProperty("values").GetProperty(e).GetDouble(), Is.EqualTo(single.Number), $"{e} at phi={phi}");
            }
            Assert.That(row.GetProperty("phases").GetProperty("relocation-entry").GetString(), Does.StartWith("relocation-entry."));
        }
    }

    [Test]
    public void A_point_outside_the_domain_is_its_rows_error_and_the_run_goes_on()
    {
        var r = CommandLine.Run("table", "aD", "abarN", "--regime", "relocation-entry", "--grid", "phi=0:0.5:3", "--at", Others, "--csv");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var lines = r.Output.Trim().Split('\n');
        Assert.That(lines[0], Is.EqualTo("sigma,rho,sE,phi,f,fI,aD,abarN,error"));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[1], Does.StartWith("3,4,0.6,0,1,0.5,,,").And.Contain("0 < phi does not hold"));
        Assert.That(lines[3], Does.StartWith("3,4,0.6,0.5,1,0.5,0.79527072876705").And.EndWith(","));
    }

    [Test]
    public void Points_come_from_a_csv_file_and_its_mistakes_have_a_line_and_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verify-points-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "phi,sE\n0.5,0.6\n0.25,0.75\n");
            var r = CommandLine.Run("table", "aD", "--regime", "entry", "--points", path, "--at", "sigma=3,rho=4,f=1,fI=0.5", "--json");
            Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
            var first = r.Json.GetProperty("rows")[0].GetProperty("values").GetProperty("aD").GetDouble();
            Assert.That(first, Is.EqualTo(CommandLine.Run("eval", "aD", "--regime", "entry", "--at", Point.Interior).Number));

            File.WriteAllText(path, "phi,sE\n0.5,0.6\n0.25,x\n");
            var bad = CommandLine.Run("table", "aD", "--regime", "entry", "--points", path, "--at", "sigma=3,rho=4,f=1,fI=0.5");
            Assert.That(bad.Exit, Is.EqualTo(VerifyApp.BadInput));
            Assert.That(bad.Output, Does.StartWith("error: ").And.Contain(":3:6: 'x' is not a number (for sE)"));
        }
        finally { File.Delete(path); }
    }

    [TestCase("phi=0.1:0.9", "expected name=from:to:count")]
    [TestCase("phi=0.1:0.9:0", "is not a whole number of at least 1")]
    [TestCase("phi=a:0.9:3", "'a' in 'phi=a:0.9:3' is not a number")]
    public void A_malformed_grid_is_bad_input(string grid, string message)
    {
        var r = CommandLine.Run("table", "aD", "--regime", "entry", "--grid", grid, "--at", "sigma=3,rho=4,sE=0.6,f=1,fI=0.5");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.StartWith("error: --grid: ").And.Contain(message));
    }
}
