using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

public class SimulateCommandTests
{
    const string At = "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5,gammaR=1,gammaE=1";

    [Test]
    public void Json_gives_the_times_every_series_and_whether_the_path_is_steady()
    {
        var r = CommandLine.Run("simulate", "general", "--at", At, "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var json = r.Json;
        var t = json.GetProperty("t").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.That(t[0], Is.EqualTo(0));
        Assert.That(t, Is.Ordered);
        Assert.That(json.GetProperty("steady").GetBoolean(), Is.True);
        var series = json.GetProperty("series");
        foreach (var name in new[] { "sn", "B", "Bstar", "Wstar", "aR", "nw", "K", "Kstar", "y" })
            Assert.That(series.GetProperty(name).GetArrayLength(), Is.EqualTo(t.Count), name);
        var sn = series.GetProperty("sn").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.That(sn[^1], Is.GreaterThan(0.6).And.LessThan(0.61), "sn ends just above sE = 0.6");
        double B = series.GetProperty("B").EnumerateArray().Last().GetDouble(), Bs = series.GetProperty("Bstar").EnumerateArray().Last().GetDouble();
        Assert.That(B - Bs, Is.EqualTo(0).Within(1e-7), "the location condition at the steady state");
    }

    [Test]
    public void Csv_has_a_header_and_a_row_per_step()
    {
        var r = CommandLine.Run("simulate", "slow-entry", "--at", At, "--csv");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var lines = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("t,K,Kstar,y,"));
        Assert.That(lines.Skip(1).All(l => l.Split(',').Length == lines[0].Split(',').Length), Is.True);
        Assert.That(lines[^1].Split(',')[3], Is.EqualTo("0"), "relocation forbidden: y stays 0");
    }

    [Test]
    public void Bad_input_is_one_line_with_exit_2()
    {
        foreach (var args in new[]
        {
            new[] { "simulate", "relocation", "--at", At },
            new[] { "simulate", "general", "--at", At.Replace(",gammaE=1", "") },
            new[] { "simulate", "general", "--at", At.Replace("gammaE=1", "gammaE=-1") },
        })
        {
            var r = CommandLine.Run(args);
            Assert.That(r.Exit, Is.EqualTo(2), r.ToString());
            Assert.That(r.Output.Trim(), Does.StartWith("error: ").And.Not.Contain("\n"), r.ToString());
        }
    }
}
