using System.Text.Json;
using NUnit.Framework;
using Verify.Cli.Tests.Support;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Cli.Tests;

public class DeriveCommandTests
{
    static JsonElement Json(params string[] args)
    {
        var r = CommandLine.Run([.. args, "--json"]);
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        return r.Json;
    }

    static List<JsonElement> Derivations(JsonElement report) => report.GetProperty("derivations").EnumerateArray().ToList();

    /// <summary>A printed value read back and evaluated at a parameter point.</summary>
    static double ValueAt(string printed, double sigma, double rho, double sE)
    {
        var e = Parser.Parse(printed);
        var values = e.FreeSymbols().ToDictionary(s => s, s => s.Name switch
        {
            "sigma" => sigma, "rho" => rho, "sE" => sE,
            // The paper's notation: results are shown with the model's derived parameters.
            "beta" => rho / (sigma - 1), "alpha" => rho + 1 - sigma,
            _ => throw new AssertionException($"unexpected name {s.Name} in {printed}"),
        });
        return Evaluator.Evaluate(e, values);
    }

    [Test]
    public void The_sustain_point_with_entry_is_the_papers_closed_form()
    {
        var report = Json("derive", "phiS", "--regime", "relocation-entry");
        Assert.That(report.GetProperty("kind").GetString(), Is.EqualTo("threshold"));
        var d = Derivations(report).Single();
        Assert.That(d.GetProperty("form").GetString(), Is.EqualTo("closed"));
        var value = d.GetProperty("value").GetString()!;
        foreach (var (sigma, rho, sE) in new[] { (3.0, 4.0, 0.6), (2.0, 1.5, 0.9), (5.0, 7.5, 0.55), (1.2, 0.5, 0.75) })
        {
            var expected = Math.Pow((1 - sE) / sE, (sigma - 1) / rho);
            Assert.That(ValueAt(value, sigma, rho, sE), Is.EqualTo(expected).Within(1e-12).Percent, $"{value} at sigma={sigma}, rho={rho}, sE={sE}");
        }
    }

