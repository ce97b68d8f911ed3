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
    // ∂F_i/∂y_j then ∂F_i/∂p_k for each residual i, row after row, over (unknowns, parameters).
    readonly Lazy<Action<double[], double[]>> _jacobian;

    // The last point with its solution and (once asked for) its partials: the functions of one block
    // are called one after the other at the same point.
    sealed record Last(double[] Arguments, IReadOnlyDictionary<Symbol, double> Values)
    {
        public double[,]? Partials { get; set; }
    }
    Last? _last;

    public ImplicitSystemSolver(IReadOnlyList<ImplicitUnknown> unknowns, IReadOnlyDictionary<Expr, Expr> derivedParameters,
        FunctionTable functions, IFunctionDerivatives earlierBlocks)
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

        var residuals = unknowns.Select(u => u.Residual.Substitute(derivedParameters)).ToList();
        _jacobian = new(() =>
        {
            Symbol[] variables = [.. _unknowns, .. _parameters];
            var partials = residuals.SelectMany(r => variables.Select(v => Differentiation.Derivative(r, v, earlierBlocks))).ToList();
            return Compiler.CompileMany(partials, variables, functions);
        });
    }

    public IReadOnlyDictionary<Symbol, double> Solve(double[] args) => At(args).Values;

    /// <summary>∂y_row/∂p_column at the point.</summary>
    public double Partial(double[] args, int row, int column)
    {
        var last = At(args);
        last.Partials ??= Partials(last.Values, args);
        return last.Partials[row, column];
    }

    Last At(double[] args)
    {
        var last = _last;
        if (last is not null && last.Arguments.AsSpan().SequenceEqual(args)) return last;
        var known = _parameters.Select((p, i) => (p, args[i])).ToDictionary(t => t.p, t => t.Item2);
        var solution = _prepared.Solve(known);
        if (!solution.Success) throw new NumericFailure($"the implicit system {string.Join(", ", _system.Unknowns.Select(u => u.Symbol.Name))} was not solved: {solution.FailureReason}");
        _last = last = new Last([.. args], solution.Values);
        return last;
    }

    double[,] Partials(IReadOnlyDictionary<Symbol, double> values, double[] args)
    {
        int m = _unknowns.Length, p = _parameters.Count, width = m + p;
        var point = new double[width];
        for (int j = 0; j < m; j++) point[j] = values[_unknowns[j]];
        Array.Copy(args, 0, point, m, p);
        var d = new double[m * width];
        _jacobian.Value(point, d);
        var fy = Matrix<double>.Build.Dense(m, m, (i, j) => d[i * width + j]);
        var fp = Matrix<double>.Build.Dense(m, p, (i, k) => d[i * width + m + k]);
        var names = string.Join(", ", _unknowns.Select(u => u.Name));
        if (fy.Enumerate().Concat(fp.Enumerate()).Any(x => !double.IsFinite(x)))
            throw new NumericFailure($"the partial derivatives of the conditions defining {names} are not finite here");
        // A singular Jacobian is where the theorem does not apply (a fold of the solution), not a number.
        var svd = fy.Svd(computeVectors: false);
        if (svd.ConditionNumber > 1e14 || double.IsNaN(svd.ConditionNumber))
            throw new NumericFailure($"the Jacobian of the conditions defining {names} is singular here (condition number {svd.ConditionNumber:G3}): the implicit function theorem does not give their derivatives");
        var slopes = -fy.Solve(fp);
        var result = new double[m, p];
        for (int i = 0; i < m; i++)
            for (int k = 0; k < p; k++) result[i, k] = slopes[i, k];
        return result;
    }
}
