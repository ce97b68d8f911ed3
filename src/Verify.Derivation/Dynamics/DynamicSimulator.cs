using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// Follows a dynamic regime's path at one parameter point: the states start at the start regime's
/// equilibrium (solved from first principles); at every instant the instantaneous conditions are
/// solved for the unknowns (Newton from the previous instant, the first-principles solver when that
/// fails) and each law gives its state's rate; held states do not move, and a state at a bound of
/// its domain does not move past it. Dormand-Prince integrates until the steady state. This class
/// prepares the regime's compiled forms once; each path is followed by a <see cref="PathFollower"/>.
/// </summary>
public sealed partial class DynamicSimulator
{
    readonly ModelDocument _model;
    readonly DynamicForms _forms;
    readonly Symbol[] _frame;          // parameters, derived, regime parameters, states, unknowns
    readonly int _stateAt, _unknownAt;
    readonly Action<double[], double[]> _conditions, _laws, _quantities;
    readonly PreparedRegime _start;
    readonly RawSystem _instantRaw;
    // The instant's first-principles systems, prepared at the first known values and reused for the same symbols after:
    // the conditions, and the same with the unknowns free of their domains (why an instant has no solution).
    PreparedSystem? _instantFallback;
    PreparedSystem? _instantUnbounded;
    readonly bool[] _positive;
    readonly Action<double[], double[]> _unknownBounds;   // the unknowns' bounds, one per entry of _unknownBoundOf
    readonly (int Unknown, bool Upper, bool Strict)[] _unknownBoundOf;
    readonly (double? Lower, double? Upper)[] _stateBounds;
    readonly (bool Lower, bool Upper)[] _strictBounds;

    public DynamicRegime Regime { get; }

    /// <summary>
    /// The start regime's equilibrium at the model's parameters, when a derivation gives it (closed
    /// forms reach edges of the domain the first-principles solver cannot); null falls back on that solver.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>?>? Start { get; init; }

    /// <summary>A steady path's rates have fallen to this fraction of their largest (see Observe).</summary>
    const double RateDecay = 1e-4;

    /// <summary>Explicit steps allowed before a path is taken to be stiff.</summary>
    const int ExplicitBudget = 5_000;

    public DynamicSimulator(ModelDocument model, DynamicRegime regime)
    {
        _model = model;
        Regime = regime;
        _forms = new DynamicForms(model, regime);
        var frame = model.Parameters.Select(p => p.Symbol).Concat(model.Derived.Select(d => d.Symbol))
            .Concat(regime.Parameters.Select(p => p.Symbol)).ToList();
        _stateAt = frame.Count;
        frame.AddRange(regime.States.Select(s => s.Symbol));
        _unknownAt = frame.Count;
        frame.AddRange(regime.Unknowns.Select(u => u.Symbol));
        _frame = [.. frame];

        _conditions = Compiler.CompileMany(_forms.Conditions.SelectMany(c => new[] { c.Left, c.Right }).ToList(), _frame, reuseUnchanged: true);
        var laws = regime.States.Select(s => _forms.Laws.FirstOrDefault(l => l.State == s.Symbol)).ToList();
        _laws = Compiler.CompileMany(laws.SelectMany(l => l.State is null ? new[] { Expr.Zero, Expr.One } : new[] { l.Constant, l.Coefficient }).ToList(), _frame, reuseUnchanged: true);
        _quantities = Compiler.CompileMany(_forms.Quantities.Select(q => q.Definition).ToList(), _frame);
        _positive = regime.Unknowns.Select(u => u.Symbol.Sign == SymbolSign.Positive).ToArray();
        _stateBounds = regime.States.Select(s => ConstantBounds(s.Symbol, s.Domain)).ToArray();
        _strictBounds = regime.States.Select(s => StrictBounds(s.Symbol, s.Domain)).ToArray();

        _start = RegimeSystems.Prepare(model, model.FindRegime(regime.StartRegime)
            ?? throw new DerivationException($"{regime.Name}: no regime '{regime.StartRegime}' to start from"));
        var raw = new RawSystem(
            _forms.Conditions.Select(c => new RawCondition(c.Left, c.Right, c.Label)).ToList(),
            regime.Unknowns.Select(u => RawUnknownOf(u)).ToList(),
            new Dictionary<Symbol, double>());
        _instantRaw = raw;
        var bounds = raw.Unknowns.SelectMany((u, j) => new[] { (Bound: u.Lower, Of: (j, false, u.LowerStrict)), (Bound: u.Upper, Of: (j, true, u.UpperStrict)) })
            .Where(b => b.Bound is not null).ToList();
        _unknownBounds = Compiler.CompileMany(bounds.Select(b => b.Bound!).ToList(), _frame);
        _unknownBoundOf = [.. bounds.Select(b => b.Of)];
    }

