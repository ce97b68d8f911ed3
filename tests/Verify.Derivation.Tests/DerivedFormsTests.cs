using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Tests;

/// <summary>
/// What the engine derives from the bundled model's primitives: which quantities get closed
/// forms, that every solution satisfies its primitive conditions, and the thresholds against the
/// formulas worked out by hand (never typed into the model file).
/// </summary>
public class DerivedFormsTests
{
    static readonly Lazy<(ModelDocument Model, ModelDerivation Derivation, ModelEvaluator Evaluator)> Derived = new(() =>
    {
        var (model, derivation) = (Support.Bundled.Model, Support.Bundled.Derivation);
        return (model, derivation, new ModelEvaluator(derivation));
    });

    static PhaseDerivation Phase(string regime, string? phase = null) => Derived.Value.Derivation.Regime(regime)!.Phase(phase)!;

    [TestCase("autarky", null, "aD")]
    [TestCase("entry", "interior", "aD")]
    [TestCase("entry", "interior", "sn")]
    [TestCase("entry", "interior", "nw")]
    [TestCase("relocation-entry", "XX", "aR")]
    [TestCase("relocation-entry", "XX", "aD")]
    [TestCase("relocation-entry", "DD", "aD")]
    [TestCase("relocation-entry", "XX", "aX")]
    public void HasAClosedForm(string regime, string? phase, string name) =>
        Assert.That(Phase(regime, phase).Find(name)!.Kind, Is.EqualTo(FormKind.Closed));

    [TestCase("relocation", "XX")]
    [TestCase("relocation", "DD")]
    [TestCase("onset", null)]
    public void TheExportCutOffStaysImplicitWhereEntryIsFrozen(string regime, string? phase)
    {
        var aX = Phase(regime, phase).Find("aX")!;
        Assert.That(aX.Kind, Is.EqualTo(FormKind.Implicit));
    }

    [Test]
    public void EverySolutionSatisfiesItsConditionsSymbolicallyOrIsLeftToTheNumericCheck()
    {
        foreach (var regime in Derived.Value.Derivation.Regimes)
            foreach (var phase in regime.Phases)
                foreach (var check in phase.Checks)
                    Assert.That(check.Status, Is.Not.EqualTo(CheckStatus.Failed), $"{phase.Key}: {check.Label}: {check.Detail}");
        var symbolic = Derived.Value.Derivation.Regimes.SelectMany(r => r.Phases).SelectMany(p => p.Checks).Count(c => c.Status == CheckStatus.Symbolic);
        Assert.That(symbolic, Is.GreaterThan(20), "most conditions are verified symbolically");
    }

    static double Threshold(string regime, string name, IReadOnlyDictionary<string, double> at)
    {
        var t = Derived.Value.Derivation.Regime(regime)!.Thresholds.Single(x => x.Threshold.Symbol.Name == name);
        Assert.That(t.Value, Is.Not.Null, t.Failure);
        var values = Derived.Value.Model.Parameters.ToDictionary(p => p.Symbol, p => at[p.Symbol.Name]);
        return Evaluator.Evaluate(t.Value!.Substitute(Derived.Value.Evaluator.DerivedParameters), values);
    }

    [TestCase(3.0, 4.0, 0.6)]
    [TestCase(2.0, 2.0, 0.75)]
    [TestCase(5.0, 9.0, 0.52)]
    public void ThresholdsAgreeWithTheHandDerivation(double sigma, double rho, double sE)
    {
        var at = new Dictionary<string, double> { ["sigma"] = sigma, ["rho"] = rho, ["sE"] = sE, ["phi"] = 0.5, ["f"] = 1, ["fI"] = 0.1 };
        var beta = rho / (sigma - 1);
        foreach (var regime in new[] { "relocation", "relocation-entry" })
            Assert.That(Threshold(regime, "phiP", at), Is.EqualTo((1 - sE) / sE).Within(1e-12), regime);
        Assert.That(Threshold("relocation-entry", "phiS", at), Is.EqualTo(Math.Pow((1 - sE) / sE, 1 / beta)).Within(1e-12));
        Assert.That(Threshold("relocation", "phiS", at), Is.EqualTo(Math.Pow(1 - sE, 1 / beta) / sE).Within(1e-12));
    }

    [Test]
    public void ImplicitDerivativesAgreeWithFiniteDifferences()
    {
        var m = Derived.Value.Model;
        var parsed = ExpressionScope.Parse(m, "relocation", "diff(aR, phi)");
        var slope = new QuantityExpression(Derived.Value.Evaluator, "relocation", parsed.Expr);
        var level = new QuantityExpression(Derived.Value.Evaluator, "relocation", ExpressionScope.Parse(m, "relocation", "aR").Expr);
        var phi = Derived.Value.Evaluator.Inputs.ToList().FindIndex(s => s.Name == "phi");
        foreach (var p in new[] { 0.2, 0.45, 0.6 })
        {
            var inputs = Derived.Value.Evaluator.InputVector(new Dictionary<string, double> { ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = p, ["f"] = 1, ["fI"] = 0.2 });
            double h = 1e-6;
            var up = (double[])inputs.Clone(); up[phi] += h;
            var down = (double[])inputs.Clone(); down[phi] -= h;
            var fd = (level.Evaluate(up) - level.Evaluate(down)) / (2 * h);
            Assert.That(slope.Evaluate(inputs), Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"phi = {p}");
        }
    }
}
