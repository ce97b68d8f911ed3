using System.Text.Json;
using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

public class ListCommandTests
{
    static JsonElement Regime(string name)
    {
        var r = CommandLine.Run("list", "--regime", name, "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var regimes = r.Json.GetProperty("regimes");
        Assert.That(regimes.GetArrayLength(), Is.EqualTo(1));
        return regimes[0];
    }

    static string Form(JsonElement regime, string phase, string name)
    {
        var p = regime.GetProperty("phases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == phase);
        return p.GetProperty("quantities").EnumerateArray().Single(q => q.GetProperty("name").GetString() == name).GetProperty("form").GetString()!;
    }

    [Test]
    public void The_entry_cut_off_has_a_closed_form_in_every_phase()
    {
        var entry = Regime("entry");
        Assert.That(Form(entry, "interior", "aD"), Is.EqualTo("closed"));
        Assert.That(Form(entry, "agglomerated", "aD"), Is.EqualTo("closed"));
    }

    [Test]
    public void The_relocation_export_cut_off_is_implicit_until_agglomeration()
    {
        var relocation = Regime("relocation");
        Assert.That(Form(relocation, "XX", "aX"), Is.EqualTo("implicit"));
        Assert.That(Form(relocation, "DD", "aX"), Is.EqualTo("implicit"));
        Assert.That(Form(relocation, "agglomerated", "aX"), Is.EqualTo("closed"));
    }

    [Test]
    public void Thresholds_are_listed_with_their_values()
    {
        var thresholds = Regime("relocation-entry").GetProperty("thresholds").EnumerateArray().ToList();
        Assert.That(thresholds.Select(t => t.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "phiP", "phiS" }));
        Assert.That(thresholds.Select(t => t.GetProperty("form").GetString()), Is.All.EqualTo("closed"));
        Assert.That(thresholds.Single(t => t.GetProperty("name").GetString() == "phiS").GetProperty("phase").GetString(), Is.EqualTo("relocation-entry.DD"));
    }

    [Test]
    public void Every_regime_and_its_stable_names_are_listed()
    {
        var r = CommandLine.Run("list", "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var regimes = r.Json.GetProperty("regimes").EnumerateArray().ToList();
        Assert.That(regimes.Select(x => x.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "autarky", "entry", "onset", "relocation", "relocation-entry" }));
        var names = regimes.SelectMany(x => x.GetProperty("phases").EnumerateArray())
            .SelectMany(p => p.GetProperty("quantities").EnumerateArray()).Select(q => q.GetProperty("name").GetString()).ToHashSet();
        Assert.That(names, Is.SupersetOf(new[] { "aD", "aX", "aR", "nw", "sn", "B", "Bstar", "abarN", "abarS", "Wstar", "gain" }));
    }

    [Test]
    public void The_table_shows_each_phase_and_form()
    {
        var r = CommandLine.Run("list", "--regime", "relocation");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        var aX = r.Output.Split('\n').Single(l => l.TrimStart().StartsWith("aX "));
        Assert.That(aX, Does.Match(@"aX\s+implicit\s+implicit\s+closed\s+export cut-off"));
        Assert.That(r.Output, Does.Contain("phase XX").And.Contain("phase DD").And.Contain("phase agglomerated"));
        Assert.That(r.Output, Does.Contain("thresholds of relocation").And.Contain("phiS"));
    }

    [Test]
    public void An_unknown_regime_is_refused_with_the_list_of_regimes()
    {
        var r = CommandLine.Run("list", "--regime", "nowhere");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output.Trim(), Is.EqualTo("error: no regime 'nowhere' in baldwin-okubo-2014; the regimes are autarky, entry, onset, relocation, relocation-entry"));
    }
}