    [Test]
    public void The_sustain_point_with_entry_prints_its_steps_and_value()
    {
        var r = CommandLine.Run("derive", "phiS", "--regime", "relocation-entry");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Output, Does.Contain("phase relocation-entry.DD"));
        Assert.That(r.Output, Does.Contain("set aR = aD"));
        Assert.That(r.Output, Does.Contain("result, closed form"));
        Assert.That(r.Output, Does.Match(@"\n\s+phiS = \S"));
    }

    [Test]
    public void The_sustain_point_without_entry_is_derived_by_eliminating_the_implicit_cut_off()
    {
        var r = CommandLine.Run("derive", "phiS", "--regime", "relocation");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Output, Does.Contain("eliminate the implicit aX"));
        Assert.That(r.Output, Does.Match(@"\n\s+phiS = \S"));
        var d = Derivations(Json("derive", "phiS", "--regime", "relocation")).Single();
        Assert.That(d.GetProperty("failure").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var value = ValueAt(d.GetProperty("value").GetString()!, 3, 4, 0.6);
        Assert.That(value, Is.Positive.And.Not.NaN);
    }

    [Test]
    public void Every_phase_is_shown_when_none_is_asked_for()
    {
        var report = Json("derive", "aX", "--regime", "relocation");
        var forms = Derivations(report).ToDictionary(d => d.GetProperty("phase").GetString()!, d => d.GetProperty("form").GetString());
        Assert.That(forms, Is.EqualTo(new Dictionary<string, string?>
        {
            ["relocation.XX"] = "implicit", ["relocation.DD"] = "implicit", ["relocation.agglomerated"] = "closed",
        }));
        var dd = Derivations(report).Single(d => d.GetProperty("phase").GetString() == "relocation.DD");
        Assert.That(dd.GetProperty("implicit").EnumerateArray().Select(i => i.GetProperty("unknown").GetString()), Does.Contain("aX"));
        Assert.That(dd.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("defines").GetBoolean()), Is.EqualTo(1));
    }

    [Test]
    public void One_phase_when_asked_and_a_closed_form_says_so()
    {
        var r = CommandLine.Run("derive", "aD", "--regime", "entry", "--phase", "interior");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Output, Does.Contain("phase entry.interior").And.Not.Contain("entry.agglomerated"));
        Assert.That(r.Output, Does.Contain("result, closed form"));
        Assert.That(r.Output, Does.Match(@"\n  \* \[\d+\] "), "the step that defines aD is marked");
    }

    [Test]
    public void All_steps_are_a_superset_of_the_selected_ones()
    {
        static List<int> Numbers(JsonElement report) => Derivations(report).Single().GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()).ToList();
        var selected = Numbers(Json("derive", "Wstar", "--regime", "relocation-entry", "--phase", "XX"));
        var all = Numbers(Json("derive", "Wstar", "--regime", "relocation-entry", "--phase", "XX", "--all"));
        Assert.That(all, Is.SupersetOf(selected));
        Assert.That(all.Count, Is.GreaterThan(selected.Count));
        Assert.That(all, Is.EqualTo(Enumerable.Range(1, all.Count)));
    }

    [Test]
    public void Latex_uses_the_models_names()
    {
        var r = CommandLine.Run("derive", "phiS", "--regime", "relocation-entry", "--latex");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var result = r.Output.Split('\n').Single(l => l.TrimStart().StartsWith("phiS = "));
        Assert.That(result, Does.Contain("s_E").And.Contain(@"\beta"));
        Assert.That(r.Output, Does.Contain("a_R = a_D"));
    }

    [Test]
    public void The_sustain_point_with_entry_reads_as_the_papers()
    {
        var d = Derivations(Json("derive", "phiS", "--regime", "relocation-entry")).Single();
        Assert.That(d.GetProperty("value").GetString(), Is.EqualTo("((1 - sE)/sE)^(1/beta)"));
    }

    /// <summary>An expression over the regime's names: its closed form in each phase has the value eval computes.</summary>
    [TestCase("diff(abarS, phi)", "entry")]
    [TestCase("diff(sn, sE)", "entry")]
    [TestCase("Wstar - Wstar@entry", "relocation-entry")]
    public void Any_expression_is_derived_in_each_phase(string expression, string regime)
    {
        const string At = "sigma=3,rho=4,sE=0.6,phi=0.3,f=1,fI=0.5";
        var report = Json("derive", expression, "--regime", regime);
        Assert.That(report.GetProperty("kind").GetString(), Is.EqualTo("expression"));
        var eval = Json("eval", expression, "--regime", regime, "--at", At);
        var phase = string.Join(", ", eval.GetProperty("phases").EnumerateObject().Select(p => p.Value.GetString()));
        var shown = Derivations(report).Single(d => d.GetProperty("phase").GetString() == phase);
        Assert.That(shown.GetProperty("form").GetString(), Is.EqualTo("closed"));
        var e = Parser.Parse(shown.GetProperty("value").GetString()!);
        var point = new Dictionary<string, double> { ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = 0.3, ["f"] = 1, ["fI"] = 0.5, ["beta"] = 2, ["alpha"] = 2 };
        var value = Evaluator.Evaluate(e, e.FreeSymbols().ToDictionary(s => s, s => point[s.Name]));
        Assert.That(value, Is.EqualTo(eval.GetProperty("value").GetDouble()).Within(1e-9).Percent.Or.EqualTo(0).Within(1e-12));
    }

    [TestCase(new[] { "derive", "aD", "--regime", "nowhere" }, "no regime 'nowhere'")]
    [TestCase(new[] { "derive", "aD", "--regime", "entry", "--phase", "XX" }, "regime entry has no phase 'XX'; its phases are interior, agglomerated")]
    [TestCase(new[] { "derive", "abarN", "--regime", "relocation", "--phase", "agglomerated" }, "abarN is not defined in relocation.agglomerated; it is defined in relocation.XX, relocation.DD")]
    [TestCase(new[] { "derive", "sigma", "--regime", "entry" }, "sigma is a parameter")]
    [TestCase(new[] { "derive", "foo", "--regime", "entry" }, "'foo' is not a name of regime entry")]
    [TestCase(new[] { "derive", "phiS", "--regime", "relocation", "--phase", "XX" }, "derived in phase DD")]
    [TestCase(new[] { "derive", "phiS" }, "--regime is required")]
    public void Bad_requests_are_refused_in_one_line(string[] args, string message)
    {
        var r = CommandLine.Run(args);
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
        Assert.That(r.Output, Does.StartWith("error: ").And.Contain(message));
        Assert.That(r.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }
}
