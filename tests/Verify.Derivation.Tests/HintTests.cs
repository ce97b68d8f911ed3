using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

/// <summary>Hints are advice: the paper's order gives the same values as the engine's own, and a hint that cannot be carried out is skipped, not fatal.</summary>
public class HintTests
{
    static string Bundled => ModelLoader.LoadBundled().Text;

    /// <summary>The bundled model with hints added to regime entry before its first phase.</summary>
    static ModelDocument WithEntryHints(params string[] hints)
    {
        var text = Bundled;
        var at = text.IndexOf("  phase interior when sn <= 1", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0));
        return ModelLoader.LoadText(text.Insert(at, string.Concat(hints.Select(h => $"  hint {h}\n"))), "hinted.model");
    }

    static readonly Dictionary<string, double> At = new() { ["sigma"] = 3, ["rho"] = 4.5, ["sE"] = 0.6, ["phi"] = 0.4, ["f"] = 1, ["fI"] = 0.3 };

    [Test]
    public void ThePapersOrderGivesTheSameValues()
    {
        var hinted = ModelDeriver.Derive(WithEntryHints(
            "solve cutoff-D-north for B", "solve cutoff-D-south for Bstar", "solve cutoff-X-north for aX", "solve cutoff-X-south for aXstar",
            "solve free-entry-north, free-entry-south for aD^rho, aDstar^rho", "solve demand-north for nw"));
        var unaided = Support.Bundled.Derivation;
        var ea = new ModelEvaluator(hinted);
        var eb = new ModelEvaluator(unaided);
        var a = ea.Regime("entry");
        var b = eb.Regime("entry");
        Assert.That(hinted.Regime("entry")!.Phase("interior")!.Steps.Count(s => s.Rule.StartsWith("hint at")), Is.GreaterThanOrEqualTo(5));
        var x = a.Evaluate(ea.InputVector(At, 0.1));
        var y = b.Evaluate(eb.InputVector(At, 0.1));
        Assert.That(x.PhaseKey, Is.EqualTo(y.PhaseKey));
        foreach (var (name, value) in y.Values.Where(v => double.IsFinite(v.Value)))
            Assert.That(x[name], Is.EqualTo(value).Within(1e-12 * Math.Max(1, Math.Abs(value))), name);
    }

    [Test]
    public void AHintThatCannotBeCarriedOutIsReportedAndSkipped()
    {
        // demand-north is not linear in aD^rho, aX^rho: Cramer's rule cannot apply.
        var hinted = ModelDeriver.Derive(WithEntryHints("solve demand-north, demand-south for aD^rho, aX^rho"));
        var interior = hinted.Regime("entry")!.Phase("interior")!;
        Assert.That(interior.Steps.Any(s => s.Rule.Contains("skipped")), Is.True);
        Assert.That(interior.Find("aD")!.Kind, Is.EqualTo(FormKind.Closed));
    }
}

/// <summary>An error in an expression with name@regime points into the text as written, not into its rewritten form.</summary>
public class AliasErrorPlacementTests
{
    [Test]
    public void TheEndOfInputAfterAnAliasIsOnePastTheText()
    {
        var model = ModelLoader.LoadBundled();
        var text = "diff(abarS, phi) > diff(abarS@entry, phi)^";
        var e = Assert.Throws<Verify.Symbolic.Text.ParseException>(() =>
            ExpressionScope.ParseRelation(model, "relocation-entry", text, new Verify.Symbolic.Text.TextPosition(115, 10)))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((115, 10 + text.Length)), e.Message);
        Assert.That(e.Message, Does.StartWith($"115:{10 + text.Length}: "));
    }
}
