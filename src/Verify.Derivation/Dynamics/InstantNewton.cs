namespace Verify.Derivation.Dynamics;

/// <summary>
/// Newton's method for the instantaneous conditions from a nearby solution (the previous instant's):
/// positive unknowns are moved in logarithms, so no step leaves them positive; residuals are relative,
/// (left − right)/(|left| + |right|); the Jacobian is by forward differences; a step that does not
/// lower the largest residual is halved. Returns false when it does not converge, and the caller
/// falls back on the first-principles solver.
/// </summary>
static class InstantNewton
{
    public delegate bool Residuals(double[] unknowns, double[] residuals);

    public static bool TrySolve(Residuals residuals, double[] x, bool[] positive, double tolerance, int maxIterations = 40)
    {
        int n = x.Length;
        var r = new double[n];
        var trial = new double[n];
        var rTrial = new double[n];
        var jacobian = new double[n, n];
        if (!residuals(x, r)) return false;
        double norm = MaxAbs(r);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (norm <= tolerance) return true;
            for (int j = 0; j < n; j++)
            {
                Array.Copy(x, trial, n);
                var h = 1e-7;
                trial[j] = positive[j] ? x[j] * Math.Exp(h) : x[j] + h * Math.Max(1, Math.Abs(x[j]));
                var step = positive[j] ? h : trial[j] - x[j];
                if (!residuals(trial, rTrial)) return false;
                for (int i = 0; i < n; i++) jacobian[i, j] = (rTrial[i] - r[i]) / step;
            }
            var delta = new double[n];
            for (int i = 0; i < n; i++) delta[i] = -r[i];
            if (!SolveLinear(jacobian, delta)) return false;
            bool improved = false;
            for (double lambda = 1; lambda > 1e-4; lambda /= 2)
            {
                for (int j = 0; j < n; j++)
                    trial[j] = positive[j] ? x[j] * Math.Exp(Math.Clamp(lambda * delta[j], -5, 5)) : x[j] + lambda * delta[j];
                if (!residuals(trial, rTrial)) continue;
                var trialNorm = MaxAbs(rTrial);
                if (trialNorm < norm)
                {
                    Array.Copy(trial, x, n);
                    Array.Copy(rTrial, r, n);
                    norm = trialNorm;
                    improved = true;
                    break;
                }
            }
            if (!improved) return norm <= tolerance;
        }
        return norm <= tolerance;
    }

    static double MaxAbs(double[] v)
    {
        double m = 0;
        foreach (var e in v) m = double.IsNaN(e) ? double.PositiveInfinity : Math.Max(m, Math.Abs(e));
        return m;
    }

    /// <summary>Gaussian elimination with partial pivoting; b becomes the solution. False when singular.</summary>
    static bool SolveLinear(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int i = col + 1; i < n; i++) if (Math.Abs(m[i, col]) > Math.Abs(m[pivot, col])) pivot = i;
            if (!(Math.Abs(m[pivot, col]) > 1e-300)) return false;
            if (pivot != col)
            {
                for (int j = 0; j < n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (int i = col + 1; i < n; i++)
            {
                var factor = m[i, col] / m[col, col];
                for (int j = col; j < n; j++) m[i, j] -= factor * m[col, j];
                b[i] -= factor * b[col];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (int j = i + 1; j < n; j++) sum -= m[i, j] * b[j];
            b[i] = sum / m[i, i];
        }
        return b.All(double.IsFinite);
    }
}
