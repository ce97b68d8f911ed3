using MathNet.Numerics.LinearAlgebra;
using Verify.Derivation.Results;
using Verify.Numerics;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Several implicit unknowns solved jointly by the first-principles solver's Newton method, cached
/// per point, with their first partial derivatives by the implicit function theorem for systems:
/// F(y, p) = 0 gives dy/dp_k = −(∂F/∂y)⁻¹ ∂F/∂p_k at the solution. The partials of the residuals
/// are taken symbolically once and compiled; only the small linear solve is done per point.
/// </summary>
sealed class ImplicitSystemSolver
{
    readonly RawSystem _system;
    readonly IReadOnlyList<Symbol> _parameters;
    readonly Symbol[] _unknowns;
    readonly PreparedSystem _prepared;

    // The last point with its solution and (once asked for) its partials: the functions of one block
    // are called one after the other at the same point.
    sealed record Last(double[] Arguments, IReadOnlyDictionary<Symbol, double> Values)
    {
        public Dictionary<int, double[]> Partials { get; } = [];
    }
    Last? _last;

    /// <param name="oracle">Proves the side conditions of the residuals' derivatives (the phase's assumptions,
    /// with the declared signs of earlier implicit functions).</param>
    public ImplicitSystemSolver(IReadOnlyList<ImplicitUnknown> unknowns, IReadOnlyDictionary<Expr, Expr> derivedParameters,
        FunctionTable functions, IFunctionDerivatives earlierBlocks, ISignOracle oracle)
    {
        _parameters = unknowns[0].Parameters;
        _unknowns = [.. unknowns.Select(u => u.Unknown)];
        var conditions = unknowns.Select(u => u.Condition is { } c
            ? new RawCondition(c.Left.Substitute(derivedParameters), c.Right.Substitute(derivedParameters), c.Label)
            : new RawCondition(u.Residual.Substitute(derivedParameters), Expr.Zero, u.Unknown.Name)).ToList();
        // Each unknown searched within its declared domain (bounds may name the implicit functions' parameters).
        var raw = unknowns.Select(u =>
        {
            var (bounded, problems) = UnknownDomain.Read(u.Unknown, u.Domain, e => e);
            return problems.Count == 0 ? bounded : RawUnknown.Positive(u.Unknown);
        }).ToList();
        // The parameters are named at preparation (values come with each solve); earlier blocks' functions
        // (a carried cut-off of another regime, say) keep their numeric meaning inside the conditions.
        _system = new RawSystem(conditions, raw, _parameters.ToDictionary(p => p, _ => 1.0), functions);
        _prepared = RawSolver.Prepare(_system);   // compiled once; solved at each point

        _residuals = [.. unknowns.Select(u => u.Residual.Substitute(derivedParameters))];
        _functions = functions;
        _earlierBlocks = earlierBlocks;
        _oracle = oracle;
        _variables = [.. _unknowns, .. _parameters];
        _byUnknowns = new(() => Compile(_unknowns));
    }

    readonly Expr[] _residuals;
    readonly FunctionTable _functions;
    readonly IFunctionDerivatives _earlierBlocks;
    readonly ISignOracle _oracle;
    readonly Symbol[] _variables;
    // ∂F_i/∂y_j, row after row; and ∂F_i/∂p_k for each parameter asked for, compiled on first use
    // (a parameter no derivative is taken by, sigma say, may have no derivative to take).
    readonly Lazy<Action<double[], double[]>> _byUnknowns;
    readonly Dictionary<int, Action<double[], double[]>> _byParameter = [];

    Action<double[], double[]> Compile(IReadOnlyList<Symbol> by) =>
        Compiler.CompileMany([.. _residuals.SelectMany(r => by.Select(v => Differentiation.Derivative(r, v, _earlierBlocks, _oracle)))], _variables, _functions, reuseUnchanged: true);

    public IReadOnlyDictionary<Symbol, double> Solve(double[] args) => At(args).Values;

    /// <summary>∂y_row/∂p_column at the point.</summary>
    public double Partial(double[] args, int row, int column)
    {
        var last = At(args);
        if (!last.Partials.TryGetValue(column, out var slopes)) last.Partials[column] = slopes = Slopes(last.Values, args, column);
        return slopes[row];
    }

    Last At(double[] args)
    {
        if (WalkScope.Current is { } walk) return InWalk(walk, args);
        var last = _last;
        if (last is not null && last.Arguments.AsSpan().SequenceEqual(args)) return last;
        var solution = SolveAt(args, null);
        if (!solution.Success) throw Failure(solution);
        _last = last = new Last([.. args], solution.Values);
        return last;
    }

    /// <summary>A solve inside a walk (see <see cref="WalkScope"/>): no restarts right after a failure.</summary>
    Last InWalk(WalkScope walk, double[] args)
    {
        if (walk.At(this, args) is not { } step)
        {
            var options = walk.LastFailed(this) ? SolveOptions.Default with { Restarts = 0 } : null;
            var solution = SolveAt(args, options);
            step = new(solution.Success ? solution.Values : null, solution.Success ? null : Failure(solution));
            walk.Record(this, args, step);
        }
        return new Last([.. args], step.Answer<IReadOnlyDictionary<Symbol, double>>());
    }

    RawSolution SolveAt(double[] args, SolveOptions? options)
    {
        var known = _parameters.Select((p, i) => (p, args[i])).ToDictionary(t => t.p, t => t.Item2);
        return _prepared.Solve(known, options);
    }

    NumericFailure Failure(RawSolution solution) =>
        new($"the implicit system {string.Join(", ", _system.Unknowns.Select(u => u.Symbol.Name))} was not solved: {solution.FailureReason}");

    /// <summary>dy/dp_column for every unknown of the block: −(∂F/∂y)⁻¹ ∂F/∂p_column.</summary>
    double[] Slopes(IReadOnlyDictionary<Symbol, double> values, double[] args, int column)
    {
        int m = _unknowns.Length;
        var point = new double[_variables.Length];
        for (int j = 0; j < m; j++) point[j] = values[_unknowns[j]];
        Array.Copy(args, 0, point, m, _parameters.Count);
        var dy = new double[m * m];
        _byUnknowns.Value(point, dy);
        if (!_byParameter.TryGetValue(column, out var byParameter)) _byParameter[column] = byParameter = Compile([_parameters[column]]);
        var dp = new double[m];
        byParameter(point, dp);
        var names = string.Join(", ", _unknowns.Select(u => u.Name));
        if (dy.Concat(dp).Any(x => !double.IsFinite(x)))
            throw new NumericFailure($"the partial derivatives of the conditions defining {names} are not finite here");
        var fy = Matrix<double>.Build.Dense(m, m, (i, j) => dy[i * m + j]);
        // A singular Jacobian is where the theorem does not apply (a fold of the solution), not a number.
        var svd = fy.Svd(computeVectors: false);
        if (svd.ConditionNumber > 1e14 || double.IsNaN(svd.ConditionNumber))
            throw new NumericFailure($"the Jacobian of the conditions defining {names} is singular here (condition number {svd.ConditionNumber:G3}): the implicit function theorem does not give their derivatives");
        return [.. fy.Solve(Vector<double>.Build.Dense(dp)).Select(x => -x)];
    }
}
