using MathNet.Numerics.LinearAlgebra;

namespace Verify.Numerics;

/// <summary>
/// Several unknowns: damped Newton in the transformed coordinates (so iterates stay in the
/// domain) on the <see cref="WorkingResidual"/>, with a finite-difference Jacobian, a
/// backtracking line search on ½‖w‖², and Levenberg–Marquardt steps when the Newton step fails.
/// More conditions than unknowns make it Gauss–Newton. It starts from the caller's guess, the
/// domain's centre, then pseudo-random points, and stops at the first start that converges.
/// </summary>
static class NewtonSolver
{
    const string Method = "damped Newton (transformed coordinates)";
    const int StallWindow = 20, PressedWindow = 3;

    sealed record Run(bool Converged, double[] X, double[] R, double MaxResidual, int Iterations, string Stop);

    /// <summary>One iterate: coordinates, values, relative residuals (for convergence) and working residuals (for steps).</summary>
    sealed class Point(int n, int m)
    {
        public double[] Z = new double[n], X = new double[n], R = new double[m], W = new double[m];

        public bool TryEvaluate(NumericProblem p, double[] scales)
        {
            if (!p.TryEvaluate(Z, X, R)) return false;
            WorkingResidual.Fill(p.Residuals.Sides, scales, W);
            foreach (var v in W) if (!double.IsFinite(v)) return false;
            return true;
        }
    }

    public static RawSolution Solve(NumericProblem p)
    {
        var o = p.Options;
        Run? best = null;
        string bestStart = "";
        int iterations = 0, starts = 0;
        foreach (var (name, z0) in StartingPoints(p))
        {
            starts++;
            var run = Iterate(p, z0);
            iterations += run.Iterations;
            if (run.Converged)
            {
                var notes = starts > 1 ? new[] { $"converged from {name} after {starts - 1} failed start(s)" } : [];
                return p.Report(true, run.X, run.R, iterations, $"{Method}, start {name}", null, notes);
            }
            if (best is null || run.MaxResidual < best.MaxResidual) (best, bestStart) = (run, name);
        }
        var reason = $"none of {starts} starting points converged to {o.Tolerance:E1}";
        if (best is null || double.IsNaN(best.MaxResidual))
            return RawSolution.Failure(Method, reason + ": no start could be evaluated", iterations, p.Evaluations);
        return p.Report(false, best.X, best.R, iterations, Method,
            $"{reason}; best max residual {best.MaxResidual:E2} from {bestStart} ({best.Stop})", []);
    }

    static IEnumerable<(string Name, double[] Z)> StartingPoints(NumericProblem p)
    {
        if (p.GuessCoordinates() is { } guess) yield return ("the starting guess", guess);
        yield return ("the centre of the domain", new double[p.Unknowns]);
        var random = new Random(p.Options.Seed);
        for (int k = 1; k <= p.Options.Restarts; k++)
        {
            // Every other restart reaches twice as far: a basin can lie beyond the spread (autarky with
            // sigma near 1, where the cut-off condition makes aD = (B/f)^(1/(sigma - 1)) very steep).
            var spread = p.Options.RestartSpread * (k % 2 == 0 ? 2 : 1);
            var z = new double[p.Unknowns];
            for (int i = 0; i < z.Length; i++) z[i] = spread * (2 * random.NextDouble() - 1);
            yield return ($"restart {k}", z);
        }
    }

