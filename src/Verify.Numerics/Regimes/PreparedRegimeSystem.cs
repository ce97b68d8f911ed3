using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// One regime (and optionally one of its phases) of a model file, prepared once: its raw system
/// checked and compiled, its fixed names, quantities and 'when' relations compiled. Each solve
/// takes the parameter (and carried) values, so a sweep over many points compiles nothing. Not
/// safe for concurrent solves: prepare one per thread.
/// </summary>
public sealed class PreparedRegimeSystem
{
    const string NotBuilt = "none (the regime could not be built)";

    readonly RegimeSystem _structure;            // the known values are placeholders (NaN)
    readonly RegimeKnownValues _known;
    readonly PreparedSystem _prepared;
    readonly Symbol[] _unknowns;
    readonly double[] _frame;                    // unknowns, known values, then the model's variable
    readonly int _variableSlot;                  // -1 when the frame has no slot for the variable
    readonly QuadratureExpressions? _definitions;
    readonly (Symbol Name, bool UsesVariable)[] _defined;
    readonly double[] _definitionValues;
    readonly QuadratureExpressions? _when;       // left, then right side of each relation
    readonly RelationOperator[] _whenOperators;
    readonly double[] _whenValues;
    readonly bool _whenNeverHolds;

    public Regime Regime => _structure.Regime;
    public Phase? Phase => _structure.Phase;
    public string Name => _structure.Name;

    internal PreparedRegimeSystem(ModelDocument model, Regime regime, Phase? phase, RegimeKnownValues known)
    {
        _known = known;
        _structure = RegimeSystems.Structure(model, regime, phase, known.Symbols.ToDictionary(s => s, _ => double.NaN), []);
        _prepared = RawSolver.Prepare(_structure.Raw);
        _unknowns = _structure.Raw.Unknowns.Select(u => u.Symbol).ToArray();

        var frame = _unknowns.Concat(known.Symbols).ToList();
        var solved = frame.ToHashSet();
        _variableSlot = -1;
        if (model.Variable?.Symbol is { } variable && !solved.Contains(variable))
        {
            _variableSlot = frame.Count;
            frame.Add(variable);
        }
        _frame = new double[frame.Count];

        // A definition is evaluated only if every name in it has a value; one that uses the
        // variable (a gain as a function of a, say) only when a value for it is given.
        var evaluable = frame.ToHashSet();
        var defined = _structure.Problems.Count > 0 ? [] : _structure.Defined.Where(d => d.Definition.FreeSymbols().All(evaluable.Contains)).ToList();
        _defined = defined.Select(d => (d.Name, d.Definition.FreeSymbols().Any(s => !solved.Contains(s)))).ToArray();
        _definitionValues = new double[defined.Count];
        if (defined.Count > 0)
            _definitions = new QuadratureExpressions(defined.Select(d => d.Definition).ToArray(), frame, _structure.Raw.Functions);

        var relations = _structure.Problems.Count > 0 ? [] : phase?.When ?? [];
        _whenOperators = relations.Select(r => r.Operator).ToArray();
        var sides = relations.SelectMany(r => new[] { _structure.Resolve(r.Left), _structure.Resolve(r.Right) }).ToArray();
        _whenValues = new double[sides.Length];
        // A relation over names without values can never hold.
        _whenNeverHolds = sides.Any(e => !e.FreeSymbols().All(solved.Contains));
        if (sides.Length > 0 && !_whenNeverHolds) _when = new QuadratureExpressions(sides, frame, _structure.Raw.Functions);
    }

    /// <summary>
    /// Solves at a parameter point. <paramref name="variable"/> gives the model's variable a value
    /// (a firm's cost a) for the quantities that depend on it; without it they are left out. The
    /// options' starting guess may name more than this system's unknowns (see <see cref="OwnGuess"/>).
    /// </summary>
    /// <param name="parameters">Values of the file's parameters, matched by name.</param>
    /// <param name="carried">Values of the names the regime carries from an earlier one, matched by name.</param>
    public RegimeSolution Solve(IReadOnlyDictionary<Symbol, double> parameters, IReadOnlyDictionary<Symbol, double>? carried = null,
        SolveOptions? options = null, double? variable = null)
    {
        var problems = new List<string>(_structure.Problems);
        var known = _known.Values(parameters, carried, problems);
        var system = _structure.WithKnown(known);
        var solution = problems.Count > 0
            ? RawSolution.Failure(NotBuilt, $"{Name}: {string.Join("; ", problems)}")
            : _prepared.Solve(known, OwnGuess(options));
        var equilibrium = solution.Success ? Equilibrium(solution, known, variable) : null;
        return new(system, solution, equilibrium, [$"{Name}: {Outcome(solution)}"]);
    }

