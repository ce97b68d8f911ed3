using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>
/// Models whose market integrals have no closed form: they derive with the integrals
/// kept, the unknowns their conditions cannot isolate implicit, and their values agree with the
/// first-principles solver; a Pareto model written so that its integrals stay unevaluated gives
/// the closed forms' values.
/// </summary>
public class BeyondParetoTests
{
    /// <summary>One country, truncated exponential costs on (0, 1] (the model of the issue).</summary>
    const string TruncatedExponential = """
        model truncated-exponential
        parameter sigma : 1 < sigma < 2
        parameter f : f > 0
        parameter fE : fE > 0
        parameter L : L > 0
        variable a : 0 < a <= 1
        density g(a) = exp(-a)/(1 - exp(-1))
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          unknown n : n > 0
          condition cutoff : aD^(1 - sigma)*B = f
          condition free-entry : integral((B*a^(1 - sigma) - f)*g(a), a, 0, aD) = fE
          condition demand : B = L/(n*integral(a^(1 - sigma)*g(a), a, 0, aD))
        end
        """;

    /// <summary>The documentation's tiny autarky model with Pareto costs; DENSITY is filled in.</summary>
    const string TinyAutarky = """
        model tiny-autarky
        parameter sigma : sigma > 1
        parameter k : k > sigma - 1
        parameter f : f > 0
        parameter fE : fE > 0
        parameter L : L > 0
        variable a : 0 < a <= 1
        density g(a) = DENSITY
        function C(lo, hi) = integral(a^(1 - sigma)*g(a), a, lo, hi)
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          unknown n : n > 0
          condition cutoff : aD^(1 - sigma)*B = f
          condition free-entry : integral((a^(1 - sigma)*B - f)*g(a), a, 0, aD) = fE
          condition demand : B = L/(n*C(0, aD))
          quantity active = n*aD^k
        end
        """;

    static readonly string[] Names = ["aD", "B", "n"];

    [Test]
    public void TheTruncatedExponentialModelDerivesImplicitlyAndAgreesWithFirstPrinciples()
    {
        var model = ModelLoader.LoadText(TruncatedExponential, "truncated-exponential.model");
        var derivation = ModelDeriver.Derive(model);
        var phase = derivation.Regimes.Single().Phases.Single();
        Assert.That(phase.Values.Values.Single(v => v.Symbol.Name == "aD").Kind, Is.EqualTo(FormKind.Implicit), "aD is the root of free entry");
        Assert.That(phase.Values.Values.Single(v => v.Symbol.Name == "B").Value.Any(n => n is Call), "B is solved in terms of the implicit aD");
        Assert.That(phase.Conditions.Any(c => c.Residual.Any(n => n is Integral)), "the market integrals are kept");

        var evaluator = new ModelEvaluator(derivation);
        var regime = evaluator.Regime("autarky");
        var raw = RegimeSystems.Prepare(model, model.FindRegime("autarky")!);
        var draw = from sigma in CrossCheckRunner.Open(1.05, 1.9) from f in CrossCheckRunner.Open(0.2, 3)
                   from share in CrossCheckRunner.Open(0.05, 0.9) from l in CrossCheckRunner.Open(0.2, 3) select (sigma, f, share, l);
        int compared = 0;
        CrossCheckRunner.Check(draw, p =>
        {
            // fE below f*(C(0, 1) - 1) keeps the cut-off inside (0, 1): a share of that bound.
            var c01 = Verify.Symbolic.Numbers.Evaluator.Quadrature(a => Math.Pow(a, 1 - p.sigma) * Math.Exp(-a) / (1 - Math.Exp(-1)), 0, 1);
            var values = new Dictionary<string, double> { ["sigma"] = p.sigma, ["f"] = p.f, ["fE"] = p.share * p.f * (c01 - 1), ["L"] = p.l };
            var derived = regime.Evaluate(evaluator.InputVector(values));
            var solved = raw.Solve(model.Parameters.ToDictionary(q => q.Symbol, q => values[q.Symbol.Name]));
            if (!solved.Success) return true;
            compared++;
            return Names.All(name => Math.Abs(derived.Values[name] - solved[name]) <= 1e-8 * Math.Max(1, Math.Abs(solved[name])));
        }, seed: 201413, count: 25, name: "truncated exponential vs first principles");
        Assert.That(compared, Is.GreaterThanOrEqualTo(20), "the first-principles solver found most points");
    }

