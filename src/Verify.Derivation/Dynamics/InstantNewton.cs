namespace Verify.Derivation.Dynamics;

/// <summary>
/// Newton's method for the instantaneous conditions from a nearby solution (the previous instant's):
/// positive unknowns are moved in logarithms, so no step leaves them positive; residuals are relative,
/// (left − right)/(|left| + |right|); the Jacobian is by forward differences; a step that does not
/// lower the largest residual is halved. Returns false when it does not converge, and the caller
/// falls back on the first-principles solver. One instance serves one path: its buffers are reused
/// from call to call (a path solves its instant hundreds of thousands of times), so it is not shared
/// between threads.
/// </summary>
sealed class InstantNewton(int size)
{
    public delegate bool Residuals(double[] unknowns, double[] residuals);

    readonly double[] _r = new double[size];
    readonly double[] _trial = new double[size];
    readonly double[] _rTrial = new double[size];
    readonly double[] _delta = new double[size];
    readonly double[] _jacobian = new double[size * size];   // row-major
    // The Jacobian's LU factors (U above the diagonal and on it, the multipliers below) and the row
    // swaps: the chord steps solve with one Jacobian many times, in O(n^2) each instead of O(n^3).
    readonly double[] _factors = new double[size * size];
    readonly int[] _pivots = new int[size];
    bool _haveJacobian, _factorsCurrent, _factored;

    public bool TrySolve(Residuals residuals, double[] x, bool[] positive, double tolerance, int maxIterations = 40)
    {
        int n = x.Length;
        if (n != size) throw new ArgumentException($"Newton was set up for {size} unknowns, not {n}");
        double[] r = _r, trial = _trial, rTrial = _rTrial, jacobian = _jacobian, delta = _delta;
        if (!residuals(x, r)) return false;
        double norm = MaxAbs(r);
        if (norm <= tolerance) return true;
        // The chord method first: the Jacobian of the last instant solved, which a path's next instant barely
        // changes, for as long as each step at least halves the residual; on to the rounding floor (what Newton's
        // quadratic steps reach), not just the tolerance, so that instants are as accurate as before.
        if (_haveJacobian)
        {
            for (int k = 0; k < 8 && norm > tolerance * 1e-3; k++)
            {
                for (int i = 0; i < n; i++) delta[i] = -r[i];
                if (!SolveLinear(delta)) break;
                for (int j = 0; j < n; j++)
                    trial[j] = positive[j] ? x[j] * Math.Exp(Math.Clamp(delta[j], -5, 5)) : x[j] + delta[j];
                if (!residuals(trial, rTrial)) break;
                var trialNorm = MaxAbs(rTrial);
                if (!(trialNorm <= 0.5 * norm)) break;
                Array.Copy(trial, x, n);
                Array.Copy(rTrial, r, n);
                norm = trialNorm;
            }
            if (norm <= tolerance) return true;
        }
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            if (norm <= tolerance) return true;
            _haveJacobian = true;
            _factorsCurrent = false;
            for (int j = 0; j < n; j++)
            {
                Array.Copy(x, trial, n);
                var h = 1e-7;
                trial[j] = positive[j] ? x[j] * Math.Exp(h) : x[j] + h * Math.Max(1, Math.Abs(x[j]));
                var step = positive[j] ? h : trial[j] - x[j];
                if (!residuals(trial, rTrial)) return false;
                for (int i = 0; i < n; i++) jacobian[i * n + j] = (rTrial[i] - r[i]) / step;
            }
            for (int i = 0; i < n; i++) delta[i] = -r[i];
            if (!SolveLinear(delta)) return false;
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

    /// <summary>Solves the Jacobian's system for b (b becomes the solution), factoring the Jacobian when it changed; false when singular or not finite.</summary>
    bool SolveLinear(double[] b)
    {
        if (!_factorsCurrent) (_factored, _factorsCurrent) = (Factor(_jacobian), true);
        return _factored && SolveFactored(b);
    }

    /// <summary>
    /// Gaussian elimination with partial pivoting on a copy of a (row-major), kept as LU factors; false when
    /// singular. Solving with the factors then does to b exactly the operations elimination on (a | b) does,
    /// in the same order, so each solution is the same number as eliminating afresh.
    /// </summary>
    bool Factor(double[] a)
    {
        int n = size;
        var m = _factors;
        Array.Copy(a, m, n * n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int i = col + 1; i < n; i++) if (Math.Abs(m[i * n + col]) > Math.Abs(m[pivot * n + col])) pivot = i;
            if (!(Math.Abs(m[pivot * n + col]) > 1e-300)) return false;
            _pivots[col] = pivot;
            if (pivot != col)
                for (int j = 0; j < n; j++) (m[col * n + j], m[pivot * n + j]) = (m[pivot * n + j], m[col * n + j]);
            for (int i = col + 1; i < n; i++)
            {
                var factor = m[i * n + col] / m[col * n + col];
                for (int j = col + 1; j < n; j++) m[i * n + j] -= factor * m[col * n + j];
                m[i * n + col] = factor;
            }
        }
        return true;
    }

    /// <summary>b becomes the solution of the factored system; false when it is not finite.</summary>
    bool SolveFactored(double[] b)
    {
        int n = size;
        var m = _factors;
        for (int col = 0; col < n; col++)
            if (_pivots[col] != col) (b[col], b[_pivots[col]]) = (b[_pivots[col]], b[col]);
        for (int col = 0; col < n; col++)
            for (int i = col + 1; i < n; i++) b[i] -= m[i * n + col] * b[col];
        for (int i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (int j = i + 1; j < n; j++) sum -= m[i * n + j] * b[j];
            b[i] = sum / m[i * n + i];
        }
        foreach (var v in b) if (!double.IsFinite(v)) return false;
        return true;
    }
}
