using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Numbers.Evaluator;

namespace Verify.Derivation.Tests;

/// <summary>
/// One-country Melitz-style models (cut-off, free entry, demand) with the cost densities a user
/// would try after Pareto, each written from the density's textbook formula and truncated to the
/// cost range (0, 1]: Weibull, Fréchet, a mixture of two Paretos and a Pareto-exponential mixture,
/// and the Weibull model again with its market integrals written by hand through the incomplete
/// gamma function. Each loads, derives (implicitly where free entry has no closed-form root), and
/// its derived values agree with the first-principles solver at drawn points.
/// </summary>
public class OtherDensitiesTests
{
    /// <summary>The closed economy; PARAMETERS and DENSITY are filled in per density.</summary>
    const string Template = """
        model DENSITY-NAME
        parameter sigma : sigma > 1
        PARAMETERS
        parameter f : f > 0
        parameter fE : fE > 0
        parameter L : L > 0
        variable a : 0 < a <= 1
        density g(a) = DENSITY
        function C(lo, hi) = integral(a^(1 - sigma)*g(a), a, lo, hi)   "market weight of costs in [lo, hi]"
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          unknown n : n > 0
          condition cutoff : aD^(1 - sigma)*B = f
          condition free-entry : integral((a^(1 - sigma)*B - f)*g(a), a, 0, aD) = fE
          condition demand : B = L/(n*C(0, aD))
        end
        """;

    static string Model(string name, string parameters, string density) =>
        Template.Replace("DENSITY-NAME", name).Replace("PARAMETERS", parameters).Replace("DENSITY", density);

    /// <summary>Weibull(shape k, scale lambda): (k/λ)(a/λ)^(k−1) e^(−(a/λ)^k), over its mass 1 − e^(−(1/λ)^k) on (0, 1].</summary>
    static readonly string Weibull = Model("weibull-costs",
        "parameter k : k > sigma - 1\nparameter lambda : lambda > 0",
        "(k/lambda)*(a/lambda)^(k - 1)*exp(-(a/lambda)^k)/(1 - exp(-(1/lambda)^k))");

    /// <summary>Fréchet(shape alpha, scale s): (α/s)(a/s)^(−1−α) e^(−(a/s)^(−α)), over its mass e^(−(1/s)^(−α)) on (0, 1].</summary>
    static readonly string Frechet = Model("frechet-costs",
        "parameter alpha : alpha > 0\nparameter s : s > 0",
        "(alpha/s)*(a/s)^(-1 - alpha)*exp(-(a/s)^(-alpha))/exp(-(1/s)^(-alpha))");

    /// <summary>Two Paretos on (0, 1] (G(a) = a^k each) mixed with weight w.</summary>
    static readonly string ParetoMixture = Model("pareto-mixture-costs",
        "parameter k1 : k1 > sigma - 1\nparameter k2 : k2 > sigma - 1\nparameter w : 0 < w < 1",
        "w*k1*a^(k1 - 1) + (1 - w)*k2*a^(k2 - 1)");

    /// <summary>
    /// A Pareto and a unit exponential truncated to (0, 1], mixed with weight w. The exponential part
    /// has mass at a → 0, so the market weight ∫ a^(1−σ) g is finite only for σ &lt; 2.
    /// </summary>
    static readonly string ParetoExponential = Model("pareto-exponential-costs",
        "constraint sigma < 2\nparameter k : k > sigma - 1\nparameter w : 0 < w < 1",
        "w*k*a^(k - 1) + (1 - w)*exp(-a)/(1 - exp(-1))");

    /// <summary>
    /// The Weibull model with its integrals done by hand: with t = (a/λ)^k,
    /// ∫₀ᶜ a^(1−σ) g(a) da = λ^(1−σ) Γ(m) P(m, (c/λ)^k)/Z with m = 1 + (1 − σ)/k, and ∫₀ᶜ g = P(1, (c/λ)^k)/Z,
    /// Z = 1 − e^(−(1/λ)^k) the mass on (0, 1].
    /// </summary>
    const string WeibullByIncompleteGamma = """
        model weibull-costs-incomplete-gamma
        parameter sigma : sigma > 1
        parameter k : k > sigma - 1
        parameter lambda : lambda > 0
        parameter f : f > 0
        parameter fE : fE > 0
        parameter L : L > 0
        derived m = 1 + (1 - sigma)/k : m > 0    "the incomplete gamma's order for a^(1 - sigma)"
        function Z() = 1 - exp(-(1/lambda)^k)
        function C(c) = lambda^(1 - sigma)*tgamma(m)*gammainc(m, (c/lambda)^k)/Z()
        function G(c) = gammainc(1, (c/lambda)^k)/Z()
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          unknown n : n > 0
          condition cutoff : aD^(1 - sigma)*B = f
          condition free-entry : B*C(aD) - f*G(aD) = fE
          condition demand : B = L/(n*C(aD))
        end
        """;

