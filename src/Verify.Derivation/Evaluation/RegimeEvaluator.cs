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

    // Every expression over the regime asks for the phase at the same point: remember the last
    // answer (copied into a buffer of our own, so a hit or a miss allocates nothing).
    double[]? _lastInputs;
    bool _hasLast;
    int _lastPhase;

    /// <summary>
    /// The index of the phase that holds at the inputs, or a failure that says why none does. Only
    /// the phases' validity relations are computed, not their outputs (see <see cref="Evaluate"/>).
    /// </summary>
    public int Select(double[] inputs)
    {
        if (_hasLast && _lastInputs!.AsSpan().SequenceEqual(inputs)) return _lastPhase;
        var phase = SelectPhase(inputs);
        if (_lastInputs is null || _lastInputs.Length != inputs.Length) _lastInputs = new double[inputs.Length];
        inputs.CopyTo(_lastInputs, 0);
        _lastPhase = phase;
        _hasLast = true;
        return phase;
    }

    int SelectPhase(double[] inputs)
    {
        List<string>? failures = null;
        for (int i = 0; i < _phases.Length; i++)
        {
            // A phase that could not be evaluated says nothing about whether it holds, so the
            // fallback after it (a phase with no condition of its own, a corner) is not taken: it
            // would report the wrong equilibrium. A later phase whose own condition holds at its
            // own solution is an equilibrium all the same; it is taken, as the implicit system of
            // a phase that does not hold often has no root in its unknowns' domains to find.
            if (failures is not null && _phases[i].Phase.When.Count == 0) break;
            try
            {
                if (_phases[i].Holds(inputs)) return i;
            }
            // No solution inside the unknowns' domains: the phase does not hold, as when a closed form lands outside them.
            catch (NoRootInDomain) { }
            catch (NumericFailure e) { (failures ??= []).Add($"{_phases[i].Phase.Key} cannot be evaluated here: {e.Message}"); }
        }
        if (failures is not null) throw new NumericFailure(string.Join("; ", failures));
        var reasons = _phases.Select(p => $"{p.Phase.Key}: its conditions {string.Join(", ", p.Phase.When)} fail");
        throw new NumericFailure($"no phase of {Regime.Regime.Name} holds: {string.Join("; ", reasons)}");
    }

    public EquilibriumPoint Evaluate(double[] inputs)
    {
        var i = Select(inputs);
        // Every output of the phase, computed now that it is needed (Select computed its relations only).
        try { _phases[i].TryEvaluate(inputs, _outputs[i]); }
        catch (NumericFailure e) { throw new NumericFailure($"{_phases[i].Phase.Key} cannot be evaluated here: {e.Message}"); }
        var values = new Dictionary<string, double>();
        var outs = _outputs[i];
        for (int k = 0; k < outs.Length; k++) values[_phases[i].Outputs[k].Name] = outs[k];
        return new EquilibriumPoint(Regime.Regime.Name, _phases[i].Phase.Key, values);
    }
}
