using MathNet.Numerics.RootFinding;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// A root between two points where a function has opposite signs, by Brent's method, for the implicit unknowns and
/// the numeric thresholds. Two guards around MathNet's Brent: the function is scaled (<see cref="Scaled"/>), and a
/// point inside the bracket where the function has no value (Brent stops on a NaN) leads to a finer scan of the
/// bracket, whose pieces with defined ends of opposite signs are tried in turn.
/// </summary>
public static class BracketedRoot
{
    const int Pieces = 8, Depth = 3;

    /// <summary>The root in [lo, hi] to the given accuracy in position, or null when none is found.</summary>
    public static double? Find(Func<double, double> f, double lo, double hi, double accuracy) => Find(f, lo, hi, accuracy, 0);

    static double? Find(Func<double, double> f, double lo, double hi, double accuracy, int depth)
    {
        double atLo = f(lo), atHi = f(hi);
        try { return Brent.TryFindRoot(Scaled(f, atLo, atHi), lo, hi, accuracy, 200, out var root) ? root : null; }
        catch (ArithmeticException) when (depth < Depth)
        {
            double prevX = lo, prevF = atLo;
            for (int k = 1; k <= Pieces; k++)
            {
                var x = lo + (hi - lo) * k / Pieces;
                var fx = f(x);
                if (double.IsFinite(prevF) && double.IsFinite(fx) && Math.Sign(prevF) != Math.Sign(fx) && Find(f, prevX, x, accuracy, depth + 1) is { } root) return root;
                (prevX, prevF) = (x, fx);
            }
            return null;
        }
        catch (ArithmeticException) { return null; }
    }

    /// <summary>
    /// f divided by the smaller of its values at a bracket's ends. MathNet's Brent also stops where |f| falls below its
    /// accuracy, which is meant for the root's position: a residual whose values are all tiny (aD^(sigma - 1)*f
    /// ~ 1e-15 at sigma = 10) would stop it at once, anywhere in the bracket. Scaled, |f| is at least 1 at one end
    /// and small only near the root. (Not the larger: next to a pole, 1e300 at one end, that would make every value tiny.)
    /// </summary>
    public static Func<double, double> Scaled(Func<double, double> f, double atLo, double atHi)
    {
        var scale = Math.Min(Math.Abs(atLo), Math.Abs(atHi));
        return scale > 0 && double.IsFinite(scale) ? y => f(y) / scale : f;
    }
}
