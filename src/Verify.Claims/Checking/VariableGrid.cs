namespace Verify.Claims.Checking;

/// <summary>
/// The values of the integration variable tried at each parameter point for forall and
/// monotonicity assertions: fixed fractions of its range, denser near both ends, so that every
/// draw is reproducible from its parameters alone.
/// </summary>
static class VariableGrid
{
    static readonly double[] Fractions = [1e-6, 1e-3, 0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98, 0.999, 1 - 1e-6];

    public static int Size => Fractions.Length;

    public static IEnumerable<double> Over(double lo, double hi) => Fractions.Select(t => lo + (hi - lo) * t);
}