    [Test]
    public void AParetoModelWithItsIntegralsKeptGivesTheClosedFormsValues()
    {
        var closed = ModelLoader.LoadText(TinyAutarky.Replace("DENSITY", "k*a^(k - 1)"), "closed.model");
        // The same density written so that the integrator does not read it as c*a^p: every integral stays.
        var kept = ModelLoader.LoadText(TinyAutarky.Replace("DENSITY", "k*exp((k - 1)*ln(a))"), "kept.model");
        var closedDerivation = ModelDeriver.Derive(closed);
        var keptDerivation = ModelDeriver.Derive(kept);
        Assert.That(closedDerivation.Regimes.Single().Phases.Single().Values.Values.All(v => v.Kind == FormKind.Closed));
        Assert.That(keptDerivation.Regimes.Single().Phases.Single().Values.Values.Single(v => v.Symbol.Name == "aD").Kind, Is.EqualTo(FormKind.Implicit));

        var closedRegime = new ModelEvaluator(closedDerivation);
        var keptRegime = new ModelEvaluator(keptDerivation);
        var draw = from sigma in CrossCheckRunner.Open(1.2, 4) from excess in CrossCheckRunner.Open(0.3, 4)
                   from f in CrossCheckRunner.Open(0.2, 3) from share in CrossCheckRunner.Open(0.05, 0.9) from l in CrossCheckRunner.Open(0.2, 3)
                   select (sigma, k: sigma - 1 + excess, f, share, l);
        CrossCheckRunner.Check(draw, p =>
        {
            // The cut-off lies below 1 when fE < f*(sigma - 1)/(k - sigma + 1): a share of that bound.
            var values = new Dictionary<string, double>
                { ["sigma"] = p.sigma, ["k"] = p.k, ["f"] = p.f, ["fE"] = p.share * p.f * (p.sigma - 1) / (p.k - p.sigma + 1), ["L"] = p.l };
            var a = closedRegime.Regime("autarky").Evaluate(closedRegime.InputVector(values));
            var b = keptRegime.Regime("autarky").Evaluate(keptRegime.InputVector(values));
            return a.Values.All(kv => Math.Abs(kv.Value - b.Values[kv.Key]) <= 1e-8 * Math.Max(1, Math.Abs(kv.Value)));
        }, seed: 201414, count: 25, name: "Pareto with integrals kept vs closed forms");
    }

    /// <summary>
    /// Two nations' cut-offs under trade with truncated exponential costs: each free-entry condition
    /// holds both domestic cut-offs (through the export cut-off), so they form one joint block.
    /// </summary>
    const string TwoNationCutoffs = """
        model two-nation-cutoffs
        parameter sigma : 1 < sigma < 2
        parameter phi : 0 < phi < 1
        parameter f : f > 0
        parameter fE : fE > 0
        variable a : 0 < a <= 1
        density g(a) = exp(-a)/(1 - exp(-1))
        regime trade
          unknown aD : 0 < aD < 1
          unknown aDstar : 0 < aDstar < 1
          unknown aX : 0 < aX < 1
          unknown aXstar : 0 < aXstar < 1
          unknown B : B > 0
          unknown Bstar : Bstar > 0
          condition cutoff-north : aD^(1 - sigma)*B = f
          condition cutoff-south : aDstar^(1 - sigma)*Bstar = f
          condition export-north : aX^(1 - sigma)*phi*Bstar = f
          condition export-south : aXstar^(1 - sigma)*phi*B = f
          condition free-entry-north : integral((B*a^(1 - sigma) - f)*g(a), a, 0, aD) + integral((phi*Bstar*a^(1 - sigma) - f)*g(a), a, 0, aX) = fE
          condition free-entry-south : integral((Bstar*a^(1 - sigma) - f)*g(a), a, 0, aDstar) + integral((phi*B*a^(1 - sigma) - f)*g(a), a, 0, aXstar) = 2*fE
        end
        """;

