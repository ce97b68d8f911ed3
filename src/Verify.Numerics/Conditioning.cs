using MathNet.Numerics.LinearAlgebra;

namespace Verify.Numerics;

/// <summary>
/// How firmly the conditions pin a converged point. For each unknown: the largest relative change
/// that residuals of size ε (what was reached, at least the rounding of a relative residual) allow,
/// to first order Σᵢ |(J⁺)ⱼᵢ| ε, with J the Jacobian of the residuals with respect to relative
/// changes of the unknowns. An unknown the conditions barely depend on shows as a large number: a
/// root of the conditions as written says little about it, however tightly it converged.
/// </summary>
static class Conditioning
{
    /// <summary>The rounding level of a relative residual built from sums of quadratures.</summary>
    public const double Noise = 1e-15;
    const double Step = 1e-6;

    public static double[] RelativeUncertainty(Residuals residuals, double[] x, double maxResidual)
    {
        int n = x.Length, m = residuals.Count;
        var unknown = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var at = new double[m];
        if (n == 0 || !residuals.TryEvaluate(x, at)) return unknown;

        var jacobian = Matrix<double>.Build.Dense(m, n);
        var shifted = (double[])x.Clone();
        var r = new double[m];
        for (int j = 0; j < n; j++)
        {
            var scale = x[j] != 0 ? Math.Abs(x[j]) : 1;
            var h = Step * scale;
            shifted[j] = x[j] + h;
            if (!residuals.TryEvaluate(shifted, r))
            {
                h = -h;
                shifted[j] = x[j] + h;
                if (!residuals.TryEvaluate(shifted, r)) return unknown;
            }
            for (int i = 0; i < m; i++) jacobian[i, j] = (r[i] - at[i]) / (h / scale);
            shifted[j] = x[j];
        }

        var epsilon = Math.Max(maxResidual, Noise);
        var inverse = jacobian.PseudoInverse();
        var uncertainty = new double[n];
        for (int j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (int i = 0; i < m; i++) sum += Math.Abs(inverse[j, i]);
            uncertainty[j] = double.IsFinite(sum) ? sum * epsilon : double.PositiveInfinity;
        }
        return uncertainty;
    }
}
