using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>Where the two sides chose different phases: which side's choice the conditions as written decide.</summary>
sealed partial class CrossCheckComparison
{
    /// <summary>
    /// The quick raw search chose another phase than the derivation. Of the two, the one the file
    /// tries first decides. If it is the derived phase, the quick search rejected it: a thorough
    /// search of that phase settles whether it missed the root (then the raw rule, rejecting the
    /// earlier phases as before, picks it too). Either way, a 'when' that turns on an unknown the
    /// conditions as written do not pin (aR against aX when movers are a sliver of the market sums)
    /// leaves the first-principles choice undecided: then the values are compared in the derived
    /// phase. Returns the raw solution in the derived phase, a note, or the disagreement.
    /// </summary>
    (RegimeSolution? Same, string? Note, string? Disagreement) Reconcile(string derivedKey, RegimeSolution raw,
        IReadOnlyDictionary<Symbol, double> parameters, RegimeSolution autarky, SolveOptions options, double a)
    {
        var order = _regimeModel.Phases.Where(p => p.When.Count > 0).Concat(_regimeModel.Phases.Where(p => p.When.Count == 0)).ToList();
        var derivedPhase = order.First(p => Key(p) == derivedKey);
        var rawPhase = raw.System.Phase!;
        var mismatch = $"phase: derived {derivedKey}, raw {Key(rawPhase)}";
        var thorough = options with { Restarts = ThoroughRestarts };
        ThoroughSearches++;
        if (order.IndexOf(derivedPhase) < order.IndexOf(rawPhase))
        {
            var system = _raw.System(derivedPhase);
            var solved = system.Solve(parameters, autarky.Equilibrium, thorough, a);
            if (!solved.Success) return (null, null, $"{mismatch} ({derivedKey} has no raw root, even with restarts)");
            if (system.WhenHolds(solved)) { QuickMisses++; return (solved, null, null); }
            return Loose(derivedPhase, solved) is { } loose
                ? (solved, $"phase (derived {derivedKey}, raw {Key(rawPhase)}: the 'when' of {derivedKey} turns on {loose})", null)
                : (null, null, $"{mismatch} (the 'when' of {derivedKey} fails at its raw root)");
        }
        if (Loose(rawPhase, raw) is not { } looseRaw) return (null, null, $"{mismatch} (the 'when' of {Key(rawPhase)} holds at its raw root)");
        var same = _raw.System(derivedPhase).Solve(parameters, autarky.Equilibrium, thorough, a);
        return same.Success
            ? (same, $"phase (derived {derivedKey}, raw {Key(rawPhase)}: the 'when' of {Key(rawPhase)} turns on {looseRaw})", null)
            : (null, null, $"{mismatch} ({derivedKey} has no raw root, even with restarts)");
    }

    /// <summary>The unknowns in a phase's 'when' that its raw solution leaves unpinned, described; null when all are pinned.</summary>
    static string? Loose(Phase phase, RegimeSolution solved)
    {
        var loose = phase.When.SelectMany(r => r.Left.FreeSymbols().Concat(r.Right.FreeSymbols())).Select(s => s.Name).Distinct()
            .Select(name => (Name: name, Uncertainty: Uncertainty(solved, name))).Where(u => u.Uncertainty > Pinned).ToList();
        return loose.Count == 0 ? null : string.Join(", ", loose.Select(u => $"{u.Name}, pinned only to {u.Uncertainty:E1}"));
    }
}