    static Run Iterate(NumericProblem p, double[] z0)
    {
        var o = p.Options;
        int n = p.Unknowns, m = p.Conditions;
        var at = new Point(n, m);
        Array.Copy(z0, at.Z, n);
        if (!p.TryEvaluate(at.Z, at.X, at.R)) return new Run(false, at.X, at.R, double.NaN, 0, "the start cannot be evaluated");
        var scales = WorkingResidual.Scales(p.Residuals.Sides, p.Residuals.Floor);
        if (!at.TryEvaluate(p, scales)) return new Run(false, at.X, at.R, double.NaN, 0, "the start cannot be evaluated");

        var trial = new Point(n, m);
        var merits = new List<double>();
        var pressed = 0;
        for (int iteration = 0; ; iteration++)
        {
            var size = NumericProblem.MaxAbs(at.R);
            if (size <= o.Tolerance) return new Run(true, at.X, at.R, size, iteration, "converged");
            if (iteration == o.MaxIterations) return new Run(false, at.X, at.R, size, iteration, $"{o.MaxIterations} iterations");
            // A run that creeps (typically towards a bound, where no root is) gives way to the next start.
            merits.Add(Merit(at.W));
            if (merits.Count > StallWindow && merits[^1] > merits[^(StallWindow + 1)] / 2)
                return new Run(false, at.X, at.R, size, iteration, $"stalled: less than a halving of ½‖w‖² in {StallWindow} iterations");
            // Iterates that stay on a bound (to rounding, or past a non-strict one) are heading for a root
            // beyond it, outside the domain: sn pressed against 1 in entry's interior phase when the
            // North takes every firm. No root in the domain lies there, so the run gives way.
            var outside = p.Domain.Violation(at.X, p.System.Unknowns, o.Tolerance);
            pressed = outside is null ? 0 : pressed + 1;
            if (pressed >= PressedWindow)
                return new Run(false, at.X, at.R, size, iteration, $"pressed against a bound for {PressedWindow} iterations: {outside}");

            var jacobian = Jacobian(p, at, scales);
            if (jacobian is null) return new Run(false, at.X, at.R, size, iteration, "the Jacobian cannot be evaluated");

            var merit = Merit(at.W);
            var accepted = false;
            // Newton first, backtracking far, then ever more cautious Levenberg–Marquardt steps. Their
            // damping already shortens them, so each is cut back only a little: a run that ends
            // here (typically pressed against a bound beyond which the root lies) ends cheaply.
            var newton = true;
            foreach (var step in Steps(jacobian, at.W, o.MaxStep))
            {
                var (shortest, cut) = newton ? (1.0 / 1024, 2.0) : (1.0 / 16, 4.0);
                newton = false;
                for (double t = 1; t >= shortest; t /= cut)
                {
                    for (int i = 0; i < n; i++) trial.Z[i] = at.Z[i] + t * step[i];
                    if (!trial.TryEvaluate(p, scales)) continue;
                    if (Merit(trial.W) <= (1 - 1e-4 * t) * merit)
                    {
                        (at, trial) = (trial, at);
                        accepted = true;
                        break;
                    }
                }
                if (accepted) break;
            }
            if (!accepted) return new Run(false, at.X, at.R, size, iteration, "no step reduces the residual");
        }
    }

    static double Merit(double[] w) => w.Sum(v => v * v) / 2;

    /// <summary>
    /// Forward differences in the coordinates; a backward difference where the forward point is
    /// undefined. A column whose differences are lost in rounding (an unknown the residuals barely
    /// see) is taken again with a hundredfold step, up to 0.1: noise there would send Newton astray
    /// along exactly the direction it most needs.
    /// </summary>
    static Matrix<double>? Jacobian(NumericProblem p, Point at, double[] scales)
    {
        const double signal = 1e-12, largest = 0.1;
        int n = p.Unknowns, m = p.Conditions;
        var jacobian = Matrix<double>.Build.Dense(m, n);
        var shifted = new Point(n, m);
        Array.Copy(at.Z, shifted.Z, n);
        for (int j = 0; j < n; j++)
        {
            var scale = Math.Max(1, Math.Abs(at.Z[j]));
            for (var h = 1e-7 * scale; ; h *= 100)
            {
                shifted.Z[j] = at.Z[j] + h;
                var step = h;
                if (!shifted.TryEvaluate(p, scales))
                {
                    step = -h;
                    shifted.Z[j] = at.Z[j] + step;
                    if (!shifted.TryEvaluate(p, scales)) return null;
                }
                var change = 0.0;
                for (int i = 0; i < m; i++)
                {
                    jacobian[i, j] = (shifted.W[i] - at.W[i]) / step;
                    change = Math.Max(change, Math.Abs(shifted.W[i] - at.W[i]));
                }
                if (change >= signal || h * 100 > largest * scale) break;
            }
            shifted.Z[j] = at.Z[j];
        }
        return jacobian;
    }

    /// <summary>The Newton (or Gauss–Newton) step, then Levenberg–Marquardt steps with growing damping; each capped in size.</summary>
    static IEnumerable<double[]> Steps(Matrix<double> jacobian, double[] w, double maxStep)
    {
        var minusW = Vector<double>.Build.DenseOfArray(w).Negate();
        var newton = jacobian.RowCount == jacobian.ColumnCount ? jacobian.LU().Solve(minusW) : jacobian.QR().Solve(minusW);
        if (newton.All(double.IsFinite)) yield return Capped(newton, maxStep);

        var normal = jacobian.TransposeThisAndMultiply(jacobian);
        var gradient = jacobian.TransposeThisAndMultiply(minusW);
        var scale = Enumerable.Range(0, normal.RowCount).Max(i => normal[i, i]);
        if (!(scale > 0) || !double.IsFinite(scale)) yield break;
        for (var mu = 1e-6; mu <= 1e6; mu *= 100)
        {
            var damped = normal.Clone();
            for (int i = 0; i < damped.RowCount; i++) damped[i, i] += mu * Math.Max(normal[i, i], 1e-12 * scale);
            var step = damped.Cholesky().Solve(gradient);
            if (step.All(double.IsFinite)) yield return Capped(step, maxStep);
        }
    }

    static double[] Capped(Vector<double> step, double maxStep)
    {
        var largest = step.AbsoluteMaximum();
        return (largest > maxStep ? step * (maxStep / largest) : step).ToArray();
    }
}
