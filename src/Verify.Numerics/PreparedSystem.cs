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
