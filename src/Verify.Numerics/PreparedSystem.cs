using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// A raw system checked and compiled once, to be solved at many points of known values (a sweep
/// over parameters) without compiling again. Not safe for concurrent solves: prepare one per thread.
/// </summary>
public sealed class PreparedSystem
{
    const string IllPosed = "none (the system is ill-posed)";

    readonly string? _problem;
    readonly DomainMap? _domain;
    readonly Residuals? _residuals;

    public RawSystem System { get; }

    internal PreparedSystem(RawSystem system)
    {
        System = system;
        var problems = SystemCheck.StructuralProblems(system);
        if (problems.Count > 0) { _problem = string.Join("; ", problems); return; }
        (_domain, _problem) = DomainMap.Create(system);
        if (_domain is not null) _residuals = new Residuals(system);
    }

    /// <summary>Solves at the system's own known values.</summary>
    public RawSolution Solve(SolveOptions? options = null) => Solve(System.Known, options);

    /// <summary>Solves at other known values for the same symbols.</summary>
    public RawSolution Solve(IReadOnlyDictionary<Symbol, double> known, SolveOptions? options = null)
    {
        options ??= SolveOptions.Default;
        if (_problem is not null) return RawSolution.Failure(IllPosed, _problem);
        var problems = SystemCheck.ValueProblems(System, known, options);
        if (problems.Count > 0) return RawSolution.Failure(IllPosed, string.Join("; ", problems));

        _domain!.SetKnown(known);
        _domain.Margin = options.BoundMargin;
        _residuals!.SetKnown(known);
        _residuals.Floor = options.ResidualFloor;
        var problem = new NumericProblem(System, _domain, _residuals, options);
        if (System.Unknowns.Count == 0) return CheckOnly(problem);
        if (System.Unknowns.Count == 1 && System.Conditions.Count == 1) return BracketingSolver.Solve(problem);
        return NewtonSolver.Solve(problem);
    }

    /// <summary>
    /// The residual of each condition, by label, at given values of the unknowns: how well a
    /// candidate from elsewhere (a closed form, say) satisfies the conditions as written. Null when
    /// the system is ill-posed, a value is missing, or the conditions cannot be evaluated there.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Residuals(IReadOnlyDictionary<Symbol, double> known, IReadOnlyDictionary<Symbol, double> values)
    {
        if (_problem is not null || SystemCheck.ValueProblems(System, known, SolveOptions.Default).Count > 0) return null;
        var x = new double[System.Unknowns.Count];
        for (int i = 0; i < x.Length; i++)
            if (!values.TryGetValue(System.Unknowns[i].Symbol, out x[i])) return null;
        _residuals!.SetKnown(known);
        _residuals.Floor = SolveOptions.Default.ResidualFloor;
        var r = new double[System.Conditions.Count];
        if (!_residuals.TryEvaluate(x, r)) return null;
        return Enumerable.Range(0, r.Length).ToDictionary(i => _residuals.Labels[i], i => r[i]);
    }

    /// <summary>Nothing to solve: the conditions either hold at the known values or they do not.</summary>
    static RawSolution CheckOnly(NumericProblem p)
    {
        var r = new double[p.Conditions];
        if (!p.Residuals.TryEvaluate([], r))
            return RawSolution.Failure("evaluation", "the conditions cannot be evaluated at the known values", 0, 1);
        var holds = NumericProblem.MaxAbs(r) <= p.Options.Tolerance;
        return p.Report(holds, [], r, 0, "evaluation", holds ? null : "the conditions do not hold at the known values", []);
    }
}
