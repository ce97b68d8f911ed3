using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// Solves a regime of a model file, choosing its phase as the file says: the first phase whose
/// 'when' relations hold at its own solution, else the first phase without 'when' that solves.
/// </summary>
public static class RegimeSolver
{
    public static RegimeSolution Solve(ModelDocument model, Regime regime, IReadOnlyDictionary<Symbol, double> parameters,
        IReadOnlyDictionary<Symbol, double>? carried = null, SolveOptions? options = null)
    {
        if (regime.Phases.Count == 0)
        {
            var system = RegimeSystems.Build(model, regime, null, parameters, carried);
            var solution = system.Solve(options);
            return new(system, solution, solution.Success ? system.Equilibrium(solution) : null, [$"{system.Name}: {Outcome(solution)}"]);
        }

        var attempts = new List<string>();
        RegimeSolution? last = null;
        foreach (var phase in regime.Phases.Where(p => p.When.Count > 0).Concat(regime.Phases.Where(p => p.When.Count == 0)))
        {
            var system = RegimeSystems.Build(model, regime, phase, parameters, carried);
            var solution = system.Solve(options);
            if (!solution.Success)
            {
                attempts.Add($"{system.Name}: {Outcome(solution)}");
                last = new(system, solution, null, attempts);
                continue;
            }
            var equilibrium = system.Equilibrium(solution);
            if (!system.WhenHolds(equilibrium))
            {
                attempts.Add($"{system.Name}: solved, but its 'when' ({string.Join(", ", phase.When)}) does not hold there");
                last = new(system, solution with { Success = false, FailureReason = "the phase's 'when' does not hold at its solution" }, null, attempts);
                continue;
            }
            attempts.Add($"{system.Name}: {Outcome(solution)}");
            return new(system, solution, equilibrium, attempts);
        }
        return last!;
    }

    static string Outcome(RawSolution s) => s.Success ? $"solved (max residual {s.MaxResidual:E1})" : $"failed: {s.FailureReason}";
}
