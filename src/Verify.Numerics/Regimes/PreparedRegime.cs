using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// A regime of a model file with each of its phases prepared on first use (see
/// <see cref="PreparedRegimeSystem"/>), solved at many points with the phase choice the file
/// gives: the first phase whose 'when' relations hold at its own solution, else the first phase
/// without 'when' that solves. Not safe for concurrent solves: prepare one per thread.
/// </summary>
public sealed class PreparedRegime
{
    readonly ModelDocument _model;
    readonly RegimeKnownValues _known;
    readonly Dictionary<string, PreparedRegimeSystem> _systems = [];

    public Regime Regime { get; }

    internal PreparedRegime(ModelDocument model, Regime regime)
    {
        _model = model;
        Regime = regime;
        _known = new RegimeKnownValues(model, regime);
    }

    /// <summary>The prepared system of one phase (null: the regime without phases, or its base conditions).</summary>
    public PreparedRegimeSystem System(Phase? phase)
    {
        var key = phase?.Name ?? "";
        if (!_systems.TryGetValue(key, out var system))
            _systems[key] = system = new PreparedRegimeSystem(_model, Regime, phase, _known);
        return system;
    }

    /// <summary>The prepared system of the phase with this name.</summary>
    public PreparedRegimeSystem System(string phase) =>
        System(Regime.Phases.FirstOrDefault(p => p.Name == phase) ?? throw new ArgumentException($"regime '{Regime.Name}' has no phase '{phase}'"));

    /// <inheritdoc cref="PreparedRegimeSystem.Solve"/>
    public RegimeSolution Solve(IReadOnlyDictionary<Symbol, double> parameters, IReadOnlyDictionary<Symbol, double>? carried = null,
        SolveOptions? options = null, double? variable = null)
    {
        if (Regime.Phases.Count == 0) return System((Phase?)null).Solve(parameters, carried, options, variable);

        var attempts = new List<string>();
        RegimeSolution? last = null;
        foreach (var phase in Regime.Phases.Where(p => p.When.Count > 0).Concat(Regime.Phases.Where(p => p.When.Count == 0)))
        {
            var system = System(phase);
            var solved = system.Solve(parameters, carried, options, variable);
            if (!solved.Success)
            {
                attempts.AddRange(solved.Attempts);
                last = solved with { Attempts = attempts };
                continue;
            }
            if (!system.WhenHolds(solved))
            {
                attempts.Add($"{system.Name}: solved, but its 'when' ({string.Join(", ", phase.When)}) does not hold there");
                last = solved with
                {
                    Solution = solved.Solution with { Success = false, FailureReason = "the phase's 'when' does not hold at its solution" },
                    Equilibrium = null,
                    Attempts = attempts,
                };
                continue;
            }
            attempts.AddRange(solved.Attempts);
            return solved with { Attempts = attempts };
        }
        return last!;
    }
}
