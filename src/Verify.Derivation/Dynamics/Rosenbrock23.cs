using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// The second-order L-stable Rosenbrock method of Shampine and Reichelt (the ode23s pair, with a
/// third-order error estimate), for stiff paths: fast relocation next to slow entry makes explicit
/// steps as short as the fastest time scale, while this method's steps follow the slow one. The
/// Jacobian is taken by forward differences at the start of each step; W = I − h d J is solved by
/// Gaussian elimination. Same contract as <see cref="DormandPrince.Integrate"/>.
/// </summary>
public static class Rosenbrock23
{
    static readonly double D = 1 / (2 + Math.Sqrt(2));
    static readonly double E32 = 6 + Math.Sqrt(2);

    public static (double T, double[] X, int Steps, int Rejected) Integrate(DormandPrince.Rates f, double t0, double[] x0, double until,
        double rtol, double atol, DormandPrince.StepObserver observe, Action<double[]>? project = null, int maxSteps = 200_000)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var f0 = new double[n];
        f(t0, x, f0);
        double t = t0;
        if (observe(t, x, f0)) return (t, x, 0, 0);
        var jacobian = new double[n, n];
        var shifted = new double[n];
        var fShift = new double[n];
        var stage = new double[n];
        var f1 = new double[n];
        var f2 = new double[n];
        var next = new double[n];
        double h = Math.Min(until - t0, 1e-3 * Math.Max(1, Math.Abs(until - t0)));
        for (int i = 0; i < n; i++)
            if (f0[i] != 0) h = Math.Min(h, 10 * (atol + rtol * Math.Max(Math.Abs(x[i]), 1e-3)) / Math.Abs(f0[i]));
        int steps = 0, rejected = 0;
        bool jacobianCurrent = false;
        while (t < until)
        {
            if (steps + rejected >= maxSteps) throw new StepsExhausted($"the stiff integrator took {maxSteps} steps without reaching t = {until:G6} (stopped at t = {t:G6})");
            h = Math.Min(h, until - t);
            // Underflow is relative to t: a path that leaves a bound at t = 1e-12 (the relocation kick) lives
            // on that time scale at first, and its steps grow with t as it moves away.
            if (h <= 1e-14 * Math.Abs(t) || h < 1e-300) throw new NumericFailure($"the step size underflowed at t = {t:G6}: the path cannot be followed to the tolerance asked for");
            if (!jacobianCurrent)
            {
                for (int j = 0; j < n; j++)
                {
                    Array.Copy(x, shifted, n);
                    // Relative to the state itself down to the absolute tolerance: a state far below
                    // atol/rtol (y near 1e-20 on a path where aR^alpha is of order one) is nonlinear on its own scale.
                    var delta = 1e-7 * Math.Max(Math.Abs(x[j]), atol);
                    shifted[j] += delta;
                    f(t, shifted, fShift);
                    for (int i = 0; i < n; i++) jacobian[i, j] = (fShift[i] - f0[i]) / delta;
                }
                jacobianCurrent = true;
            }
            var w = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) w[i, j] = (i == j ? 1 : 0) - h * D * jacobian[i, j];
            // I - h d J is singular only when h d is the inverse of an eigenvalue of J: a shorter step avoids it.
            if (Lu.Factor(w) is not { } lu) { rejected++; h *= 0.5; continue; }

            var k1 = lu.Solve(f0);
            for (int i = 0; i < n; i++) stage[i] = x[i] + 0.5 * h * k1[i];
            try { f(t + 0.5 * h, stage, f1); }
            catch (StageOutsideDomain) { rejected++; h *= 0.25; continue; }
            var r2 = new double[n];
            for (int i = 0; i < n; i++) r2[i] = f1[i] - k1[i];
            var k2 = lu.Solve(r2);
            for (int i = 0; i < n; i++) { k2[i] += k1[i]; next[i] = x[i] + h * k2[i]; }
            try { f(t + h, next, f2); }
            catch (StageOutsideDomain) { rejected++; h *= 0.25; continue; }
            var r3 = new double[n];
            for (int i = 0; i < n; i++) r3[i] = f2[i] - E32 * (k2[i] - f1[i]) - 2 * (k1[i] - f0[i]);
            var k3 = lu.Solve(r3);
            double err = 0;
            for (int i = 0; i < n; i++)
            {
                var e = h / 6 * (k1[i] - 2 * k2[i] + k3[i]);
                err = Math.Max(err, Math.Abs(e) / (atol + rtol * Math.Max(Math.Abs(x[i]), Math.Abs(next[i]))));
            }
            if (!double.IsFinite(err)) throw new NumericFailure($"the error estimate is not a number at t = {t:G6}");
            if (err <= 1)
            {
                t += h;
                project?.Invoke(next);
                Array.Copy(next, x, n);
                f(t, x, f0);
                steps++;
                jacobianCurrent = false;
                if (observe(t, x, f0)) break;
            }
            else rejected++;
            // Second-order method, third-order estimate: the step scales with err^(-1/3).
            h *= Math.Clamp(0.9 * Math.Pow(Math.Max(err, 1e-10), -1.0 / 3), 0.2, 5);
        }
        return (t, x, steps, rejected);
    }

    /// <summary>An LU factorisation with partial pivoting, solved against several right-hand sides.</summary>
    sealed class Lu
    {
        readonly double[,] _m;
        readonly int[] _pivot;

        Lu(double[,] m, int[] pivot) { _m = m; _pivot = pivot; }

        public static Lu? Factor(double[,] a)
        {
            int n = a.GetLength(0);
            var m = (double[,])a.Clone();
            var pivot = new int[n];
            for (int col = 0; col < n; col++)
            {
                int p = col;
                for (int i = col + 1; i < n; i++) if (Math.Abs(m[i, col]) > Math.Abs(m[p, col])) p = i;
                pivot[col] = p;
                if (!(Math.Abs(m[p, col]) > 1e-300)) return null;
                if (p != col) for (int j = 0; j < n; j++) (m[col, j], m[p, j]) = (m[p, j], m[col, j]);
                for (int i = col + 1; i < n; i++)
                {
                    m[i, col] /= m[col, col];
                    for (int j = col + 1; j < n; j++) m[i, j] -= m[i, col] * m[col, j];
                }
            }
            return new Lu(m, pivot);
        }

        public double[] Solve(double[] b)
        {
            int n = b.Length;
            var x = (double[])b.Clone();
            for (int col = 0; col < n; col++)
            {
                (x[col], x[_pivot[col]]) = (x[_pivot[col]], x[col]);
                for (int i = col + 1; i < n; i++) x[i] -= _m[i, col] * x[col];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                for (int j = i + 1; j < n; j++) x[i] -= _m[i, j] * x[j];
                x[i] /= _m[i, i];
            }
            return x;
        }
    }
}
