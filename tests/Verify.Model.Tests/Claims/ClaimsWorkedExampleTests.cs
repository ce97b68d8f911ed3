using NUnit.Framework;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Model.Tests.Claims;

/// <summary>The worked example of docs/claims-language.md, read from the page itself, loads and reads as the page says.</summary>
public class ClaimsWorkedExampleTests
{
    static string WorkedExample()
    {
        using var stream = typeof(ClaimsWorkedExampleTests).Assembly.GetManifestResourceStream("docs.claims-language.md")
            ?? throw new AssertionException("the claims language page is not embedded in the test assembly");
        var page = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n");
        var section = page.IndexOf("## A worked example", StringComparison.Ordinal);
        Assert.That(section, Is.GreaterThan(0), "the page has a worked example section");
        var start = page.IndexOf("```claims\n", section, StringComparison.Ordinal) + "```claims\n".Length;
        var end = page.IndexOf("```", start, StringComparison.Ordinal);
        return page[start..end];
    }

    // It is about the model of the model language's worked example.
    static readonly ClaimDocument Doc = ClaimsLoader.LoadText(WorkedExample(), "tiny-autarky.claims", model: "tiny-autarky");

    [Test]
    public void ItLoads()
    {
        Assert.That(Doc.ModelName, Is.EqualTo("tiny-autarky"));
        Assert.That(Doc.Claims.Select(c => c.Id), Is.EqualTo(new[] { "T1.cutoff", "T2.profits", "T3.active-firms", "T4.many-entrants", "T5.gradual-entry" }));
        Assert.That(Doc.Claims.SelectMany(c => c.Regimes).Distinct(), Is.EqualTo(new[] { "autarky" }));
    }

    [Test]
    public void EachFormIsWhatThePageSays()
    {
        var t2 = Doc.Claims[1].Assertions;
        Assert.That(t2[0], Is.InstanceOf<ForAllAssertion>());
        Assert.That(((MonotoneAssertion)t2[1]).Expression.Text, Is.EqualTo("a^(1 - sigma)*B - f"));
        var t3 = Doc.Claims[2];
        Assert.That(t3.Quote, Is.EqualTo("With sigma = 2 the mass of active firms is proportional to (k - 1)/k, and it tends to L/f as the cost distribution concentrates."));
        Assert.That(t3.With.Single().Name, Is.EqualTo("sigma"));
        Assert.That(((FormulaAssertion)t3.Assertions[0]).UpToPositiveFactor, Is.True);
        Assert.That(((LimitAssertion)t3.Assertions[1]).Value.Text, Is.EqualTo("L/f"));
        Assert.That(((ExistsAssertion)Doc.Claims[3].Assertions.Single()).Relation.Text, Is.EqualTo("n > 1"));
        Assert.That(Doc.Claims[4].DeclaredVerdict, Is.EqualTo("not-derivable"));
    }

    [Test]
    public void ItIsAboutTheModelLanguagesWorkedExample()
    {
        // The regime named is the one of the model page's example; loading for another model is refused.
        Assert.Throws<ModelException>(() => ClaimsLoader.LoadText(WorkedExample(), "x.claims", model: "baldwin-okubo-2014"));
    }
}
