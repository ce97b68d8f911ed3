using System.Collections.Concurrent;
using System.Diagnostics;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>
/// One regime compared at parameter points: every value the derivation gives (its closed forms
/// and implicit roots, through <see cref="ModelEvaluator"/>) against the first-principles solution
/// of the conditions as written (quadrature and Newton, through a <see cref="PreparedRegime"/>),
/// and the phase each side chose. Values carried from autarky come, on the raw side, from the
/// first-principles autarky solution. The derived values are also put back into the conditions
/// as written (the derived phase's raw system): their residuals must be as small as a raw root's.
/// Not safe for concurrent use: one per thread.
/// </summary>
sealed partial class CrossCheckComparison
{
    /// <summary>Relative agreement required of every value, |derived − raw|/max(|raw|, 1e-12).</summary>
    public const double Tolerance = 1e-8;
    const double Floor = 1e-12;
    /// <summary>A raw value whose uncertainty (see <see cref="RawSolution.Uncertainty"/>) exceeds this is not pinned to the tolerance.</summary>
    const double Pinned = Tolerance / 10;
    /// <summary>
    /// The derived values' residuals in the conditions as written: implicit unknowns are roots
    /// found to the solver's 1e-12 in the derivation's reduced conditions, so 10x that here.
    /// </summary>
    const double BackwardTolerance = 1e-11;
    /// <summary>Restarts of the thorough search, run only where the quick one (none) fails or disagrees.</summary>
    const int ThoroughRestarts = 40;
    /// <summary>The gain is compared at a firm with cost a = 0.3·aD (autarky's cut-off).</summary>
    const double CostShare = 0.3;

    readonly ModelDocument _model;
    readonly Regime _regimeModel;
    readonly string _regime;
    readonly ModelEvaluator _evaluator;
    readonly RegimeEvaluator _derived;
    readonly PreparedRegime _autarky, _raw;
    readonly SolveOptions _options, _autarkyOptions;
    readonly Stopwatch _rawClock = new(), _derivedClock = new();
    static readonly ConcurrentDictionary<CrossCheckPoint, RegimeSolution> Autarkies = new();

    public TimeSpan RawTime => _rawClock.Elapsed;
    public TimeSpan DerivedTime => _derivedClock.Elapsed;

    public CrossCheckComparison(ModelDocument model, ModelEvaluator evaluator, string regime)
    {
        _model = model;
        _regime = regime;
        _regimeModel = model.FindRegime(regime)!;
        _evaluator = evaluator;
        _derived = evaluator.Regime(regime);
        _autarky = RegimeSystems.Prepare(model, model.FindRegime("autarky")!);
        _raw = RegimeSystems.Prepare(model, _regimeModel);
        _options = SolveOptions.Default with { EstimateUncertainty = true, Restarts = 0 };
        // Autarky has a single system, so restarts cost only where the first starts fail (sigma near 1).
        _autarkyOptions = SolveOptions.Default with { EstimateUncertainty = true, Restarts = 40 };
    }

    /// <summary>Points where the quick search failed or chose another phase, and a thorough one was run.</summary>
    public int ThoroughSearches { get; private set; }

    /// <summary>Points where the quick search missed the derived phase's root and the thorough one found it.</summary>
    public int QuickMisses { get; private set; }