    [Test]
    public void TheDerivativesOfAJointImplicitBlockAgreeWithFiniteDifferences()
    {
        var model = ModelLoader.LoadText(TwoNationCutoffs, "two-nation-cutoffs.model");
        var derivation = ModelDeriver.Derive(model);
        var phase = derivation.Regimes.Single().Phases.Single();
        Assert.That(phase.ImplicitUnknowns.Count(u => u.Unknown.Name is "aD" or "aDstar"), Is.EqualTo(2));
        Assert.That(phase.ImplicitUnknowns.Select(u => u.Block).Distinct().Count(), Is.EqualTo(1), "aD and aDstar are one joint block");

        var evaluator = new ModelEvaluator(derivation);
        var slopes = new[] { "aD", "aDstar", "aX" }.Select(name =>
            (name, value: new QuantityExpression(evaluator, "trade", ExpressionScope.Parse(model, "trade", name).Expr),
                   slope: new QuantityExpression(evaluator, "trade", ExpressionScope.Parse(model, "trade", $"diff({name}, phi)").Expr))).ToList();
        var draw = from sigma in CrossCheckRunner.Open(1.2, 1.9) from phi in CrossCheckRunner.Open(0.1, 0.8)
                   from f in CrossCheckRunner.Open(0.5, 2) from share in CrossCheckRunner.Open(0.01, 0.1) select (sigma, phi, f, share);
        int compared = 0;
        CrossCheckRunner.Check(draw, p =>
        {
            double[] At(double phi) => evaluator.InputVector(new Dictionary<string, double>
                { ["sigma"] = p.sigma, ["phi"] = phi, ["f"] = p.f, ["fE"] = p.share * p.f });
            double h = 1e-5;
            foreach (var (name, value, slope) in slopes)
            {
                double derived;
                try { derived = slope.Evaluate(At(p.phi)); }
                catch (NumericFailure) { return true; }   // no interior solution at this draw
                var difference = (value.Evaluate(At(p.phi + h)) - value.Evaluate(At(p.phi - h))) / (2 * h);
                if (!(Math.Abs(derived - difference) <= 1e-5 * Math.Max(1, Math.Abs(difference)))) return false;
            }
            compared++;
            return true;
        }, seed: 201415, count: 20, name: "joint implicit block: d/dphi vs central differences");
        Assert.That(compared, Is.GreaterThanOrEqualTo(15), "most draws have an interior solution");
    }

    /// <summary>
    /// A threshold's scan walks its variable inside a <see cref="WalkScope"/>, where a joint solve after a
    /// failed one skips its restarts and a single root is looked for on a coarser grid first. Neither may change a
    /// value the phase has: at random points, each value found inside a walk (after other points of the walk, and
    /// asked again after them) is, bit for bit, the value found outside any walk. One model has a joint block
    /// (aD, aDstar), the other a single implicit root (aD).
    /// </summary>
    [Test]
    public void InsideAWalkThePhasesValuesAreThoseOutsideIt()
    {
        var joint = ModelLoader.LoadText(TwoNationCutoffs, "two-nation-cutoffs.model");
        var single = ModelLoader.LoadText(TruncatedExponential, "truncated-exponential.model");
        var draw = from sigma in CrossCheckRunner.Open(1.2, 1.9) from x in CrossCheckRunner.Open(0.1, 0.8)
                   from f in CrossCheckRunner.Open(0.5, 2) from share in CrossCheckRunner.Open(0.01, 0.1) select (sigma, x, f, share);
        int jointCompared = WalkAgrees(joint, "trade", ["aD", "aDstar", "aX"], "phi", draw.Select(p => (p.x, new Dictionary<string, double>
            { ["sigma"] = p.sigma, ["phi"] = p.x, ["f"] = p.f, ["fE"] = p.share * p.f })), seed: 201417);
        int singleCompared = WalkAgrees(single, "autarky", ["aD", "B", "n"], "L", draw.Select(p => (p.x, new Dictionary<string, double>
            { ["sigma"] = p.sigma, ["L"] = p.x, ["f"] = p.f, ["fE"] = p.share * p.f })), seed: 201418);
        Assert.That(jointCompared, Is.GreaterThanOrEqualTo(15), "most draws have an interior solution (joint block)");
        Assert.That(singleCompared, Is.GreaterThanOrEqualTo(15), "most draws have a solution (single root)");
    }

