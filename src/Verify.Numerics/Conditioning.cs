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
    const double Step = 1e-6, Largest = 1e-2, Signal = 1e-12;

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
            // A column lost in rounding is taken again with a hundredfold step (up to 1%): the
            // weakly pinned unknowns are the ones this estimate is for.
            for (var relative = Step; ; relative *= 100)
            {
                var h = relative * scale;
                shifted[j] = x[j] + h;
                if (!residuals.TryEvaluate(shifted, r))
                {
                    h = -h;
                    shifted[j] = x[j] + h;
                    if (!residuals.TryEvaluate(shifted, r)) return unknown;
                }
                var change = 0.0;
                for (int i = 0; i < m; i++)
                {
                    jacobian[i, j] = (r[i] - at[i]) / (h / scale);
                    change = Math.Max(change, Math.Abs(r[i] - at[i]));
                }
                if (change >= Signal) break;
                if (relative * 100 > Largest)
                {
                    // Even a 1% change does not show above rounding: not pinned at all.
                    for (int i = 0; i < m; i++) jacobian[i, j] = 0;
                    break;
                }
            }
            shifted[j] = x[j];
        }

        // |J⁻¹| through the singular values, none dropped: a (nearly) singular direction is exactly
        // what this is to find, where a pseudo-inverse would quietly give it no weight.
        var epsilon = Math.Max(maxResidual, Noise);
        var svd = jacobian.Svd(computeVectors: true);
        var uncertainty = new double[n];
        for (int j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (int i = 0; i < m; i++)
            {
                var entry = 0.0;
                for (int k = 0; k < svd.S.Count; k++)
                {
                    var weight = svd.VT[k, j] * svd.U[i, k];
                    if (weight != 0) entry += weight / svd.S[k];
                }
                sum += Math.Abs(entry);
            }
            // A direction the rows do not reach at all (fewer conditions than unknowns) pins nothing.
            if (svd.S.Count < n) for (int k = svd.S.Count; k < n; k++) if (svd.VT[k, j] != 0) sum = double.PositiveInfinity;
            uncertainty[j] = double.IsFinite(sum) ? sum * epsilon : double.PositiveInfinity;
        }
        return uncertainty;
    }
}
