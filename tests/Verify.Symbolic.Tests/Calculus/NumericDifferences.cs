namespace Verify.Symbolic.Tests.Calculus;

/// <summary>Central differences with one Richardson step, and a check that they have converged.</summary>
public static class NumericDifferences
{
    /// <summary>
    /// f'(x0) estimated at two step sizes; null when either is not finite or they disagree
    /// (the difference itself is unreliable there, so the point says nothing about the symbolic result).
    /// </summary>
    public static double? Derivative(Func<double, double> f, double x0, double relativeStep = 1e-3)
    {
        var h = relativeStep * Math.Max(1, Math.Abs(x0));
        double Central(double step) => (f(x0 + step) - f(x0 - step)) / (2 * step);
        double Richardson(double step) => (4 * Central(step / 2) - Central(step)) / 3;
        var coarse = Richardson(h);
        var fine = Richardson(h / 2);
        if (!double.IsFinite(coarse) || !double.IsFinite(fine)) return null;
        if (Math.Abs(coarse - fine) > 1e-7 * Math.Max(1, Math.Abs(fine))) return null;
        return fine;
    }
}
