using Verify.Derivation.Results;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Evaluation;

/// <summary>The equilibrium of a regime at one point: the phase that holds there and every value by name.</summary>
public sealed record EquilibriumPoint(string Regime, string PhaseKey, IReadOnlyDictionary<string, double> Values)
{
    public double this[string name] => Values.TryGetValue(name, out var v) ? v
        : throw new KeyNotFoundException($"'{name}' is not defined in {PhaseKey}");
}

/// <summary>
/// Evaluates a regime at parameter points: each phase compiled once; at a point the first phase
/// whose validity relations hold at its own solution is the equilibrium (a phase without
/// relations is the fallback, e.g. a corner).
/// </summary>
public sealed class RegimeEvaluator
{
    public RegimeDerivation Regime { get; }
    readonly PhaseEvaluator[] _phases;
    readonly double[][] _outputs;

    public RegimeEvaluator(RegimeDerivation regime, IReadOnlyList<Symbol> inputs, IReadOnlyDictionary<Expr, Expr> derivedParameters)
    {
        Regime = regime;
        _phases = regime.Phases.Select(p => new PhaseEvaluator(p, inputs, derivedParameters)).ToArray();
        _outputs = _phases.Select(p => new double[p.Outputs.Count]).ToArray();
    }

    public IReadOnlyList<PhaseEvaluator> Phases => _phases;

    /// <summary>The index of the phase that holds at the inputs (its outputs are then filled), or a failure that says why none does.</summary>
    public int Select(double[] inputs)
    {
        var reasons = new List<string>();
        for (int i = 0; i < _phases.Length; i++)
        {
            try
            {
                if (_phases[i].TryEvaluate(inputs, _outputs[i])) return i;
                reasons.Add($"{_phases[i].Phase.Key}: its conditions {string.Join(", ", _phases[i].Phase.When)} fail");
            }
            catch (NumericFailure e) { reasons.Add($"{_phases[i].Phase.Key}: {e.Message}"); }
        }
        throw new NumericFailure($"no phase of {Regime.Regime.Name} holds: {string.Join("; ", reasons)}");
    }

    public EquilibriumPoint Evaluate(double[] inputs)
    {
        var i = Select(inputs);
        var values = new Dictionary<string, double>();
        var outs = _outputs[i];
        for (int k = 0; k < outs.Length; k++) values[_phases[i].Outputs[k].Name] = outs[k];
        return new EquilibriumPoint(Regime.Regime.Name, _phases[i].Phase.Key, values);
    }
}