    /// <summary>Compares each name at each drawn point outside a walk and inside one along <paramref name="walked"/>; returns how many points both solved.</summary>
    static int WalkAgrees(ModelDocument model, string regime, string[] names, string walked,
        FsCheck.Gen<(double X, Dictionary<string, double> Values)> draw, ulong seed)
    {
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        var quantities = names.Select(n => new QuantityExpression(evaluator, regime, ExpressionScope.Parse(model, regime, n).Expr)).ToList();
        double[]? ValuesAt(Dictionary<string, double> values)
        {
            try { return [.. quantities.Select(q => q.Evaluate(evaluator.InputVector(values)))]; }
            catch (NumericFailure) { return null; }
        }
        int compared = 0;
        CrossCheckRunner.Check(draw, p =>
        {
            var outside = ValuesAt(p.Values);
            using var walk = WalkScope.Open();
            foreach (var x in new[] { 0.02, 0.3, 0.97, 0.5 })
                ValuesAt(new Dictionary<string, double>(p.Values) { [walked] = x });
            var inside = ValuesAt(p.Values);
            foreach (var x in new[] { 0.99, 0.01 })
                ValuesAt(new Dictionary<string, double>(p.Values) { [walked] = x });
            var again = ValuesAt(p.Values);
            if (outside is null) return inside is null && again is null;
            compared++;
            return inside is not null && again is not null && outside.SequenceEqual(inside) && outside.SequenceEqual(again);
        }, seed: seed, count: 20, name: $"{model.Name}: values inside a walk along {walked} vs outside");
        return compared;
    }

    [Test]
    public void AThresholdWithNoClosedFormIsFoundNumerically()
    {
        // aX = aDstar*phi^(1/(sigma - 1)) against the North's own implicit cut-off: no closed form.
        var text = TwoNationCutoffs.Replace("\nend", "\n  threshold phiH : aX = aD/2 for phi\nend");
        var model = ModelLoader.LoadText(text, "two-nation-cutoffs.model");
        var derivation = ModelDeriver.Derive(model);
        Assert.That(derivation.Regimes.Single().Thresholds.Single().Value, Is.Null, "no closed form: found numerically");
        var evaluator = new ModelEvaluator(derivation);
        QuantityExpression Of(string text) => new(evaluator, "trade", ExpressionScope.Parse(model, "trade", text).Expr);
        var (threshold, gap) = (Of("phiH"), Of("aX - aD/2"));
        var draw = from sigma in CrossCheckRunner.Open(1.2, 1.9) from f in CrossCheckRunner.Open(0.5, 2) from share in CrossCheckRunner.Open(0.01, 0.1)
                   select (sigma, f, share);
        int found = 0;
        CrossCheckRunner.Check(draw, p =>
        {
            double[] At(double phi) => evaluator.InputVector(new Dictionary<string, double> { ["sigma"] = p.sigma, ["phi"] = phi, ["f"] = p.f, ["fE"] = p.share * p.f });
            double phiH;
            try { phiH = threshold.Evaluate(At(0.5)); }
            catch (NumericFailure) { return true; }   // the sides do not meet in (0, 1) at this draw
            found++;
            // The threshold is where the gap vanishes, and it changes sign there.
            return Math.Abs(gap.Evaluate(At(phiH))) <= 1e-9 && Math.Sign(gap.Evaluate(At(phiH * 0.99))) != Math.Sign(gap.Evaluate(At(Math.Min(phiH * 1.01, 0.999))));
        }, seed: 201416, count: 10, name: "numeric threshold: the sides meet there");
        Assert.That(found, Is.GreaterThanOrEqualTo(5), "the sides meet inside (0, 1) at most draws");
    }

    /// <summary>
    /// x + e^x = 1 + p has no closed form in x, which rises with p; phase inside holds while 0.1 <= x <= 0.3, so the
    /// sides of (x - 0.1)(x - 0.3) = 0 meet at both its ends. The threshold is where the phase ends as p rises
    /// (x = 0.3, p = 0.3 + e^0.3 - 1), as 'where p < pT' reads it, not the first meeting (x = 0.1).
    /// </summary>
    [Test]
    public void AThresholdMetAtBothEndsOfItsPhaseIsWhereThePhaseEnds()
    {
        var model = ToyModel("two-meetings", "-1 < x < 1", "x + exp(x) = 1 + p", "(x - 1/10)*(x - 3/10) <= 0", "(x - 1/10)*(x - 3/10) = 0");
        Assert.That(NumericThresholdOf(model), Is.EqualTo(0.3 + Math.Exp(0.3) - 1).Within(1e-9));
    }

    /// <summary>Where gap changes sign in [lo, hi] (which it must), by bisection to the last bit: the reference a threshold is set against.</summary>
    static double Bisect(Func<double, double> gap, double lo, double hi)
    {
        Assert.That(Math.Sign(gap(lo)), Is.Not.EqualTo(Math.Sign(gap(hi))), "the reference bracket holds a sign change");
        for (int k = 0; k < 200; k++) { var mid = (lo + hi) / 2; if (Math.Sign(gap(mid)) == Math.Sign(gap(lo))) lo = mid; else hi = mid; }
        return lo;
    }