    static readonly string[] Names = ["aD", "B", "n"];

    /// <summary>
    /// Derives the model, checks the cut-off's form, then compares aD, B and n with the
    /// first-principles solver at the drawn points. fE is drawn as a share of f·(C(0, 1) − 1),
    /// the expected profit at aD = 1, so that the cut-off lies inside (0, 1).
    /// </summary>
    static void AgreesWithFirstPrinciples(string text, string file, FormKind cutoff, bool integralsKept,
        Gen<Dictionary<string, double>> draw, Func<Dictionary<string, double>, double> marketWeightOfAll, ulong seed, string? reference = null)
    {
        var model = ModelLoader.LoadText(text, file);
        // The first-principles solver works on the reference model when there is one (the same economy written another way).
        var rawModel = reference is null ? model : ModelLoader.LoadText(reference, "reference.model");
        var derivation = ModelDeriver.Derive(model);
        var phase = derivation.Regimes.Single().Phases.Single();
        Assert.That(phase.Values.Values.Single(v => v.Symbol.Name == "aD").Kind, Is.EqualTo(cutoff), "the cut-off's form");
        var rootFound = phase.ImplicitUnknowns.Select(u => u.Unknown.Name).ToList();
        Assert.That(rootFound, Is.EqualTo(cutoff == FormKind.Implicit ? new[] { "aD" } : Array.Empty<string>()),
            "only the cut-off is root-found: B and n are solved in terms of it");
        Assert.That(phase.Conditions.Any(c => c.Residual.Any(e => e is Integral)), Is.EqualTo(integralsKept), "market integrals kept");

        var evaluator = new ModelEvaluator(derivation);
        var regime = evaluator.Regime("autarky");
        var raw = RegimeSystems.Prepare(rawModel, rawModel.FindRegime("autarky")!);
        var withEntryCost = from p in draw from share in CrossCheckRunner.Open(0.05, 0.9) select (p, share);
        int compared = 0;
        CrossCheckRunner.Check(withEntryCost, d =>
        {
            var values = new Dictionary<string, double>(d.p) { ["fE"] = d.share * d.p["f"] * (marketWeightOfAll(d.p) - 1) };
            var derived = regime.Evaluate(evaluator.InputVector(values));
            var solved = raw.Solve(rawModel.Parameters.ToDictionary(q => q.Symbol, q => values[q.Symbol.Name]));
            if (!solved.Success) return true;
            compared++;
            var agree = Names.All(name => Math.Abs(derived.Values[name] - solved[name]) <= 1e-8 * Math.Max(1, Math.Abs(solved[name])));
            if (!agree)
                TestContext.Out.WriteLine($"at {string.Join(", ", values.Select(kv => $"{kv.Key}={kv.Value:R}"))}: " +
                    string.Join(", ", Names.Select(name => $"{name} derived {derived.Values[name]:R}, solved {solved[name]:R}")));
            return agree;
        }, seed: seed, count: 25, name: $"{file} vs first principles");
        Assert.That(compared, Is.GreaterThanOrEqualTo(20), "the first-principles solver found most points");
    }

    static Gen<Dictionary<string, double>> Common(Gen<Dictionary<string, double>> own) =>
        from p in own from f in CrossCheckRunner.Open(0.2, 3) from l in CrossCheckRunner.Open(0.2, 3)
        select new Dictionary<string, double>(p) { ["f"] = f, ["L"] = l };

    /// <summary>∫₀¹ a^(1−σ) g(a) da by the suite's quadrature, g the density as written in C#.</summary>
    static double WeightOfAll(double sigma, Func<double, double> density) => Quadrature(a => Math.Pow(a, 1 - sigma) * density(a), 0, 1);

    static double WeibullDensity(Dictionary<string, double> p, double a) =>
        p["k"] / p["lambda"] * Math.Pow(a / p["lambda"], p["k"] - 1) * Math.Exp(-Math.Pow(a / p["lambda"], p["k"]))
        / (1 - Math.Exp(-Math.Pow(1 / p["lambda"], p["k"])));

