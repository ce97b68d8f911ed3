
namespace Verify.Symbolic.Numbers;

/// <summary>
/// The built-in special functions erf, Γ (written tgamma, as in C, since gamma and Gamma are common parameter names) and the digamma ψ = Γ'/Γ: their values
/// (MathNet.Numerics) and interval enclosures. The enclosures use monotonicity on each piece of
/// the domain and widen the library's values by <see cref="RelativeSlack"/>, well above the
/// library's stated accuracy (about 1e-15 relative), so that they are sound as long as that holds.
/// </summary>
public static class SpecialFunctions
{
    public const double RelativeSlack = 1e-12;

    /// <summary>Where Γ has its minimum on the positive axis, and (a little below) its value there.</summary>
    const double GammaArgMin = 1.4616321449683623;
    const double GammaMinBelow = 0.88560319441;

    public static bool IsSpecial(string name) => name is "erf" or "tgamma" or "digamma";

    public static double Erf(double x) => double.IsNaN(x) ? double.NaN : MathNet.Numerics.SpecialFunctions.Erf(x);

    /// <summary>Γ on the positive axis; NaN at or below 0 (poles and sign changes are outside what the models need).</summary>
    public static double Gamma(double x) => x > 0 ? MathNet.Numerics.SpecialFunctions.Gamma(x) : double.NaN;

    public static double Digamma(double x) => x > 0 ? MathNet.Numerics.SpecialFunctions.DiGamma(x) : double.NaN;

    public static double Value(string name, double x) => name switch
    {
        "erf" => Erf(x),
        "tgamma" => Gamma(x),
        "digamma" => Digamma(x),
        _ => throw new ArgumentException($"'{name}' is not a special function"),
    };

    public static Interval Enclose(string name, Interval x) => name switch
    {
        "erf" => Increasing(x, Erf, -1, 1),
        "tgamma" => EncloseGamma(x),
        "digamma" => PositiveOnly(x, p => Increasing(p, Digamma, double.NegativeInfinity, double.PositiveInfinity)),
        _ => throw new ArgumentException($"'{name}' is not a special function"),
    };

    /// <summary>Γ is decreasing on (0, x₀] and increasing on [x₀, ∞); the box's ends give the rest.</summary>
    static Interval EncloseGamma(Interval x) => PositiveOnly(x, p =>
    {
        if (p.Hi <= GammaArgMin) return Decreasing(p, Gamma);
        if (p.Lo >= GammaArgMin) return Increasing(p, Gamma, 0, double.PositiveInfinity);
        return Interval.Make(GammaMinBelow, Up(Math.Max(Gamma(p.Lo), Gamma(p.Hi))), p.MayBeUndefined);
    });

    /// <summary>Γ and ψ are defined (for the suite) on x &gt; 0: a box reaching 0 or below is flagged.</summary>
    static Interval PositiveOnly(Interval x, Func<Interval, Interval> f)
    {
        if (x.IsEmpty) return x;
        if (x.Hi <= 0) return Interval.Make(1, 0, true);
        var flagged = x.Lo <= 0;
        var part = Interval.Make(flagged ? double.Epsilon : x.Lo, x.Hi, x.MayBeUndefined || flagged);
        return f(part);
    }

    static Interval Increasing(Interval x, Func<double, double> f, double floor, double ceiling)
    {
        if (x.IsEmpty) return x;
        return Interval.Make(Math.Max(floor, Down(f(x.Lo))), Math.Min(ceiling, Up(f(x.Hi))), x.MayBeUndefined);
    }

    static Interval Decreasing(Interval x, Func<double, double> f) =>
        x.IsEmpty ? x : Interval.Make(Math.Max(0, Down(f(x.Hi))), Up(f(x.Lo)), x.MayBeUndefined);

    static double Down(double v) =>
        double.IsNaN(v) ? double.NegativeInfinity : DirectedRounding.Down(v - Math.Abs(v) * RelativeSlack - double.Epsilon);
    static double Up(double v) =>
        double.IsNaN(v) ? double.PositiveInfinity : DirectedRounding.Up(v + Math.Abs(v) * RelativeSlack + double.Epsilon);
}
