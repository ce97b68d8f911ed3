using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// The embedded Runge-Kutta pair of Dormand and Prince, orders 5 and 4, with adaptive steps: each
/// step is accepted when the difference of the two solutions, measured against
/// atol + rtol·|x| component by component, is at most 1; the next step is scaled by the usual
/// 0.9·err^(-1/5), within a factor 0.2 to 5. The fifth-order solution is kept (local extrapolation),
/// and the last stage of a step is the first of the next (FSAL). MathNet.Numerics offers only
/// fixed-step Runge-Kutta and Adams-Bashforth, which cannot say how accurate a path is.
/// </summary>
public static class DormandPrince
{
    // The Butcher tableau of Dormand & Prince (1980), RK5(4)7M.
    static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];
    static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];
    // Fifth-order weights are the last row of A; the error weights are fifth minus fourth order.
    static readonly double[] E = [71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];

    /// <summary>The right-hand side: the rates at (t, x), written into the last argument.</summary>
    public delegate void Rates(double t, double[] x, double[] rates);

    /// <summary>After each accepted step: t, x and the rates there; return true to stop.</summary>
    public delegate bool StepObserver(double t, double[] x, double[] rates);

    /// <summary>
    /// Integrates from (t0, x0) until <paramref name="until"/> or until the observer stops it.
    /// <paramref name="project"/> may move an accepted point back into the states' domain.
    /// Throws <see cref="NumericFailure"/> when the step size underflows or a rate is not finite.
    /// </summary>
    public static (double T, double[] X, int Steps, int Rejected) Integrate(Rates f, double t0, double[] x0, double until,
        double rtol, double atol, StepObserver observe, Action<double[]>? project = null, int maxSteps = 200_000)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var k = new double[7][];
        for (int s = 0; s < 7; s++) k[s] = new double[n];
        var stage = new double[n];
        var next = new double[n];
        double t = t0;
        f(t, x, k[0]);
        Check(k[0], t);
        if (observe(t, x, k[0])) return (t, x, 0, 0);

        double h = InitialStep(x, k[0], rtol, atol, until - t0);
        int steps = 0, rejected = 0;
        while (t < until)
        {
            if (steps + rejected >= maxSteps) throw new StepsExhausted($"the integrator took {maxSteps} steps without reaching t = {until:G6} (stopped at t = {t:G6})");
            h = Math.Min(h, until - t);
            // Underflow is relative to t: a path that leaves a bound at t = 1e-12 (the relocation kick) lives
            // on that time scale at first, and its steps grow with t as it moves away.
            if (h <= 1e-14 * Math.Abs(t) || h < 1e-300) throw new NumericFailure($"the step size underflowed at t = {t:G6}: the path cannot be followed to the tolerance asked for");
            try
            {
                for (int s = 1; s < 7; s++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        double sum = 0;
                        for (int j = 0; j < s; j++) sum += A[s][j] * k[j][i];
                        stage[i] = x[i] + h * sum;
                    }
                    f(t + C[s] * h, stage, k[s]);
                    Check(k[s], t + C[s] * h);
                }
            }
            catch (StageOutsideDomain) { rejected++; h *= 0.25; continue; }
            // stage now holds the fifth-order solution (row 6 of A is the fifth-order weights).
            double err = 0;
            for (int i = 0; i < n; i++)
            {
                double e = 0;
                for (int s = 0; s < 7; s++) e += E[s] * k[s][i];
                var scale = atol + rtol * Math.Max(Math.Abs(x[i]), Math.Abs(stage[i]));
                err = Math.Max(err, Math.Abs(h * e) / scale);
            }
            if (double.IsNaN(err)) throw new NumericFailure($"the error estimate is not a number at t = {t:G6}");
            if (err <= 1)
            {
                t += h;
                Array.Copy(stage, next, n);
                project?.Invoke(next);
                bool moved = !next.AsSpan().SequenceEqual(stage);
                Array.Copy(next, x, n);
                if (moved) f(t, x, k[6]);
                (k[0], k[6]) = (k[6], k[0]);
                steps++;
                if (observe(t, x, k[0])) break;
            }
            else rejected++;
            h *= Math.Clamp(0.9 * Math.Pow(Math.Max(err, 1e-10), -0.2), 0.2, 5);
        }
        return (t, x, steps, rejected);
    }

    static void Check(double[] rates, double t)
    {
        foreach (var r in rates)
            if (!double.IsFinite(r)) throw new NumericFailure($"a rate of change is not finite at t = {t:G6}");
    }

    /// <summary>A first step that moves no component by more than about its tolerance times 100 (the step control corrects it).</summary>
    static double InitialStep(double[] x, double[] rates, double rtol, double atol, double span)
    {
        double h = span;
        for (int i = 0; i < x.Length; i++)
        {
            // A state at 0 is measured against 1e-3: a first step sized by a tiny absolute tolerance would underflow.
            var scale = atol + rtol * Math.Max(Math.Abs(x[i]), 1e-3);
            if (rates[i] != 0) h = Math.Min(h, 100 * scale / Math.Abs(rates[i]) * Math.Pow(rtol, 0.2));
        }
        return Math.Max(h, 1e-12 * Math.Max(span, 1));
    }
}
