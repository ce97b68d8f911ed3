using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Model.Tests;

public class BundledModelTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();

    static Regime RegimeNamed(string name) => Model.FindRegime(name) ?? throw new AssertionException($"no regime {name}");

    [Test]
    public void HeaderAndCounts()
    {
        Assert.That(Model.Name, Is.EqualTo("baldwin-okubo-2014"));
        Assert.That(Model.Title, Is.EqualTo("International Trade, Offshoring and Heterogeneous Firms"));
        Assert.That(Model.Parameters, Has.Count.EqualTo(6));
        Assert.That(Model.Derived, Has.Count.EqualTo(2));
        Assert.That(Model.Constraints, Has.Count.EqualTo(1));
        Assert.That(Model.Functions.Select(f => f.Name), Is.SupersetOf(new[] { "g", "C", "A", "E" }));
        Assert.That(Model.Functions.Single(f => f.IsDensity).Name, Is.EqualTo("g"));
        Assert.That(Model.Variable?.Symbol.Name, Is.EqualTo("a"));
    }

    [Test]
    public void RegimesAndPhases()
    {
        Assert.That(Model.Regimes.Select(r => r.Name),
            Is.EqualTo(new[] { "autarky", "entry", "onset", "relocation", "relocation-entry" }));
        Assert.That(RegimeNamed("relocation").Phases.Select(p => p.Name), Is.EqualTo(new[] { "XX", "DD", "agglomerated" }));
        var entry = RegimeNamed("entry");
        Assert.That(entry.Phases.Select(p => p.Name), Is.EqualTo(new[] { "interior", "agglomerated" }));
        Assert.That(entry.Phases[0].Fixes, Is.Empty, "the interior phase has no block");
        Assert.That(entry.Phases[1].Dropped, Is.EqualTo(new[] { "free-entry-south" }));
        Assert.That(Model.Regimes.SelectMany(r => r.Hints.Concat(r.Phases.SelectMany(p => p.Hints))), Is.Empty, "the engine derives the bundled model unaided");
        Assert.That(RegimeNamed("relocation-entry").Phases.Select(p => p.Name), Is.EqualTo(new[] { "XX", "DD", "agglomerated" }), "phases from relocation");
    }

    [Test]
    public void ConditionLabelsOfEntry() =>
        Assert.That(RegimeNamed("entry").Conditions.Select(c => c.Label), Is.EqualTo(new[]
        {
            "cutoff-D-north", "cutoff-D-south", "cutoff-X-north", "cutoff-X-south",
            "demand-north", "demand-south", "free-entry-north", "free-entry-south",
        }));

    [Test]
    public void SignsAreInferredFromDomains()
    {
        var signs = Model.Parameters.ToDictionary(p => p.Symbol.Name, p => p.Symbol.Sign);
        // phi's trade domain is 0 < phi < 1 (phi = 0 is the autarky regime), so it is positive too.
        foreach (var name in new[] { "sigma", "rho", "sE", "phi", "f", "fI" })
            Assert.That(signs[name], Is.EqualTo(SymbolSign.Positive), name);
        // beta from its definition; alpha = rho + 1 - sigma only through the assumed rho > sigma - 1.
        Assert.That(Model.Derived.Select(d => d.Symbol.Sign), Is.All.EqualTo(SymbolSign.Positive));
        Assert.That(Model.Variable!.Symbol.Sign, Is.EqualTo(SymbolSign.Positive));
    }

    [Test]
    public void RegimeSymbolsGetSignsToo()
    {
        var relocation = RegimeNamed("relocation");
        Assert.That(relocation.Unknowns.Single(u => u.Symbol.Name == "aR").Symbol.Sign, Is.EqualTo(SymbolSign.NonNegative));
        Assert.That(relocation.Unknowns.Single(u => u.Symbol.Name == "aX").Symbol.Sign, Is.EqualTo(SymbolSign.Positive));
        // Carried names keep the sign they have in autarky, where nw = n + nstar is a positive quantity.
        var carried = relocation.Carried.Single().Names.ToDictionary(s => s.Name, s => s.Sign);
        Assert.That(carried, Is.EqualTo(new Dictionary<string, SymbolSign>
        {
            ["aD"] = SymbolSign.Positive, ["nw"] = SymbolSign.Positive, ["sn"] = SymbolSign.Positive,
        }));
        Assert.That(RegimeNamed("entry").Unknowns.Single(u => u.Symbol.Name == "sn").Symbol.Sign, Is.EqualTo(SymbolSign.NonNegative));
        Assert.That(RegimeNamed("relocation-entry").Fixes.Single().Symbol.Sign, Is.EqualTo(SymbolSign.Positive), "sn = sE");
    }

    [Test]
    public void Thresholds()
    {
        var relocation = RegimeNamed("relocation");
        var phiS = relocation.Thresholds.Single(t => t.Symbol.Name == "phiS");
        Assert.That(phiS.Phase, Is.EqualTo("DD"));
        Assert.That(phiS.For.Name, Is.EqualTo("phi"));
        Assert.That(phiS.Left, Is.EqualTo((Expr)relocation.Unknowns.Single(u => u.Symbol.Name == "aR").Symbol));
    }

    [Test]
    public void SpansPointAtTheStatements()
    {
        Assert.That(Model.Parameters[0].Span, Is.EqualTo(new SourceSpan("baldwin-okubo-2014.model", 13, 1)));
        Assert.That(RegimeNamed("entry").Span.Line, Is.EqualTo(58));
        Assert.That(Model.Text, Does.StartWith("# Baldwin & Okubo"));
    }

    [Test]
    public void BundledNamesListTheModel()
    {
        Assert.That(ModelLoader.BundledNames, Does.Contain("baldwin-okubo-2014"));
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadBundled("no-such-model"))!;
        Assert.That(e.Message, Does.Contain("no bundled model named 'no-such-model'").And.Contain("baldwin-okubo-2014"));
    }
}
