using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

public class SanityTests
{
    [Test, Explicit]
    public void OnePoint()
    {
        var model = ModelLoader.LoadBundled();
        var derivation = ModelDeriver.Derive(model);
        var evaluator = new ModelEvaluator(derivation);
        var values = new Dictionary<string, double> { ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = 0.3, ["f"] = 1, ["fI"] = 0.5, ["a"] = 0.2 };
        var input = evaluator.InputVector(values);
        var parameters = model.Parameters.ToDictionary(p => p.Symbol, p => values[p.Symbol.Name]);
        var autarky = RegimeSolver.Solve(model, model.FindRegime("autarky")!, parameters);
        var carried = autarky.Equilibrium!.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var r in model.Regimes)
        {
            var p = evaluator.Regime(r.Name).Evaluate(input);
            var raw = RegimeSolver.Solve(model, r, parameters, carried);
            TestContext.Out.WriteLine($"== {r.Name}: {p.PhaseKey} vs raw {raw.System.Name} ({raw.Success})");
            foreach (var (k, v) in p.Values)
            {
                var rv = raw.Success ? raw.Equilibrium!.FirstOrDefault(kv => kv.Key.Name == k).Value : double.NaN;
                TestContext.Out.WriteLine($"   {k,-8} {v,22:R} {rv,22:R}");
            }
        }
    }
}

public class ExpressionSanityTests
{
    [Test, Explicit]
    public void Expressions()
    {
        var model = ModelLoader.LoadBundled();
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        var values = new Dictionary<string, double> { ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = 0.3, ["f"] = 1, ["fI"] = 0.5, ["a"] = 0.2 };
        var input = evaluator.InputVector(values);
        foreach (var (regime, text) in new[] {
            ("relocation", "diff(aR, phi)"), ("relocation", "aR"), ("relocation", "phiS"), ("relocation-entry", "diff(abarS, phi)"),
            ("relocation-entry", "Wstar - Wstar@entry"), ("relocation-entry", "diff(abarN, phi) - diff(abarN@entry, phi)"), ("onset", "B - Bstar"),
            ("entry", "diff(sn, sE)"), ("entry", "diff(ln(WX), phi)") })
        {
            var parsed = ExpressionScope.Parse(model, regime, text);
            var q = new QuantityExpression(evaluator, regime, parsed.Expr, parsed.Aliases);
            var v = q.Evaluate(input);
            var h = 1e-6;
            var up = (double[])input.Clone(); up[3] += h; var dn = (double[])input.Clone(); dn[3] -= h;
            TestContext.Out.WriteLine($"{regime,-18} {text,-45} = {v:R}   (d/dphi by FD: {(q.Evaluate(up) - q.Evaluate(dn)) / (2 * h):R})");
        }
    }
}
