
namespace Verify.Symbolic.Numbers;

/// <summary>
/// The built-in special functions erf, Γ (written tgamma, as in C, since gamma and Gamma are common parameter names), the digamma ψ = Γ'/Γ
/// and the regularized lower incomplete gamma P(s, x) = γ(s, x)/Γ(s) (written gammainc(s, x)): their values
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

    /// <summary>
    /// Where P(s, x) is enclosed from the library's values: the series and continued fraction go
    /// through exp(s ln x − x − ln Γ(s)), whose rounding error grows with the size of those terms,
    /// so beyond these bounds the enclosure is the whole range [0, 1] rather than a guess.
    /// </summary>
    public const double GammaIncTrustedS = 100, GammaIncTrustedX = 1000;

    public static bool IsSpecial(string name) => name is "erf" or "tgamma" or "digamma" or "gammainc";

    public static double Erf(double x) => double.IsNaN(x) ? double.NaN : MathNet.Numerics.SpecialFunctions.Erf(x);

    public static double Erfc(double x) => double.IsNaN(x) ? double.NaN : MathNet.Numerics.SpecialFunctions.Erfc(x);

    /// <summary>
    /// erf(x) − erf(y) without the cancellation of two numbers near ±1: from erfc in the tail both
    /// arguments lie in (erf(x) − erf(y) = erfc(y) − erfc(x) = erfc(−x) − erfc(−y)).
    /// </summary>
    public static double ErfDifference(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
        if (x >= 0 && y >= 0) return Erfc(y) - Erfc(x);
        if (x <= 0 && y <= 0) return Erfc(-x) - Erfc(-y);
        return Erf(x) - Erf(y);
    }

    /// <summary>Γ on the positive axis; NaN at or below 0 (poles and sign changes are outside what the models need).</summary>
    public static double Gamma(double x) => x > 0 ? MathNet.Numerics.SpecialFunctions.Gamma(x) : double.NaN;

    public static double Digamma(double x) => x > 0 ? MathNet.Numerics.SpecialFunctions.DiGamma(x) : double.NaN;

    /// <summary>
    /// The regularized lower incomplete gamma P(s, x) = (1/Γ(s)) ∫₀ˣ t^(s−1) e^(−t) dt, for s &gt; 0 and
    /// x ≥ 0 (the distribution function of a Gamma(s, 1) variable); NaN elsewhere.
    /// </summary>
    public static double GammaInc(double s, double x)
    {
        if (!(s > 0) || !(x >= 0) || double.IsPositiveInfinity(s)) return double.NaN;
        if (x == 0) return 0;
        if (double.IsPositiveInfinity(x)) return 1;
        return MathNet.Numerics.SpecialFunctions.GammaLowerRegularized(s, x);
    }

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

    /// <summary>
    /// P(s, x) over a box: increasing in x (its x-derivative is a positive density) and decreasing in s
    /// for x &gt; 0 (the Gamma(s, 1) law grows stochastically with s), so the corners (s_hi, x_lo) and
    /// (s_lo, x_hi) bound it, widened outward and kept within [0, 1]. A box reaching s ≤ 0 or x &lt; 0
    /// is flagged as possibly undefined and enclosed over its defined part.
    /// </summary>
    public static Interval EncloseGammaInc(Interval s, Interval x)
    {
        if (s.IsEmpty) return s;
        if (x.IsEmpty) return x;
        var flagged = s.MayBeUndefined || x.MayBeUndefined || s.Lo <= 0 || x.Lo < 0;
        if (s.Hi <= 0 || x.Hi < 0) return Interval.Make(1, 0, true);
        var sLo = Math.Max(s.Lo, double.Epsilon);
        var xLo = Math.Max(x.Lo, 0);
        if (s.Hi > GammaIncTrustedS || x.Hi > GammaIncTrustedX) return Interval.Make(0, 1, flagged);
        // P at s near 0 tends to 1 for every x > 0; the library's value at the smallest positive s stands for that limit.
        var lo = xLo == 0 ? 0 : Math.Max(0, Down(GammaInc(s.Hi, xLo)));
        var hi = Math.Min(1, Up(GammaInc(sLo, x.Hi)));
        return Interval.Make(lo, hi, flagged);
    }

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
