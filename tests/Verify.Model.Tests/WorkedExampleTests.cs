using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Model.Tests;

/// <summary>The worked example of docs/model-language.md, read from the page itself, loads and means what the page says.</summary>
public class WorkedExampleTests
{
    static string WorkedExample()
    {
        using var stream = typeof(WorkedExampleTests).Assembly.GetManifestResourceStream("docs.model-language.md")
            ?? throw new AssertionException("the language page is not embedded in the test assembly");
        var page = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n");
        var section = page.IndexOf("## A worked example", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThan(0), "the page has a worked example section");
        var start = page.IndexOf("```model\n", section, StringComparison.Ordinal) + "```model\n".Length;
        var end = page.IndexOf("```", start, StringComparison.Ordinal);
        return page[start..end];
    }

    static readonly ModelDocument Model = ModelLoader.LoadText(WorkedExample(), "tiny-autarky.model");

    [Test]
    public void ItLoads()
    {
        Assert.That(Model.Name, Is.EqualTo("tiny-autarky"));
        Assert.That(Model.Parameters.Select(p => p.Symbol.Name), Is.EqualTo(new[] { "sigma", "k", "f", "fE", "L" }));
        var autarky = Model.Regimes.Single();
        Assert.That(autarky.Unknowns, Has.Count.EqualTo(3));
        Assert.That(autarky.Conditions.Select(c => c.Label), Is.EqualTo(new[] { "cutoff", "free-entry", "demand" }));
        Assert.That(autarky.Hints.Single(), Is.InstanceOf<SolveHint>());
    }

    [Test]
    public void EveryNameThePageCallsPositiveIsPositive()
    {
        var autarky = Model.Regimes.Single();
        var symbols = Model.Parameters.Select(p => p.Symbol)
            .Concat(Model.Derived.Select(d => d.Symbol))
            .Append(Model.Variable!.Symbol)
            .Concat(autarky.Unknowns.Select(u => u.Symbol))
            .Concat(autarky.Quantities.Select(q => q.Symbol));
        Assert.That(symbols.Where(s => s.Sign != SymbolSign.Positive).Select(s => s.Name), Is.Empty);
    }

    [Test]
    public void MarketWeightInlinesAsThePageSays()
    {
        var k = Model.Parameters.Single(p => p.Symbol.Name == "k").Symbol;
        var sigma = Model.Parameters.Single(p => p.Symbol.Name == "sigma").Symbol;
        var a = Model.Variable!.Symbol;
        var aD = Model.Regimes.Single().Unknowns[0].Symbol;
        Assert.That(Model.Inline(Expr.Call("C", Expr.Zero, aD)), Is.EqualTo(Expr.Integral(k * Expr.Pow(a, k - sigma), a, Expr.Zero, aD)));
    }
}