    public IReadOnlyList<string> SeriesNames =>
        [.. Regime.States.Select(s => s.Symbol.Name), .. Regime.Unknowns.Select(u => u.Symbol.Name), .. Regime.Quantities.Select(q => q.Symbol.Name)];

    /// <summary>
    /// The path at <paramref name="point"/> (every model parameter and every parameter of the
    /// regime, by name). Throws <see cref="NumericFailure"/> when a step cannot be taken and
    /// <see cref="ArgumentException"/> when the point is outside the domain.
    /// </summary>
    public SimulationResult Run(IReadOnlyDictionary<string, double> point, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        // A state that tracks a kink of its law (relocation along the North's cut-off) may relax too slowly to be held
        // to the tolerance, and the integrator chatters about the kink. After TightSteps steps the path is followed
        // again with held states following their balances more loosely, and says how far they may lag: its values
        // are no more accurate than that (end values are: at a steady state the balance is exact).
        var holds = new[] { options.Tolerance }.Concat(LooseHolds.Where(h => h > options.Tolerance)).ToArray();
        var exhausted = new List<string>();
        for (int k = 0; ; k++)
        {
            bool last = k == holds.Length - 1;
            try
            {
                var path = Follow(point, last ? options : options with { MaxSteps = Math.Min(options.MaxSteps, TightSteps) }, holds[k]);
                return k == 0 ? path : path with
                {
                    Method = path.Method + $"; held states follow their balances to {holds[k]:G2} (relative), not the tolerance ({string.Join("; ", exhausted)})",
                    HeldTo = holds[k],
                };
            }
            catch (StepsExhausted e) when (!last) { exhausted.Add($"held to {holds[k]:G2}: {e.Message}"); }
        }
    }

    static readonly double[] Signs = [1.0, -1.0];

    /// <summary>How closely held states may follow their balances, in turn, when the tolerance would take too many steps.</summary>
    static readonly double[] LooseHolds = [1e-6, 1e-4];

    /// <summary>Steps a path may take at each hold but the loosest (the kink draw of R7.general-long-run takes 26,000
    /// at the tolerance).</summary>
    const int TightSteps = 50_000;

    SimulationResult Follow(IReadOnlyDictionary<string, double> point, SimulationOptions options, double separation) =>
        new PathFollower(this, point, options, separation).Follow();

    /// <summary>
    /// Why an instant has no solution, when the reason is the model's: the conditions solved again with the
    /// unknowns free of their domains (positive ones kept positive) have a solution, and it lies outside
    /// the domain. Null when they have none either (then the solver's own reason stands).
    /// </summary>
    string? OutsideDomain(Dictionary<Symbol, double> known, Dictionary<Symbol, double> guess)
    {
        _instantUnbounded ??= RawSolver.Prepare(_instantRaw.WithKnown(known) with
        {
            Unknowns = _instantRaw.Unknowns.Select(u => u.Symbol.Sign == SymbolSign.Positive ? RawUnknown.Positive(u.Symbol) : RawUnknown.Free(u.Symbol)).ToList(),
        });
        var solution = _instantUnbounded.Solve(known, SolveOptions.Default with { InitialGuess = guess });
        if (!solution.Success) return null;
        var at = new Dictionary<Symbol, double>(known);
        foreach (var (symbol, value) in solution.Values) at[symbol] = value;
        return Violations(at);
    }