    /// <summary>
    /// The residual of each condition, by label, at a parameter point and given values of the
    /// unknowns (matched by name): how well a candidate from elsewhere satisfies the conditions as
    /// written. Null when a value is missing or the conditions cannot be evaluated there.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Residuals(IReadOnlyDictionary<Symbol, double> parameters,
        IReadOnlyDictionary<Symbol, double>? carried, IReadOnlyDictionary<string, double> values)
    {
        var problems = new List<string>(_structure.Problems);
        var known = _known.Values(parameters, carried, problems);
        if (problems.Count > 0) return null;
        var unknowns = new Dictionary<Symbol, double>();
        foreach (var u in _unknowns)
        {
            if (!values.TryGetValue(u.Name, out var v)) return null;
            unknowns[u] = v;
        }
        return _prepared.Residuals(known, unknowns);
    }

    /// <summary>Whether the phase's 'when' relations hold at a solution of this system (true when it has none).</summary>
    public bool WhenHolds(RegimeSolution solved, double tolerance = 1e-9)
    {
        if (_whenNeverHolds || !solved.Success) return false;
        if (_when is null) return true;
        Fill(solved.Equilibrium!, null);
        try { _when.TryEvaluate(_frame, _whenValues); }
        catch (EvaluationException) { return false; }
        for (int i = 0; i < _whenOperators.Length; i++)
            if (!RegimeSystem.Holds(_whenValues[2 * i], _whenOperators[i], _whenValues[2 * i + 1], tolerance)) return false;
        return true;
    }

    /// <summary>
    /// A starting guess may name values of any phase (a whole earlier equilibrium, say): this
    /// system starts from those that are its unknowns, matched by name.
    /// </summary>
    SolveOptions? OwnGuess(SolveOptions? options)
    {
        if (options?.InitialGuess is not { } guess) return options;
        var byName = new Dictionary<string, double>();
        foreach (var (s, v) in guess) byName[s.Name] = v;
        var own = new Dictionary<Symbol, double>();
        foreach (var u in _unknowns)
            if (byName.TryGetValue(u.Name, out var v)) own[u] = v;
        return options with { InitialGuess = own };
    }

    internal static string Outcome(RawSolution s) => s.Success ? $"solved (max residual {s.MaxResidual:E1})" : $"failed: {s.FailureReason}";

    /// <summary>The known values, the unknowns, and the fixed names and quantities that have a finite value there.</summary>
    IReadOnlyDictionary<Symbol, double> Equilibrium(RawSolution solution, Dictionary<Symbol, double> known, double? variable)
    {
        var values = new Dictionary<Symbol, double>(known);
        foreach (var (s, v) in solution.Values) values[s] = v;
        if (_definitions is null) return values;
        Fill(values, variable);
        try { _definitions.TryEvaluate(_frame, _definitionValues); }
        catch (EvaluationException) { return values; }   // a function without meaning here: no quantity has a value
        for (int i = 0; i < _defined.Length; i++)
        {
            if (_defined[i].UsesVariable && variable is null) continue;
            if (double.IsFinite(_definitionValues[i])) values[_defined[i].Name] = _definitionValues[i];
        }
        return values;
    }

    void Fill(IReadOnlyDictionary<Symbol, double> values, double? variable)
    {
        for (int i = 0; i < _unknowns.Length; i++) _frame[i] = values[_unknowns[i]];
        var symbols = _known.Symbols;
        for (int i = 0; i < symbols.Count; i++) _frame[_unknowns.Length + i] = values[symbols[i]];
        if (_variableSlot >= 0) _frame[_variableSlot] = variable ?? double.NaN;
    }
}
