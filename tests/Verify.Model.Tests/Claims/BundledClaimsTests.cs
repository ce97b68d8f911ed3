using NUnit.Framework;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Model.Tests.Claims;

/// <summary>The bundled claims about Baldwin & Okubo (2014) load, and read as the file says (line numbers are the file's).</summary>
public class BundledClaimsTests
{
    static readonly ClaimDocument Doc = ClaimsLoader.LoadBundled();

    static ClaimDefinition Claim(string id) => Doc.Claims.Single(c => c.Id == id);

    static void AssertAt(SourceSpan span, int line, int column) =>
        Assert.That(span, Is.EqualTo(new SourceSpan("baldwin-okubo-2014.claims", line, column)));

    [Test]
    public void ItIsBundledAndIsForTheBundledModel()
    {
        Assert.That(ClaimsLoader.BundledNames, Does.Contain("baldwin-okubo-2014"));
        Assert.That(ModelLoader.BundledNames, Does.Contain(Doc.ModelName));
        Assert.That(Doc.File, Is.EqualTo("baldwin-okubo-2014.claims"));
    }

    [Test]
    public void TheClaimsAreThoseOfThePaperInOrder() =>
        Assert.That(Doc.Claims.Select(c => c.Id), Is.EqualTo(new[]
        {
            "R1.equal-demand", "R1.no-gain", "R2.onset-demand", "R2.gain-positive", "R2.gain-decreasing",
            "R3.ar-increasing", "R3.partition", "R3.sustain", "R3.order", "R4.sustain-beta", "R4.limit",
            "R5.entry", "R5.xx-north", "R5.xx-south", "R5.dd-north", "R5.dd-south-large-rho", "R5.dd-south-small-rho",
            "R5.special-case", "R6.entry", "R6.relocation-entry", "R7.instant", "R7.general", "R7.general-long-run", "R7.general-sn", "HME.derivative", "FN11.weight",
        }));

    [Test]
    public void EveryClaimHasAQuoteAReadingARegimeAndAnAssert()
    {
        foreach (var c in Doc.Claims)
        {
            Assert.That(c.Quote, Is.Not.Null.And.Not.Empty, c.Id);
            Assert.That(c.Reading, Is.Not.Null.And.Not.Empty, c.Id);
            Assert.That(c.Regimes, Is.Not.Empty, c.Id);
            Assert.That(c.RegimeSpans, Has.Count.EqualTo(c.Regimes.Count), c.Id);
            Assert.That(c.Assertions, Is.Not.Empty, c.Id);
        }
    }

    [Test]
    public void RegimesAreReadWithTheirHyphens()
    {
        Assert.That(Claim("R1.equal-demand").Regimes, Is.EqualTo(new[] { "entry" }));
        Assert.That(Claim("R2.onset-demand").Regimes, Is.EqualTo(new[] { "onset" }));
        Assert.That(Claim("R3.ar-increasing").Regimes, Is.EqualTo(new[] { "relocation", "relocation-entry" }));
        Assert.That(Claim("R5.xx-north").Regimes, Is.EqualTo(new[] { "relocation-entry" }));
        var r3 = Claim("R3.ar-increasing");
        Assert.That(r3.RegimeSpans, Is.EqualTo(new[]
        {
            new SourceSpan("baldwin-okubo-2014.claims", 51, 10), new SourceSpan("baldwin-okubo-2014.claims", 51, 22),
        }));
    }

    [Test]
    public void TheKindsOfAssertionAreAsWritten()
    {
        Assert.That(Doc.Claims.SelectMany(c => c.Assertions).GroupBy(a => a.GetType().Name).ToDictionary(g => g.Key, g => g.Count()),
            Is.EquivalentTo(new Dictionary<string, int>
            {
                ["UniversalAssertion"] = 21, ["ForAllAssertion"] = 2, ["MonotoneAssertion"] = 1, ["LimitAssertion"] = 1,
                ["ExistsAssertion"] = 2, ["FormulaAssertion"] = 5,
            }));
    }