    /// <summary>
    /// A one-regime toy model: x (in its domain) solves the condition, which moves with p; phase 'inside' holds where
    /// 'when' does, 'outside' elsewhere; the threshold pT is where the sides of 'meeting' meet in phase 'inside'.
    /// </summary>
    static ModelDocument ToyModel(string name, string domain, string condition, string when, string meeting) =>
        ModelLoader.LoadText($"""
            model {name}
            parameter p : 0 < p < 1
            regime r
              unknown x : {domain}
              condition moving : {condition}
              phase inside when {when}
                quantity y = x
              end
              phase outside
                quantity y = x
              end
              threshold pT : {meeting} for p in inside
            end
            """, $"{name}.model");

    /// <summary>The threshold pT of a one-regime toy model (regime r, parameter p), which must have no closed form.</summary>
    static double NumericThresholdOf(ModelDocument model)
    {
        var derivation = ModelDeriver.Derive(model);
        Assert.That(derivation.Regimes.Single().Thresholds.Single().Value, Is.Null, "no closed form: found numerically");
        var evaluator = new ModelEvaluator(derivation);
        var threshold = new QuantityExpression(evaluator, "r", ExpressionScope.Parse(model, "r", "pT").Expr);
        return threshold.Evaluate(evaluator.InputVector(new Dictionary<string, double> { ["p"] = 0.5 }));
    }

    /// <summary>
    /// A threshold next to an end of its variable's domain (here near p = 0.0004, below the first of the scan's
    /// evenly spaced points, 1/48) is found: the scan is denser towards the ends. The log-normal variant's
    /// phi_P = (1 - sE)/sE is 0.00043 at sE = 0.99957. x goes as p/2, so it meets p/4 + 1e-4 near p = 0.0004.
    /// </summary>
    [Test]
    public void AThresholdNextToTheEndOfItsDomainIsFound()
    {
        var model = ToyModel("near-the-end", "-1 < x < 1", "x + exp(x) = 1 + p", "x <= p/4 + 1/10000", "x = p/4 + 1/10000");
        var value = NumericThresholdOf(model);
        // The meeting by bisection on x = u = p/4 + 1e-4 put into the condition: u + (exp(u) - 1) - p = 0.
        static double Gap(double p) => p / 4 + 1e-4 + double.ExpM1(p / 4 + 1e-4) - p;
        double lo = 1e-5, hi = 1e-2;
        lo = Bisect(Gap, lo, hi);
        Assert.That(lo, Is.LessThan(1.0 / 48), "the meeting lies below the scan's first evenly spaced point");
        Assert.That(value, Is.EqualTo(lo).Within(1e-6 * lo));
    }

    /// <summary>
    /// x + e^x - 1 = 1000(p - 0.505)(p - 0.51) has no solution with x > 0 for 0.505 <= p <= 0.51, a gap inside the
    /// scan's step from p = 0.5 to 25/48, across which x - p/10 changes sign (it is negative at 0.5, positive at
    /// 25/48). Brent's method stops on the gap's NaN; the meeting beyond the gap, near p = 0.5125, is found all the same.
    /// </summary>
    [Test]
    public void AThresholdBesideAGapInItsPhaseIsFound()
    {
        var model = ToyModel("beside-a-gap", "0 < x < 1", "x + exp(x) - 1 = 1000*(p - 101/200)*(p - 51/100)", "x <= p/10", "x = p/10");
        // The meeting by bisection on x = u = p/10 put into the condition, between the gap and 25/48.
        static double Gap(double p) => p / 10 + double.ExpM1(p / 10) - 1000 * (p - 0.505) * (p - 0.51);
        double lo = 0.5101, hi = 25.0 / 48;
        lo = Bisect(Gap, lo, hi);
        Assert.That(NumericThresholdOf(model), Is.EqualTo(lo).Within(1e-9));
    }