    static readonly Gen<Dictionary<string, double>> WeibullPoints = Common(
        from sigma in CrossCheckRunner.Open(1.1, 3.5) from excess in CrossCheckRunner.Open(0.2, 3) from lambda in CrossCheckRunner.Open(0.3, 3)
        select new Dictionary<string, double> { ["sigma"] = sigma, ["k"] = sigma - 1 + excess, ["lambda"] = lambda });

    [Test]
    public void WeibullCostsDeriveImplicitlyAndAgreeWithFirstPrinciples() =>
        AgreesWithFirstPrinciples(Weibull, "weibull-costs.model", FormKind.Implicit, integralsKept: true, WeibullPoints,
            p => WeightOfAll(p["sigma"], a => WeibullDensity(p, a)), seed: 201421);

    [Test]
    public void FrechetCostsDeriveImplicitlyAndAgreeWithFirstPrinciples()
    {
        var points = Common(
            from sigma in CrossCheckRunner.Open(1.1, 3.5) from alpha in CrossCheckRunner.Open(0.5, 4) from s in CrossCheckRunner.Open(0.2, 1.5)
            select new Dictionary<string, double> { ["sigma"] = sigma, ["alpha"] = alpha, ["s"] = s });
        AgreesWithFirstPrinciples(Frechet, "frechet-costs.model", FormKind.Implicit, integralsKept: true, points,
            p => WeightOfAll(p["sigma"], a =>
                p["alpha"] / p["s"] * Math.Pow(a / p["s"], -1 - p["alpha"]) * Math.Exp(-Math.Pow(a / p["s"], -p["alpha"])) / Math.Exp(-Math.Pow(p["s"], p["alpha"]))),
            seed: 201422);
    }

    /// <summary>The mixture's integrals have closed forms, but free entry is a sum of two powers of aD: its root is implicit.</summary>
    [Test]
    public void AMixtureOfTwoParetosDerivesAndAgreesWithFirstPrinciples()
    {
        var points = Common(
            from sigma in CrossCheckRunner.Open(1.1, 3.5) from e1 in CrossCheckRunner.Open(0.2, 3) from e2 in CrossCheckRunner.Open(0.2, 6)
            from w in CrossCheckRunner.Open(0.05, 0.95)
            select new Dictionary<string, double> { ["sigma"] = sigma, ["k1"] = sigma - 1 + e1, ["k2"] = sigma - 1 + e2, ["w"] = w });
        AgreesWithFirstPrinciples(ParetoMixture, "pareto-mixture-costs.model", FormKind.Implicit, integralsKept: false, points,
            p => WeightOfAll(p["sigma"], a => p["w"] * p["k1"] * Math.Pow(a, p["k1"] - 1) + (1 - p["w"]) * p["k2"] * Math.Pow(a, p["k2"] - 1)),
            seed: 201423);
    }

    [Test]
    public void AParetoExponentialMixtureDerivesImplicitlyAndAgreesWithFirstPrinciples()
    {
        var points = Common(
            from sigma in CrossCheckRunner.Open(1.05, 1.9) from excess in CrossCheckRunner.Open(0.2, 3) from w in CrossCheckRunner.Open(0.05, 0.95)
            select new Dictionary<string, double> { ["sigma"] = sigma, ["k"] = sigma - 1 + excess, ["w"] = w });
        AgreesWithFirstPrinciples(ParetoExponential, "pareto-exponential-costs.model", FormKind.Implicit, integralsKept: true, points,
            p => WeightOfAll(p["sigma"], a => p["w"] * p["k"] * Math.Pow(a, p["k"] - 1) + (1 - p["w"]) * Math.Exp(-a) / (1 - Math.Exp(-1))),
            seed: 201424);
    }

    /// <summary>The hand-made closed forms against first principles on the Weibull model written with its integrals.</summary>
    [Test]
    public void WeibullCostsThroughTheIncompleteGammaAgreeWithFirstPrinciples() =>
        AgreesWithFirstPrinciples(WeibullByIncompleteGamma, "weibull-costs-incomplete-gamma.model", FormKind.Implicit, integralsKept: false,
            WeibullPoints, p => WeightOfAll(p["sigma"], a => WeibullDensity(p, a)), seed: 201425, reference: Weibull);
}
