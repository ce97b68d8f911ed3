using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>The derived values put back into the conditions as written.</summary>
sealed partial class CrossCheckComparison
{
    /// <summary>The largest residual derived values leave in a phase's conditions as written (NaN where they cannot be evaluated).</summary>
    double Backward(string phaseKey, IReadOnlyDictionary<string, double> values, IReadOnlyDictionary<Symbol, double> parameters)
    {
        var phase = _regimeModel.Phases.FirstOrDefault(p => Key(p) == phaseKey);
        var carried = _regimeModel.Carried.SelectMany(c => c.Names).ToDictionary(s => s, s => values[s.Name]);
        var residuals = _raw.System(phase).Residuals(parameters, carried, values);
        return residuals is null ? double.NaN : residuals.Values.Max(Math.Abs);
    }

    /// <summary>
    /// The phases the derivation tried before the one it chose, rejected because their 'when' fails
    /// at their own values. The quick raw search may give up on such a phase without finding its
    /// root, so it cannot confirm the rejection; instead, the derived values of each must be a root
    /// of its conditions as written (then the 'when' failing there is a fact about that root).
    /// </summary>
    IEnumerable<string> RejectedPhases(EquilibriumPoint derived, double[] inputs, IReadOnlyDictionary<Symbol, double> parameters)
    {
        foreach (var phase in _derived.Phases)
        {
            if (phase.Phase.Key == derived.PhaseKey) yield break;
            var outputs = new double[phase.Outputs.Count];
            try { phase.TryEvaluate(inputs, outputs); }
            catch (NumericFailure) { continue; }   // no root of the derived conditions: nothing to check
            var values = phase.Outputs.Select((s, i) => (s.Name, outputs[i])).ToDictionary(t => t.Name, t => t.Item2);
            var residual = Backward(phase.Phase.Key, values, parameters);
            if (residual > BackwardTolerance)
                yield return $"the derivation rejects {phase.Phase.Key} at values that leave a residual {residual:E2} in its conditions as written";
        }
    }
}
