using Verify.Derivation.Results;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// An expression over a regime's quantities (and, through aliases, another regime's), such as
/// diff(abarS, phi) - diff(abarS@entry, phi), evaluated at many points. For each combination of
/// phases it is built once: names replaced by their derived values, derivatives taken (implicit
/// ones by the implicit function theorem), compiled to a delegate.
/// </summary>
public sealed class QuantityExpression
{
    readonly ModelEvaluator _model;
    readonly Expr _expr;
    readonly string _primary;
    readonly IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)> _aliases;
    readonly string[] _regimes;
    readonly Dictionary<string, Expr> _symbolic = [];

    readonly IReadOnlyDictionary<Expr, Expr> _reparametrise;

    /// <param name="reparametrise">Substituted after the names and before derivatives are taken, e.g.
    /// rho = beta*(sigma - 1) so that diff(phiS, beta) holds sigma fixed; the inputs must then agree with it.</param>
    public QuantityExpression(ModelEvaluator model, string primaryRegime, Expr expr,
        IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)>? aliases = null,
        IReadOnlyDictionary<Expr, Expr>? reparametrise = null)
    {
        _reparametrise = reparametrise ?? new Dictionary<Expr, Expr>();
        _model = model;
        _expr = expr;
        _primary = primaryRegime;
        _aliases = aliases ?? new Dictionary<Symbol, (string, Symbol)>();
        _regimes = [primaryRegime, .. _aliases.Values.Select(a => a.Regime).Distinct().Where(r => r != primaryRegime)];
        foreach (var r in _regimes) model.Regime(r);   // fails early, naming the regime, if it does not exist
    }

    int[]? _anyPhase;
    bool? _phaseFree;

    /// <summary>
    /// True when the expression is the same in every phase (a threshold, a parameter): then no
    /// phase needs to be found, and a point where some phase cannot be evaluated does not matter.
    /// </summary>
    bool PhaseFree()
    {
        if (_phaseFree is { } known) return known;
        var counts = _regimes.Select(r => _model.Regime(r).Phases.Count).ToArray();
        var combos = new List<int[]> { new int[counts.Length] };
        for (int i = 0; i < counts.Length; i++)
            combos = combos.SelectMany(c => Enumerable.Range(0, counts[i]).Select(k => { var n = (int[])c.Clone(); n[i] = k; return n; })).ToList();
        try
        {
            var first = InPhases(combos[0]);
            _phaseFree = combos.Skip(1).All(c => InPhases(c).Equals(first));
        }
        catch (NumericFailure) { _phaseFree = false; }
        _anyPhase = combos[0];
        return _phaseFree.Value;
    }

    /// <summary>The value at the inputs, in the phases that hold there.</summary>
    public double Evaluate(double[] inputs)
    {
        if (PhaseFree()) return CompiledFor(_anyPhase!)(inputs);
        var evaluators = RegimeEvaluators();
        var phases = _phaseScratch ??= new int[evaluators.Length];
        for (int i = 0; i < evaluators.Length; i++) phases[i] = evaluators[i].Select(inputs);
        return CompiledFor(phases)(inputs);
    }

    /// <summary>The value at the inputs in the given phases (indices into each regime's phases), whether or not they hold there.</summary>
    public double EvaluateInPhases(int[] phases, double[] inputs) => CompiledFor(phases)(inputs);

    // The hot path allocates nothing: the regimes' evaluators are looked up once, the phases found
    // are written to a scratch array, and the compiled forms are keyed by one number per combination.
    RegimeEvaluator[]? _evaluators;
    int[]? _phaseScratch;
    readonly Dictionary<long, Func<double[], double>> _byCombination = [];

    RegimeEvaluator[] RegimeEvaluators() => _evaluators ??= [.. _regimes.Select(r => _model.Regime(r))];

    Func<double[], double> CompiledFor(int[] phases)
    {
        var evaluators = RegimeEvaluators();
        long key = 0;
        for (int i = 0; i < phases.Length; i++) key = key * evaluators[i].Phases.Count + phases[i];
        if (!_byCombination.TryGetValue(key, out var f)) _byCombination[key] = f = Compile([.. phases]);
        return f;
    }

    /// <summary>The index of the phase that holds at the inputs, for each regime involved.</summary>
    public int[] PhasesAt(double[] inputs) => _regimes.Select(r => _model.Regime(r).Select(inputs)).ToArray();

    /// <summary>
    /// Evaluate the sum of the absolute values of the expression's terms instead of the expression:
    /// the size of the numbers whose difference it is, against which rounding is judged.
    /// </summary>
    public bool Magnitude { get; init; }

    static Expr SizeOf(Expr e) => e is Sum s ? Expr.Add(s.Terms.Select(t => Expr.Call("abs", t))) : Expr.Call("abs", e);

    /// <summary>The model's inputs, in the order of the input vectors.</summary>
    public IReadOnlyList<Symbol> Inputs => _model.Inputs;

    /// <summary>The regimes involved: the primary first, then those of the aliases.</summary>
    public IReadOnlyList<string> Regimes => _regimes;

    /// <summary>The expression with every name replaced, in the given phase of each regime (indices into each regime's phases).</summary>
    public Expr InPhases(int[] phases)
    {
        var key = string.Join("|", phases);
        if (!_symbolic.TryGetValue(key, out var e)) _symbolic[key] = e = Build(phases).Expr;
        return e;
    }

    /// <summary>The expression in the given phases (as <see cref="InPhases"/>), with the functions its compiled form needs.</summary>
    internal (Expr Expr, FunctionTable Functions) Build(int[] phases)
    {
        var context = _model.Derivation.Context;
        var map = new Dictionary<Expr, Expr>();
        var functions = new FunctionTable();
        var derivatives = new CompositeDerivatives();
        for (int i = 0; i < _regimes.Length; i++)
        {
            var evaluator = _model.Regime(_regimes[i]).Phases[phases[i]];
            var phase = evaluator.Phase;
            functions.Merge(evaluator.Functions);
            derivatives.Add(phase.Implicits);
            var values = Values(_model.Regime(_regimes[i]).Regime, phase);
            AddNumericThresholds(_model.Regime(_regimes[i]).Regime, values, functions);
            if (i == 0)
                foreach (var (s, v) in values) map[s] = v;
            foreach (var (alias, target) in _aliases.Where(a => a.Value.Regime == _regimes[i]))
                map[alias] = values.TryGetValue(target.Name, out var v) ? v
                    : throw new UndefinedInPhase($"'{target.Name.Name}' is not defined in phase {phase.Key}");
        }
        var missing = _expr.FreeSymbols().Where(s => !map.ContainsKey(s) && !_model.Inputs.Contains(s) && !_model.DerivedParameters.ContainsKey(s) && !_reparametrise.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            var where = _model.Regime(_primary).Phases[phases[0]].Phase.Key;
            throw new UndefinedInPhase($"{string.Join(", ", missing.Select(m => $"'{m.Name}'"))} not defined in {where}");
        }
        // Names replaced by their forms can grow without bound (aD^aD^...^aD): stop before any traversal of the result.
        var substituted = WorkLimit.Check(_expr.Substitute(map, context.Oracle).Substitute(_reparametrise, context.Oracle), "the expression with its names replaced");
        var expanded = WorkLimit.Check(DeferredDerivatives.Expand(substituted, derivatives, context.Oracle, x => MovingDerived(x, context.Oracle))
                .Substitute(_model.DerivedParameters),
            "the expression with its derivatives taken");
        return (Magnitude ? SizeOf(expanded) : expanded, functions);
    }

    /// <summary>
    /// The derived parameters that vary with x, with their derivatives by it: a derived parameter left in a
    /// form (an argument of an implicit function, say) moves with the parameters it is defined from.
    /// </summary>
    IReadOnlyDictionary<Symbol, Expr> MovingDerived(Symbol x, ISignOracle oracle)
    {
        var moving = new Dictionary<Symbol, Expr>();
        foreach (var (name, definition) in _model.DerivedParameters)
        {
            if (name is not Symbol d || d.Equals(x)) continue;
            var slope = Differentiation.Derivative(definition.Substitute(_reparametrise, oracle), x, oracle: oracle);
            if (slope is not Number { Value.IsZero: true }) moving[d] = slope;
        }
        return moving;
    }

    Func<double[], double> Compile(int[] phases)
    {
        var (e, functions) = Build(phases);
        return Compiler.Compile(e, _model.Inputs, functions, reuseUnchanged: true);
    }

    /// <summary>A phase's values by symbol, with the regime's thresholds.</summary>
    static Dictionary<Expr, Expr> Values(RegimeDerivation regime, PhaseDerivation phase)
    {
        var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
        foreach (var t in regime.Thresholds.Where(t => t.Value is not null)) values[t.Threshold.Symbol] = t.Value!;
        return values;
    }

    /// <summary>Thresholds with no closed form, as functions of the inputs found numerically (<see cref="NumericThreshold"/>).</summary>
    void AddNumericThresholds(RegimeDerivation regime, Dictionary<Expr, Expr> values, FunctionTable functions)
    {
        foreach (var t in regime.Thresholds.Where(t => t.Value is null && regime.Phases.Any(p => p.Key == t.PhaseKey)))
        {
            var name = NumericThreshold.FunctionName(regime, t);
            functions.Define(name, _model.Threshold(regime, t).Value);
            values[t.Threshold.Symbol] = Expr.Call(name, [.. _model.Inputs]);
        }
    }

    sealed class CompositeDerivatives : IFunctionDerivatives
    {
        readonly List<IFunctionDerivatives> _parts = [];
        public void Add(IFunctionDerivatives d) => _parts.Add(d);
        public Expr? Partial(Call call, int index) => _parts.Select(p => p.Partial(call, index)).FirstOrDefault(x => x is not null);
    }
}

/// <summary>
/// A name the expression uses has no value in the phase that holds (abarN in a corner where no
/// firm produces in one nation, say): the expression is undefined at this point, not wrong.
/// </summary>
public sealed class UndefinedInPhase(string message) : NumericFailure(message);