    /// <summary>
    /// x + e^x - 1 = 10(0.51 - p) has a solution with x > 0 only below p = 0.51, and x falls through p/50 a little
    /// before that, near p = 0.508: between the scan's points 0.5 (where the difference is positive) and 25/48 (where
    /// the phase has no solution). The difference is not 0 where the solution ends, yet the sides do meet before it.
    /// </summary>
    [Test]
    public void AThresholdJustBeforeItsPhaseStopsExistingIsFound()
    {
        var model = ToyModel("before-the-end", "0 < x < 1", "x + exp(x) - 1 = 10*(51/100 - p)", "x >= p/50", "x = p/50");
        static double Gap(double p) => p / 50 + double.ExpM1(p / 50) - 10 * (0.51 - p);
        double lo = 0.5, hi = 0.51;
        lo = Bisect(Gap, lo, hi);
        Assert.That(NumericThresholdOf(model), Is.EqualTo(lo).Within(1e-9));
    }

    /// <summary>
    /// A joint block (x, y: each condition holds both inside integrals) whose conditions hold a cut-off
    /// carried from another regime, raised to a power that moves with sigma.
    /// </summary>
    const string CarriedIntoJointBlock = """
        model carried-into-joint-block
        parameter sigma : 1 < sigma < 2
        parameter phi : 0 < phi < 1
        parameter f : f > 0
        parameter fE : fE > 0
        variable a : 0 < a <= 1
        density g(a) = exp(-a)/(1 - exp(-1))
        function G(c) = integral(g(a), a, 0, c)
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          condition cutoff : aD^(1 - sigma)*B = f
          condition free-entry : integral((B*a^(1 - sigma) - f)*g(a), a, 0, aD) = fE
        end
        regime split
          carry aD from autarky
          unknown x : 0 < x < 1
          unknown y : 0 < y < 1
          condition total : G(x) + G(y) = G(aD)
          condition ratio : G(x) = phi*aD^(sigma - 1)*G(y)
        end
        """;

    [Test]
    public void AJointBlockHoldingACarriedImplicitCutOffHasDerivativesByEveryParameter()
    {
        var model = ModelLoader.LoadText(CarriedIntoJointBlock, "carried-into-joint-block.model");
        var derivation = ModelDeriver.Derive(model);
        var split = derivation.Regimes.Single(r => r.Regime.Name == "split").Phases.Single();
        Assert.That(split.ImplicitUnknowns.Where(u => u.Unknown.Name is "x" or "y").Select(u => u.Block).Distinct().Count(), Is.EqualTo(1), "x and y are one joint block");
        var evaluator = new ModelEvaluator(derivation);
        QuantityExpression Of(string text) => new(evaluator, "split", ExpressionScope.Parse(model, "split", text).Expr);
        var (x, byPhi, bySigma) = (Of("x"), Of("diff(x, phi)"), Of("diff(x, sigma)"));
        var draw = from sigma in CrossCheckRunner.Open(1.2, 1.8) from phi in CrossCheckRunner.Open(0.1, 0.9)
                   from f in CrossCheckRunner.Open(0.5, 2) from share in CrossCheckRunner.Open(0.05, 0.5) select (sigma, phi, f, share);
        int compared = 0;
        CrossCheckRunner.Check(draw, p =>
        {
            // fE below f*(C(0, 1) - 1), C the a^(1 - sigma)-weighted mass, keeps the autarky cut-off below 1.
            var c01 = Verify.Symbolic.Numbers.Evaluator.Quadrature(a => Math.Pow(a, 1 - p.sigma) * Math.Exp(-a) / (1 - Math.Exp(-1)), 0, 1);
            double[] At(double sigma, double phi) => evaluator.InputVector(new Dictionary<string, double>
                { ["sigma"] = sigma, ["phi"] = phi, ["f"] = p.f, ["fE"] = p.share * p.f * (c01 - 1) });
            const double h = 1e-5;
            var phiDifference = (x.Evaluate(At(p.sigma, p.phi + h)) - x.Evaluate(At(p.sigma, p.phi - h))) / (2 * h);
            // fE is held fixed while sigma moves (the bound above is only how it was drawn).
            var sigmaDifference = (x.Evaluate(At(p.sigma + h, p.phi)) - x.Evaluate(At(p.sigma - h, p.phi))) / (2 * h);
            compared++;
            return Math.Abs(byPhi.Evaluate(At(p.sigma, p.phi)) - phiDifference) <= 1e-5 * Math.Max(1, Math.Abs(phiDifference))
                && Math.Abs(bySigma.Evaluate(At(p.sigma, p.phi)) - sigmaDifference) <= 1e-5 * Math.Max(1, Math.Abs(sigmaDifference));
        }, seed: 201417, count: 12, name: "joint block with a carried cut-off: d/dphi and d/dsigma vs central differences");
        Assert.That(compared, Is.EqualTo(12));
    }
}
