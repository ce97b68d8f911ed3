using System.Globalization;
using System.Text.Json;
using NUnit.Framework;
using Verify.Cli.Tests.Support;
using Verify.Fuzz.Tests.Support;
using Verify.Reports.Figures;

namespace Verify.Fuzz.Tests;

/// <summary>
/// Every quantity and threshold of every regime of the bundled model, at parameters near the edges of
/// their domains: a finite value, or the documented one-line error (a numeric failure, a name not
/// defined in the phase that holds, a point outside the domain); --json output is always valid JSON.
/// </summary>
public class NumericEdgeTests
{
    // sigma -> 1+, beta = rho/(sigma - 1) -> 1+, sE -> 1/2+, phi -> 0+ and 1-, fI -> 0+, sigma and rho very large.
    static readonly (string Edge, string Point)[] Edges =
    [
        ("sigma -> 1+", "sigma=1.000001,rho=0.5,sE=0.6,phi=0.5,f=1,fI=0.5"),
        ("beta -> 1+", "sigma=3,rho=2.000001,sE=0.6,phi=0.5,f=1,fI=0.5"),
        ("sE -> 1/2+", "sigma=3,rho=4,sE=0.500001,phi=0.5,f=1,fI=0.5"),
        ("phi -> 0+", "sigma=3,rho=4,sE=0.6,phi=1e-9,f=1,fI=0.5"),
        ("phi -> 1-", "sigma=3,rho=4,sE=0.6,phi=0.999999,f=1,fI=0.5"),
        ("fI -> 0+", "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=1e-9"),
        ("large sigma", "sigma=1e6,rho=2e6,sE=0.6,phi=0.5,f=1,fI=0.5"),
        ("large rho", "sigma=3,rho=1e6,sE=0.6,phi=0.5,f=1,fI=0.5"),
        ("large sigma and rho", "sigma=1e12,rho=1e15,sE=0.6,phi=0.5,f=1,fI=1e-3"),
    ];

    static IEnumerable<TestCaseData> Regimes() => ExpressionSeeds.Regimes.Select(r => new TestCaseData(r).SetArgDisplayNames(r));

    [TestCaseSource(nameof(Regimes))]
    public void Every_name_at_every_edge_is_a_value_or_a_one_line_error(string regime)
    {
        var names = Names(regime);
        Assert.That(names, Is.Not.Empty);
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (edge, point) in Edges)
        foreach (var name in names)
        {
            var result = CommandLine.Run("eval", name, "--regime", regime, "--at", point, "--json");
            var outcome = Expect.CliOutcome(result, json: true, $"eval {name} --regime {regime} --at {point} ({edge})");
            if (outcome == "ok")
            {
                var value = result.Json.GetProperty("value");
                Assert.That(value.ValueKind, Is.EqualTo(JsonValueKind.Number), $"{name} at {edge}: {result}");
                Assert.That(double.IsFinite(value.GetDouble()), $"{name} at {edge}: {result}");
            }
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }
        TestContext.Out.WriteLine($"{regime}: {names.Count} names at {Edges.Length} edges: {string.Join(", ", tally.Select(t => $"{t.Value} {t.Key}"))}");
    }

    [Test]
    public void Figure_data_has_no_literal_for_a_number_that_is_not_finite()
    {
        // A point where the model could not be evaluated, and a label with a tab, as a damaged model file can give.
        var data = new FigureData("t", "x", "y", [new Series("a\tb", [(0.5, double.NaN), (1, double.PositiveInfinity), (2, 3)])], [new Marker("m", double.NaN)]);
        using var json = JsonDocument.Parse(data.ToJson());
        var points = json.RootElement.GetProperty("series")[0].GetProperty("points");
        Assert.That(points[0][1].ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(points[1][1].ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(points[2][1].GetDouble(), Is.EqualTo(3));
        Assert.That(json.RootElement.GetProperty("series")[0].GetProperty("label").GetString(), Is.EqualTo("a\tb"));
    }

    /// <summary>The quantities and thresholds of a regime, from verify list --json.</summary>
    static List<string> Names(string regime)
    {
        var list = CommandLine.Run("list", "--regime", regime, "--json");
        Assert.That(list.Exit, Is.EqualTo(0), list.ToString());
        var r = list.Json.GetProperty("regimes")[0];
        return r.GetProperty("phases").EnumerateArray().SelectMany(p => p.GetProperty("quantities").EnumerateArray())
            .Concat(r.GetProperty("thresholds").EnumerateArray())
            .Select(q => q.GetProperty("name").GetString()!).Distinct().ToList();
    }
}
