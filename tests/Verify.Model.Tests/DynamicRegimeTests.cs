using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Model.Tests;

/// <summary>Dynamic regimes: what the bundled model's read as, and malformed ones rejected at their place.</summary>
public class DynamicRegimeTests
{
    // A static regime to start from and a one-state dynamic regime (line numbers matter below).
    const string Header = """
        model tiny
        parameter f : f > 0
        regime rest
          unknown x : x > 0
          condition pin : x = f
        end
        """;

    static ModelException Fail(string dynamic)
    {
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText(Header + "\n" + dynamic, "bad.model"))!;
        TestContext.Out.WriteLine(e.Message);
        return e;
    }

    [Test]
    public void The_bundled_general_case_has_three_states_from_autarky_and_slow_entry_holds_relocation()
    {
        var model = ModelLoader.LoadBundled();
        var general = model.FindDynamic("general")!;
        Assert.That(general.StartRegime, Is.EqualTo("autarky"));
        Assert.That(general.States.Select(s => s.Symbol.Name), Is.EqualTo(new[] { "K", "Kstar", "y" }));
        Assert.That(general.Parameters.Select(p => p.Symbol.Name), Is.EqualTo(new[] { "gammaR", "gammaE" }));
        Assert.That(general.Conditions.Select(c => c.Label), Is.EqualTo(new[]
            { "cutoff-D-north", "cutoff-D-south", "cutoff-X-north", "cutoff-X-south", "demand-north", "demand-south" }));
        Assert.That(general.Laws.Select(l => (l.Label, l.State.Name)), Is.EqualTo(new[] { ("entry-north", "K"), ("entry-south", "Kstar"), ("relocation", "y") }));
        Assert.That(general.Laws[0].Left.FreeSymbols().Select(s => s.Name), Does.Contain("dK/dt"));
        var slow = model.FindDynamic("slow-entry")!;
        Assert.That(slow.States.Where(s => s.Held).Select(s => (s.Symbol.Name, s.HeldBecause)), Is.EqualTo(new[] { ("y", "relocation forbidden") }));
        Assert.That(slow.Laws.Count, Is.EqualTo(3));
        Assert.That(model.Regimes.Select(r => r.Name), Does.Not.Contain("general"), "dynamic regimes are not static ones");
    }

    [Test]
    public void A_law_without_a_time_derivative_is_rejected_where_it_is_written() =>
        Assert.That(Fail("""
            dynamic move
              start from rest
              state s : s > 0 starts x
              law grow : s = f
            end
            """).Message, Does.StartWith("bad.model:10:").And.Contain("diff(x, t) of exactly one state"));

    [Test]
    public void A_state_without_a_law_must_be_held() =>
        Assert.That(Fail("""
            dynamic move
              start from rest
              state s : s > 0 starts x
            end
            """).Message, Does.StartWith("bad.model:9:9:").And.Contain("hold s"));

    [Test]
    public void A_start_value_may_use_only_the_start_regimes_names() =>
        Assert.That(Fail("""
            dynamic move
              start from rest
              state s : s > 0 starts y
              law grow : diff(s, t) = f - s
            end
            """).Message, Does.StartWith("bad.model:9:").And.Contain("unknown name 'y'"));

    [Test]
    public void Conditions_are_taken_only_from_a_regime_that_has_them() =>
        Assert.That(Fail("""
            dynamic move
              start from rest
              state s : s > 0 starts x
              unknown z : z > 0
              conditions missing from rest
              law grow : diff(s, t) = z - s
            end
            """).Message, Does.StartWith("bad.model:11:14:").And.Contain("has no condition 'missing'"));

    [Test]
    public void A_well_formed_dynamic_regime_reads_its_law_as_a_condition_on_the_rate()
    {
        var model = ModelLoader.LoadText(Header + "\n" + """
            dynamic move
              start from rest
              parameter k : k > 0
              state s : s > 0 starts 2*x
              unknown z : z > 0
              conditions pin from rest
              law grow : k*diff(s, t) = z - s
            end
            """.Replace("conditions pin from rest", "condition pin : z = f"), "ok.model");
        var move = model.FindDynamic("move")!;
        Assert.That(move.States.Single().Start.ToString(), Does.Contain("x"));
        Assert.That(move.Laws.Single().Left.FreeSymbols().Select(s => s.Name), Is.EquivalentTo(new[] { "k", "ds/dt" }));
    }
}