    /// <summary>Which unknowns lie outside their domains at a solution of the instant (null when none does).</summary>
    string? Violations(IReadOnlyDictionary<Symbol, double> at)
    {
        var reasons = new List<string>();
        foreach (var u in _instantRaw.Unknowns)
        {
            double v = at[u.Symbol];
            double lo = u.Lower is null ? double.NegativeInfinity : Evaluator.Evaluate(u.Lower, at);
            double hi = u.Upper is null ? double.PositiveInfinity : Evaluator.Evaluate(u.Upper, at);
            bool below = u.LowerStrict ? !(v > lo) : !(v >= lo), above = u.UpperStrict ? !(v < hi) : !(v <= hi);
            if (!(below || above)) continue;
            // A bound that is an expression is given its value there too (aR < aD, say).
            var bound = above ? u.Upper : u.Lower;
            reasons.Add($"{u.Symbol.Name} = {v:G6} would lie outside its domain {u}{(bound is Number ? "" : $" ({bound} = {(above ? hi : lo):G6})")}");
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    string StatesText(double[] states) =>
        string.Join(", ", Regime.States.Select((s, i) => $"{s.Symbol.Name} = {states[i]:G6}"));

    Dictionary<string, double> StartValues(Dictionary<Symbol, double> values)
    {
        var start = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (s, v) in values) start[s.Name] = v;
        if (Start?.Invoke(_model.Parameters.ToDictionary(p => p.Symbol.Name, p => values[p.Symbol])) is { } derived)
        {
            foreach (var (name, v) in derived) start.TryAdd(name, v);
            return start;
        }
        var parameters = _model.Parameters.ToDictionary(p => p.Symbol, p => values[p.Symbol]);
        var solution = _start.Solve(parameters);
        if (!solution.Success)
            throw new NumericFailure($"{Regime.Name}: the start regime '{Regime.StartRegime}' has no solution here: {solution.Solution.FailureReason}");
        foreach (var (s, v) in solution.Equilibrium!) start[s.Name] = v;
        return start;
    }

    static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values, string what)
    {
        var map = new Dictionary<Symbol, double>();
        foreach (var s in e.FreeSymbols())
            map[s] = values.TryGetValue(s.Name, out var v) ? v : throw new NumericFailure($"{what} needs '{s.Name}', which the start regime does not give");
        var result = Evaluator.Evaluate(e, map);
        return double.IsFinite(result) ? result : throw new NumericFailure($"{what} has no finite value");
    }

    static RawUnknown RawUnknownOf(Unknown u)
    {
        Expr? lower = null, upper = null;
        bool lowerStrict = true, upperStrict = true;
        foreach (var r in u.Domain)
        {
            var (side, op) = r.Left == u.Symbol ? (r.Right, r.Operator) : r.Right == u.Symbol ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is null) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) { lower = side; lowerStrict = op == RelationOperator.Greater; }
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) { upper = side; upperStrict = op == RelationOperator.Less; }
        }
        return new RawUnknown(u.Symbol, lower, upper, lowerStrict, upperStrict);
    }

    static RelationOperator Flip(RelationOperator op) => op switch
    {
        RelationOperator.Less => RelationOperator.Greater,
        RelationOperator.LessOrEqual => RelationOperator.GreaterOrEqual,
        RelationOperator.Greater => RelationOperator.Less,
        RelationOperator.GreaterOrEqual => RelationOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>Which of a state's numeric bounds are strict (K > 0): the path may not reach them.</summary>
    static (bool Lower, bool Upper) StrictBounds(Symbol s, IReadOnlyList<Relation> domain)
    {
        bool lower = false, upper = false;
        foreach (var r in domain)
        {
            var (side, op) = r.Left == s ? (r.Right, r.Operator) : r.Right == s ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is not Number) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) lower = op == RelationOperator.Greater;
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) upper = op == RelationOperator.Less;
        }
        return (lower, upper);
    }

    /// <summary>A state's numeric bounds from the relations of its domain with a number on the other side.</summary>
    static (double? Lower, double? Upper) ConstantBounds(Symbol s, IReadOnlyList<Relation> domain)
    {
        double? lower = null, upper = null;
        foreach (var r in domain)
        {
            var (side, op) = r.Left == s ? (r.Right, r.Operator) : r.Right == s ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is not Number n) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) lower = n.Value.ToDouble();
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) upper = n.Value.ToDouble();
        }
        return (lower, upper);
    }
}
