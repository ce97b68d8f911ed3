using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>A checked raw system ready for iteration: the domain map and the residuals together.</summary>
sealed class NumericProblem(RawSystem system, DomainMap domain, Residuals residuals, SolveOptions options)
{
    readonly int _evaluationsBefore = residuals.Evaluations;

    /// <summary>Residual evaluations in this solve (the residuals may be shared by many solves).</summary>
    public int Evaluations => residuals.Evaluations - _evaluationsBefore;

    public RawSystem System => system;
    public DomainMap Domain => domain;
    public Residuals Residuals => residuals;
    public SolveOptions Options => options;
    public int Unknowns => system.Unknowns.Count;
    public int Conditions => system.Conditions.Count;

    /// <summary>Values and residuals at coordinates z; false when the point cannot be evaluated.</summary>
    public bool TryEvaluate(ReadOnlySpan<double> z, Span<double> x, Span<double> r) =>
        domain.TryToValues(z, x) && residuals.TryEvaluate(x, r);

    /// <summary>The starting guess in coordinates; unknowns it leaves out sit at the domain's centre.</summary>
    public double[]? GuessCoordinates(bool scan = false)
    {
        if (options.InitialGuess is not { } guess) return null;
        var z = new double[Unknowns];
        var x = new double[Unknowns];
        if (!domain.TryToValues(z, x)) return null;   // the centre, for the unknowns not guessed
        for (int i = 0; i < Unknowns; i++)
            if (guess.TryGetValue(system.Unknowns[i].Symbol, out var v)) x[i] = v;
        return domain.TryToCoordinates(x, z, scan) ? z : null;
    }

    const double QuadratureWarning = 1e-12;

    public static double MaxAbs(ReadOnlySpan<double> r)
    {
        var m = 0.0;
        foreach (var v in r) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <summary>
    /// The solution record. A converged point is still checked against the declared domain,
    /// since a non-strict bound was widened by a margin for the iteration.
    /// </summary>
    public RawSolution Report(bool converged, double[] x, double[] r, int iterations, string method,
        string? reason, IReadOnlyList<string> notes)
    {
        var values = new Dictionary<Symbol, double>();
        for (int i = 0; i < Unknowns; i++) values[system.Unknowns[i].Symbol] = x[i];
        var byLabel = new Dictionary<string, double>();
        for (int i = 0; i < Conditions; i++) byLabel[residuals.Labels[i]] = r[i];
        var max = MaxAbs(r);
        if (converged && domain.Violation(x, system.Unknowns, options.Tolerance) is { } outside)
            (converged, reason) = (false, $"the root found is outside the domain: {outside}");
        IReadOnlyDictionary<Symbol, double>? uncertainty = null;
        if (converged && options.EstimateUncertainty)
        {
            var relative = Conditioning.RelativeUncertainty(residuals, x, max);
            uncertainty = Enumerable.Range(0, Unknowns).ToDictionary(i => system.Unknowns[i].Symbol, i => relative[i]);
        }
        var allNotes = notes.ToList();
        // Evaluate once more at the reported point, so the quadrature error read is that point's.
        if (residuals.TryEvaluate(x, new double[Conditions]) && residuals.LastQuadratureError > QuadratureWarning)
            allNotes.Add($"an integral's quadrature error estimate at this point is {residuals.LastQuadratureError:E1} (relative)");
        return new RawSolution(converged, values, byLabel, max, iterations, Evaluations, method,
            converged ? null : reason, allNotes) { Uncertainty = uncertainty };
    }
}
