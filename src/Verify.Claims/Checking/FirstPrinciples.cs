using System.Runtime.CompilerServices;
using Verify.Derivation.Evaluation;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Claims.Checking;

/// <summary>
/// Confirms a counterexample or witness from first principles: the regimes involved are solved
/// at that point from their raw conditions (quadrature and root-finding, no closed form), and
/// every value they share with the derivation must agree; then the claim's verdict at that point
/// rests on the model itself, not on the algebra. Each regime's raw system is prepared once per
/// model evaluator (which, like the prepared systems, belongs to one thread).
/// </summary>
public static class FirstPrinciples
{
    public sealed record Confirmation(bool Confirmed, string Detail)
    {
        /// <summary>The raw solver could not solve the point: it neither confirms nor contradicts.</summary>
        public bool SolverFailed { get; init; }
    }

    static readonly ConditionalWeakTable<ModelEvaluator, Dictionary<string, PreparedRegime>> Prepared = [];

    static PreparedRegime Raw(ModelEvaluator model, string regime)
    {
        var prepared = Prepared.GetValue(model, _ => []);
        if (!prepared.TryGetValue(regime, out var r))
        {
            var doc = model.Derivation.Context.Model;
            prepared[regime] = r = RegimeSystems.Prepare(doc, doc.FindRegime(regime)!);
        }
        return r;
    }

    public static Confirmation Confirm(ModelEvaluator model, IEnumerable<string> regimes, double[] inputs)
    {
        var doc = model.Derivation.Context.Model;
        var parameters = doc.Parameters.ToDictionary(p => p.Symbol, p => inputs[model.Inputs.ToList().IndexOf(p.Symbol)]);
        var solved = new Dictionary<string, IReadOnlyDictionary<Symbol, double>>();
        double worst = 0;
        string worstName = "";
        foreach (var name in regimes.Distinct())
        {
            var regime = doc.FindRegime(name)!;
            var carried = new Dictionary<Symbol, double>();
            foreach (var c in regime.Carried)
            {
                if (!solved.TryGetValue(c.FromRegime, out var source))
                {
                    var s = Raw(model, c.FromRegime).Solve(parameters);
                    if (!s.Success) return new(false, $"the first-principles solver failed in {c.FromRegime}: {string.Join("; ", s.Attempts)}") { SolverFailed = true };
                    solved[c.FromRegime] = source = s.Equilibrium!;
                }
                foreach (var n in c.Names) carried[n] = source[n];
            }
            var raw = Raw(model, name).Solve(parameters, carried);
            if (!raw.Success) return new(false, $"the first-principles solver failed in {name}: {string.Join("; ", raw.Attempts)}") { SolverFailed = true };
            solved[name] = raw.Equilibrium!;
            var derived = model.Regime(name).Evaluate(inputs);
            foreach (var (symbol, value) in raw.Equilibrium!)
            {
                if (!derived.Values.TryGetValue(symbol.Name, out var d) || symbol.Name == doc.Variable?.Symbol.Name) continue;
                if (double.IsNaN(d) && double.IsNaN(value)) continue;
                var rel = Math.Abs(d - value) / Math.Max(1e-12, Math.Max(Math.Abs(d), Math.Abs(value)));
                if (rel > worst) { worst = rel; worstName = $"{symbol.Name} in {name}"; }
            }
        }
        return worst <= 1e-6
            ? new(true, $"confirmed from first principles: the raw conditions solved at this point agree with the derived values (largest relative difference {worst:E1}{(worstName.Length > 0 ? $", {worstName}" : "")})")
            : new(false, $"NOT confirmed: the first-principles solution differs from the derived values by {worst:E2} ({worstName})");
    }
}
