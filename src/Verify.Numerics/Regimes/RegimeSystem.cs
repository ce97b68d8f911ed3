using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// One regime (and optionally one of its phases) of a model file as a raw system: the file's
/// functions inlined, fixed names and quantities substituted by their definitions, dropped
/// conditions left out, the known values being the parameters, the derived parameters and the
/// values carried from an earlier regime. <see cref="Problems"/> lists what kept it from being
/// complete; a system with problems does not solve, it says why.
/// </summary>
public sealed class RegimeSystem
{
    readonly Func<Expr, Expr> _resolve;
    readonly IReadOnlyList<(Symbol Name, Expr Definition)> _defined;

    public ModelDocument Model { get; }
    public Regime Regime { get; }
    public Phase? Phase { get; }
    public RawSystem Raw { get; }
    public IReadOnlyList<string> Problems { get; }

    internal RegimeSystem(ModelDocument model, Regime regime, Phase? phase, RawSystem raw, IReadOnlyList<string> problems,
        Func<Expr, Expr> resolve, IReadOnlyList<(Symbol, Expr)> defined)
    {
        Model = model; Regime = regime; Phase = phase; Raw = raw; Problems = problems;
        _resolve = resolve; _defined = defined;
    }

    public string Name => Phase is null ? Regime.Name : $"{Regime.Name}/{Phase.Name}";

    /// <summary>The fixed names and quantities with their definitions, resolved down to unknowns and known values.</summary>
    internal IReadOnlyList<(Symbol Name, Expr Definition)> Defined => _defined;

    /// <summary>An expression over the regime's names with the file's functions inlined and definitions substituted.</summary>
    internal Expr Resolve(Expr e) => _resolve(e);

    /// <summary>The same system at other known values.</summary>
    internal RegimeSystem WithKnown(IReadOnlyDictionary<Symbol, double> known) =>
        new(Model, Regime, Phase, Raw.WithKnown(known), Problems, _resolve, _defined);

    public RawSolution Solve(SolveOptions? options = null) =>
        Problems.Count > 0
            ? RawSolution.Failure("none (the regime could not be built)", $"{Name}: {string.Join("; ", Problems)}")
            : RawSolver.Solve(Raw, options);

    /// <summary>
    /// Every value the solved regime defines: the known values, the unknowns, and the fixed names
    /// and quantities that can be evaluated (one that still involves the model's variable, such as
    /// a gain as a function of a, has no single value and is left out).
    /// </summary>
    public IReadOnlyDictionary<Symbol, double> Equilibrium(RawSolution solution)
    {
        var values = new Dictionary<Symbol, double>(Raw.Known);
        foreach (var (s, v) in solution.Values) values[s] = v;
        foreach (var (name, definition) in _defined)
        {
            if (!definition.FreeSymbols().All(values.ContainsKey)) continue;
            var v = QuadratureEvaluator.Evaluate(definition, values, Raw.Functions);
            if (double.IsFinite(v)) values[name] = v;
        }
        return values;
    }

    /// <summary>
    /// Whether the phase's 'when' relations hold at an equilibrium (true when it has none); a
    /// non-strict relation or an equation may miss by <paramref name="tolerance"/> relative.
    /// </summary>
    public bool WhenHolds(IReadOnlyDictionary<Symbol, double> equilibrium, double tolerance = 1e-9)
    {
        foreach (var relation in Phase?.When ?? [])
        {
            var left = QuadratureEvaluator.Evaluate(_resolve(relation.Left), equilibrium, Raw.Functions);
            var right = QuadratureEvaluator.Evaluate(_resolve(relation.Right), equilibrium, Raw.Functions);
            if (!Holds(left, relation.Operator, right, tolerance)) return false;
        }
        return true;
    }

    /// <summary>One 'when' relation at values of its sides, a non-strict one or an equation allowed to miss by a relative tolerance.</summary>
    internal static bool Holds(double left, RelationOperator op, double right, double tolerance)
    {
        if (!double.IsFinite(left) || !double.IsFinite(right)) return false;
        var close = Math.Abs(left - right) <= tolerance * Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right)));
        return Relation.Holds(left, op, right)
               || close && op is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual or RelationOperator.Equal;
    }
}