    public CrossCheckOutcome Compare(CrossCheckPoint point)
    {
        var parameters = point.For(_model);
        _rawClock.Start();
        // Every regime is checked at the same points, so autarky is solved once per point and shared.
        var autarky = Autarkies.GetOrAdd(point, _ => _autarky.Solve(parameters, options: _autarkyOptions));
        _rawClock.Stop();
        if (!autarky.Success) return Failed(point, raw: $"autarky (for the carried values): {autarky.Solution.FailureReason}");
        var a = CostShare * autarky["aD"];

        EquilibriumPoint derived;
        double[] inputs;
        _derivedClock.Start();
        try
        {
            var byName = point.ByName();
            byName["a"] = a;
            inputs = _evaluator.InputVector(byName);
            derived = _derived.Evaluate(inputs);
        }
        catch (NumericFailure e) { return Failed(point, derived: e.Message); }
        finally { _derivedClock.Stop(); }

        // The regime starts from the autarky equilibrium, for the unknowns it shares with it: a quick
        // search (that guess and the domain's centre) through the phases, a thorough one (restarts)
        // only where the quick one finds no phase at all or picks another than the derivation.
        _rawClock.Start();
        var options = _options with { InitialGuess = autarky.Equilibrium };
        var raw = _raw.Solve(parameters, autarky.Equilibrium, options, a);
        if (!raw.Success)
        {
            ThoroughSearches++;
            raw = _raw.Solve(parameters, autarky.Equilibrium, options with { Restarts = ThoroughRestarts }, a);
        }
        _rawClock.Stop();
        if (!raw.Success) return Failed(point, raw: string.Join(" | ", raw.Attempts));

        var disagreements = new List<string>();
        var unpinned = new List<string>();
        var rawPhase = Key(raw.System.Phase);
        if (derived.PhaseKey != rawPhase)
        {
            _rawClock.Start();
            var (same, note, disagreement) = Reconcile(derived.PhaseKey, raw, parameters, autarky, options, a);
            _rawClock.Stop();
            if (disagreement is not null) disagreements.Add(disagreement);
            if (note is not null) unpinned.Add(note);
            if (same is not null) (raw, rawPhase) = (same, derived.PhaseKey);
        }

        double worst = 0;
        string? worstName = null;
        foreach (var (name, value) in derived.Values)
        {
            if (!raw.Equilibrium!.Any(kv => kv.Key.Name == name)) { disagreements.Add($"{name}: no raw value"); continue; }
            var expected = raw[name];
            var relative = Math.Abs(value - expected) / Scale(name, expected, raw, point, a);
            var uncertainty = Uncertainty(raw, name);
            if (uncertainty > Pinned)
            {
                // The conditions as written do not pin this unknown to the tolerance here: a first-order
                // bound on how far it may move is above it. The backward check below still applies.
                unpinned.Add($"{name} (raw uncertainty {uncertainty:E1}, difference {relative:E1})");
                continue;
            }
            if (!(relative <= Tolerance)) disagreements.Add($"{name}: derived {value:R}, raw {expected:R} (relative {relative:E2})");
            if (!(relative <= worst)) (worst, worstName) = (relative, name);
        }

        var backward = Backward(derived.PhaseKey, derived.Values, parameters);
        if (!(backward <= BackwardTolerance))
            disagreements.Add($"the derived values leave a residual {backward:E2} in the conditions of {derived.PhaseKey} as written");
        disagreements.AddRange(RejectedPhases(derived, inputs, parameters));
        return new(point, derived.PhaseKey, rawPhase, worst, worstName, backward, unpinned, disagreements);
    }

    string Key(Phase? phase) => phase is null ? _regime : $"{_regime}.{phase.Name}";

    static double Uncertainty(RegimeSolution raw, string name) =>
        raw.Solution.Uncertainty?.FirstOrDefault(kv => kv.Key.Name == name).Value ?? 0;

    /// <summary>
    /// max(|raw|, 1e-12), except for the gain: a difference V(a, B, B*) − V(a, B*, B) of two firm
    /// values that is zero when B = B* (entry's interior phase) or far smaller than they are, so its
    /// rounding is relative to them, not to it. It is scaled by the values it is the difference of.
    /// </summary>
    static double Scale(string name, double raw, RegimeSolution solved, CrossCheckPoint p, double a)
    {
        var scale = Math.Max(Math.Abs(raw), Floor);
        if (name != "gain") return scale;
        double V(double here, double there)
        {
            var weight = Math.Pow(a, 1 - p.Sigma);
            return Math.Max(0, weight * here - p.F) + Math.Max(0, p.Phi * weight * there - p.F);
        }
        double b = solved["B"], bStar = solved["Bstar"];
        return Math.Max(scale, V(b, bStar) + V(bStar, b));
    }

    static CrossCheckOutcome Failed(CrossCheckPoint point, string? raw = null, string? derived = null) =>
        new(point, null, null, double.NaN, null, double.NaN, [], [], raw, derived);
}
