using NUnit.Framework;
using Verify.Model.Language;

namespace Verify.Model.Tests;

/// <summary>'phases from X': a regime takes an earlier regime's phases, read in its own scope.</summary>
public class PhasesFromTests
{
    const string Model = """
        model two
        parameter f : f > 0
        parameter s : 0 < s < 1
        regime first
          unknown x : x > 0
          unknown y : y > 0
          condition c1 : x + y = f
          phase low when x <= y
            condition c2 : x = s*y
          end
          phase corner
            condition c2 : y = f
          end
        end
        regime second
          unknown x : x > 0
          unknown y : y > 0
          unknown z : z > 0
          condition c1 : x + y = z
          condition c3 : z = 2*f
          phases from first
        end
        """;

    [Test]
    public void ThePhasesAreTakenInOrderAndReadInTheTakingRegime()
    {
        var m = ModelLoader.LoadText(Model, "two.model");
        var second = m.Regimes.Single(r => r.Name == "second");
        Assert.That(second.Phases.Select(p => p.Name), Is.EqualTo(new[] { "low", "corner" }));
        // The taken condition names the taking regime's own x and y (same names, its symbols).
        var x = second.Unknowns.Single(u => u.Symbol.Name == "x").Symbol;
        Assert.That(second.Phases[0].Conditions.Single().Left, Is.EqualTo(x));
        Assert.That(second.Phases[0].When, Has.Count.EqualTo(1));
    }

    [Test]
    public void OnlyFromAnEarlierRegime()
    {
        var text = Model.Replace("phases from first", "phases from third");
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText(text, "bad.model"))!;
        Assert.That(e.Problem, Does.Contain("there is no regime 'third' before this one"));
        Assert.That((e.Line, e.Column), Is.EqualTo((21, 15)));
    }

    [Test]
    public void NotFromItself()
    {
        var text = Model.Replace("phases from first", "phases from second");
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText(text, "bad.model"))!;
        Assert.That(e.Problem, Does.Contain("a regime cannot take its own phases"));
    }

    [Test]
    public void AnErrorInATakenPhaseIsPlacedAtItsText()
    {
        // The phase names k, which regime first fixes and regime second does not have: reported where the phase is written.
        var text = Model.Replace("  unknown x : x > 0\n  unknown y : y > 0\n  condition c1 : x + y = f", "  fix k = 1\n  unknown x : x > 0\n  unknown y : y > 0\n  condition c1 : x + y = f")
            .Replace("condition c2 : x = s*y", "condition c2 : x = s*y*k");
        Assert.That(text, Does.Contain("fix k = 1"));
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText(text, "bad.model"))!;
        Assert.That(e.Problem, Does.Contain("unknown name 'k'"));
        Assert.That((e.Line, e.Column), Is.EqualTo((10, 28)));
    }
}