    [Test]
    public void AUniversalAssertion()
    {
        var c = Claim("R1.equal-demand");
        AssertAt(c.Span, 8, 1);
        Assert.That(c.Where.Select(w => w.Text), Is.EqualTo(new[] { "sn < 1" }));
        AssertAt(c.Where[0].Span, 12, 9);
        var a = (UniversalAssertion)c.Assertions.Single();
        Assert.That(a.Relation.Text, Is.EqualTo("B = Bstar"));
        AssertAt(a.Span, 13, 3);
        AssertAt(a.Relation.Span, 13, 10);
        Assert.That(c.With, Is.Empty);
        Assert.That(c.DeclaredVerdict, Is.Null);
    }

    [Test]
    public void AForAllAssertion()
    {
        var a = (ForAllAssertion)Claim("R1.no-gain").Assertions.Single();
        Assert.That((a.Variable, a.Lower.Text, a.Upper.Text, a.Condition, a.Relation.Text), Is.EqualTo(("a", "0", "aD", (MathText?)null, "gain = 0")));
        AssertAt(a.Lower.Span, 21, 23);
        AssertAt(a.Upper.Span, 21, 26);
        AssertAt(a.Relation.Span, 21, 31);
    }

    [Test]
    public void AMonotoneAssertionWithACondition()
    {
        var a = (MonotoneAssertion)Claim("R2.gain-decreasing").Assertions.Single();
        Assert.That(a.Increasing, Is.False);
        Assert.That((a.Expression.Text, a.Variable, a.Lower.Text, a.Upper.Text, a.Condition?.Text),
            Is.EqualTo(("gain", "a", "0", "aD", "a^(1 - sigma)*B > f")));
        AssertAt(a.Expression.Span, 45, 21);
        AssertAt(a.Condition!.Span, 45, 50);
    }

    [Test]
    public void ALimitWithASubstitution()
    {
        var c = Claim("R4.limit");
        var (name, value) = c.With.Single();
        Assert.That((name, value.Text), Is.EqualTo(("rho", "beta*(sigma - 1)")));
        AssertAt(value.Span, 90, 14);
        var a = (LimitAssertion)c.Assertions.Single();
        Assert.That((a.Expression.Text, a.Variable, a.Value.Text), Is.EqualTo(("phiS", "beta", "1")));
        AssertAt(a.Value.Span, 91, 38);
    }

    [Test]
    public void AFormulaUpToAPositiveFactorWithTwoSubstitutions()
    {
        var c = Claim("R5.special-case");
        Assert.That(c.With.Select(w => (w.Name, w.Value.Text)), Is.EqualTo(new[] { ("sigma", "2"), ("rho", "2") }));
        Assert.That(c.Where.Select(w => w.Text), Is.EqualTo(new[] { "phiP < phi", "phi < phiS" }));
        var formula = (FormulaAssertion)c.Assertions[0];
        Assert.That(formula.UpToPositiveFactor, Is.True);
        Assert.That(formula.Derived.Text, Is.EqualTo("diff(abarS, phi)"));
        Assert.That(formula.Paper.Text, Is.EqualTo("phi*(sE*(2 + phi^2)/(1 - sE) - 1)/(2*(1 + phi^2)^(3/2))"));
        AssertAt(formula.Derived.Span, 149, 18);
        AssertAt(formula.Paper.Span, 149, 37);
        Assert.That(c.Assertions[1], Is.InstanceOf<UniversalAssertion>());
    }

    [Test]
    public void AnExactFormula()
    {
        var formula = (FormulaAssertion)Claim("R3.sustain").Assertions.Single();
        Assert.That((formula.Derived.Text, formula.Paper.Text, formula.UpToPositiveFactor), Is.EqualTo(("phiS", "((1 - sE)/sE)^(1/beta)", false)));
    }

    [Test]
    public void WhereRelationsAreSplitAtTopLevelCommasAndKeepNameAtRegime()
    {
        var c = Claim("R5.xx-north");
        Assert.That(c.Where.Select(w => w.Text), Is.EqualTo(new[] { "0 < phi", "phi < phiP", "aR < aX", "sn@entry < 1" }));
        Assert.That(c.Where.Select(w => w.Span.Column), Is.EqualTo(new[] { 9, 18, 30, 39 }));
        Assert.That(c.Where.Select(w => w.Span.Line), Is.All.EqualTo(107));
        var a = (UniversalAssertion)c.Assertions.Single();
        Assert.That(a.Relation.Text, Is.EqualTo("diff(abarN, phi) < diff(abarN@entry, phi)"));
    }

    [Test]
    public void ExistsAssertions()
    {
        var a = (ExistsAssertion)Claim("R5.dd-south-large-rho").Assertions.Single();
        Assert.That(a.Relation.Text, Is.EqualTo("diff(abarS, phi) > 0"));
        Assert.That(((ExistsAssertion)Claim("R5.dd-south-small-rho").Assertions.Single()).Relation.Text, Is.EqualTo("diff(abarS, phi) < 0"));
    }

    [Test]
    public void TheGeneralCaseIsAClaimOverPaths()
    {
        // R7.general was declared not-derivable until the dynamic regimes were simulated; none is declared now.
        var c = Claim("R7.general");
        Assert.That(c.DeclaredVerdict, Is.Null);
        Assert.That(c.Regimes, Is.EqualTo(new[] { "general" }));
        Assert.That(c.Assertions.Cast<UniversalAssertion>().Select(a => a.Relation.Text),
            Is.EqualTo(new[] { "end(Wstar) > end(Wstar@slow-entry)", "pv(Wstar) > pv(Wstar@slow-entry)" }));
        Assert.That(c.Discount!.Name, Is.EqualTo("r"));
        Assert.That(c.Ranges.Select(r => (r.Name, r.Lower.Text, r.Upper.Text)), Is.EqualTo(new[] { ("gammaR", "fI/10", "10*fI"), ("gammaE", "fI/10", "10*fI") }));
        Assert.That(Doc.Claims.Where(x => x.DeclaredVerdict is not null), Is.Empty);
    }

    [Test]
    public void QuotesKeepTheirPunctuation()
    {
        Assert.That(Claim("R1.equal-demand").Quote, Does.StartWith("§3.1: Note that an implication").And.EndWith("market size differences."));
        Assert.That(Claim("R3.partition").Quote, Does.Contain("'partitioning'"));
    }

    [Test]
    public void LoadingForAnotherModelIsRefused()
    {
        var text = new StreamReader(typeof(ClaimsLoader).Assembly.GetManifestResourceStream("Models.baldwin-okubo-2014.claims")!).ReadToEnd();
        var e = Assert.Throws<ModelException>(() => ClaimsLoader.LoadText(text, "bo.claims", model: "tiny-autarky"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((6, 12)));
        Assert.That(e.Problem, Does.Contain("'baldwin-okubo-2014'").And.Contain("'tiny-autarky'"));
    }

    [Test]
    public void AnUnknownBundledNameSaysWhichExist()
    {
        var e = Assert.Throws<ModelException>(() => ClaimsLoader.LoadBundled("nope"))!;
        Assert.That(e.Message, Does.StartWith("nope.claims: no bundled claims named 'nope'").And.Contain("baldwin-okubo-2014"));
    }

    [Test]
    public void AMissingFileIsAModelException()
    {
        var e = Assert.Throws<ModelException>(() => ClaimsLoader.Load(Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such.claims")))!;
        Assert.That(e.Line, Is.EqualTo(0));
        Assert.That(e.Problem, Does.StartWith("cannot read the claims file"));
    }
}
