using NUnit.Framework;
using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

/// <summary>
/// The general case simulated (regimes general and slow-entry of the bundled model): the paths are
/// accurate to their tolerance, end at states where the static conditions hold, move firms without
/// creating or destroying them, and tend to the instantaneous regimes' equilibria as the adjustment
/// costs vanish — relocation-entry when relocation is the faster, entry when entry is.
/// </summary>
public class DynamicsTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();
    static readonly Dictionary<string, double> Point = new()
    {
        ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = 0.5, ["f"] = 1, ["fI"] = 0.5, ["gammaR"] = 1, ["gammaE"] = 1,
    };

    static SimulationResult Run(string regime, IReadOnlyDictionary<string, double> point, double tolerance = 1e-8, ModelDocument? model = null)
    {
        model ??= Model;
        return new DynamicSimulator(model, model.FindDynamic(regime)!).Run(point, new SimulationOptions { Tolerance = tolerance });
    }

    static Dictionary<string, double> With(params (string Name, double Value)[] changes)
    {
        var p = new Dictionary<string, double>(Point);
        foreach (var (n, v) in changes) p[n] = v;
        return p;
    }

    static readonly Lazy<ModelEvaluator> Derived = new(() => new ModelEvaluator(ModelDeriver.Derive(Model)));

    /// <summary>A static regime's equilibrium at the point, from its derived forms (in the phase that holds there).</summary>
    static IReadOnlyDictionary<string, double> Static(string regime, IReadOnlyDictionary<string, double> point)
    {
        var parameters = Model.Parameters.ToDictionary(p => p.Symbol.Name, p => point[p.Symbol.Name]);
        return Derived.Value.Regime(regime).Evaluate(Derived.Value.InputVector(parameters)).Values;
    }

    [Test]
    public void Dormand_prince_follows_exponential_decay_and_a_rotation_to_their_tolerance()
    {
        var (_, x, _, _) = DormandPrince.Integrate((t, y, r) => r[0] = -y[0], 0, [1.0], 5, 1e-10, 1e-13, (_, _, _) => false);
        Assert.That(x[0], Is.EqualTo(Math.Exp(-5)).Within(1e-9));
        var (_, z, steps, _) = DormandPrince.Integrate((t, y, r) => { r[0] = y[1]; r[1] = -y[0]; }, 0, [1.0, 0.0], 10, 1e-9, 1e-12, (_, _, _) => false);
        Assert.That(z[0], Is.EqualTo(Math.Cos(10)).Within(1e-7));
        Assert.That(z[1], Is.EqualTo(-Math.Sin(10)).Within(1e-7));
        Assert.That(steps, Is.LessThan(400), "adaptive steps, not a fixed fine grid");
    }

    [Test]
    public void Halving_the_tolerance_moves_no_end_value_beyond_it()
    {
        foreach (var regime in new[] { "general", "slow-entry" })
        {
            var coarse = Run(regime, Point, 1e-8);
            var fine = Run(regime, Point, 5e-9);
            Assert.That(coarse.Steady && fine.Steady, Is.True, regime);
            foreach (var name in coarse.Series.Keys)
            {
                double a = coarse.End(name), b = fine.End(name);
                // The stated accuracy of an end value: ten times the tolerance, relative (absolute below 1).
                Assert.That(Math.Abs(a - b), Is.LessThanOrEqualTo(1e-7 * Math.Max(1, Math.Abs(b))), $"{regime}: {name} {a:R} vs {b:R}");
            }
        }
    }

    [Test]
    public void The_steady_state_satisfies_the_static_conditions()
    {
        var path = Run("general", Point);
        double sigma = 3, rho = 4, f = 1, fI = 0.5, phi = 0.5, alpha = rho + 1 - sigma;
        double B = path.End("B"), Bs = path.End("Bstar"), aD = path.End("aD"), aX = path.End("aX"), aDs = path.End("aDstar"), aXs = path.End("aXstar");
        // Free entry written out: the integral of (a^(1-sigma) B - f) rho a^(rho-1) over [0, aD] plus the export part.
        double Entry(double cD, double cX, double home, double abroad) =>
            home * rho * Math.Pow(cD, alpha) / alpha - f * Math.Pow(cD, rho) + phi * abroad * rho * Math.Pow(cX, alpha) / alpha - f * Math.Pow(cX, rho);
        Assert.That(path.Steady, Is.True);
        Assert.That(B - Bs, Is.EqualTo(0).Within(1e-7), "location condition B = B*");
        Assert.That(Entry(aD, aX, B, Bs), Is.EqualTo(fI).Within(1e-7), "free entry in the North");
        Assert.That(Entry(aDs, aXs, Bs, B), Is.EqualTo(fI).Within(1e-7), "free entry in the South");
        Assert.That(Math.Pow(aD, 1 - sigma) * B, Is.EqualTo(f).Within(1e-9), "domestic cut-off");
        // With B = B* and free entry, the cut-offs and B* are those of every instantaneous regime; relocation-entry's:
        var relocationEntry = Static("relocation-entry", Point);
        Assert.That(aD, Is.EqualTo(relocationEntry["aD"]).Within(1e-7));
        Assert.That(Bs, Is.EqualTo(relocationEntry["Bstar"]).Within(1e-7));
    }

    [Test]
    public void Relocation_moves_firms_without_creating_or_destroying_them()
    {
        // Entry held: only relocation moves, so the capital of each nation stays, and the firms producing
        // in the North and in the South add up to the world's firms at every step.
        var text = Model.Text + "\ndynamic relocation-only \"relocation alone\"\n  dynamics from general\n  hold K\n  hold Kstar\nend\n";
        var model = ModelLoader.LoadText(text, "relocation-only.model");
        var path = Run("relocation-only", Point, model: model);
        Assert.That(path.End("K"), Is.EqualTo(path.Start("K")));
        Assert.That(path.End("Kstar"), Is.EqualTo(path.Start("Kstar")));
        Assert.That(path.End("aR"), Is.GreaterThan(0.1), "relocation happened");
        for (int i = 0; i < path.Times.Count; i++)
            Assert.That(path.Series["nN"][i] + path.Series["nS"][i], Is.EqualTo(path.Series["nw"][i]).Within(1e-12 * path.Series["nw"][i]), $"step {i}");
        Assert.That(path.End("B") - path.End("Bstar"), Is.EqualTo(0).Within(1e-7), "relocation alone ends where B = B*");
    }

    [Test]
    public void Without_relocation_the_path_ends_at_the_entry_regimes_equilibrium()
    {
        var entry = Static("entry", Point);
        foreach (var gammaE in new[] { 0.1, 10.0 })
        {
            var path = Run("slow-entry", With(("gammaE", gammaE)));
            Assert.That(path.End("aR"), Is.EqualTo(0), "relocation forbidden");
            Assert.That(path.End("sn"), Is.EqualTo(entry["sn"]).Within(1e-6), $"gammaE = {gammaE}");
            Assert.That(path.End("nw"), Is.EqualTo(entry["nw"]).Within(1e-6), $"gammaE = {gammaE}");
        }
    }

    [Test]
    public void As_adjustment_costs_vanish_the_end_tends_to_the_instantaneous_regimes()
    {
        // Relocation much faster than entry (gammaR/gammaE -> 0): relocation-then-entry, sn = sE.
        var relocationEntry = Static("relocation-entry", Point);
        var gaps = new[] { 1e-1, 1e-2 }.Select(ratio =>
        {
            var path = Run("general", With(("gammaR", ratio), ("gammaE", 1)));
            TestContext.Out.WriteLine($"gammaR/gammaE = {ratio}: sn {path.End("sn"):R} aR {path.End("aR"):R} vs {relocationEntry["aR"]:R}, nw {path.End("nw"):R} vs {relocationEntry["nw"]:R}");
            return Math.Abs(path.End("sn") - 0.6) + Math.Abs(path.End("aR") - relocationEntry["aR"]) + Math.Abs(path.End("nw") - relocationEntry["nw"]);
        }).ToList();
        Assert.That(gaps[1], Is.LessThan(gaps[0] / 5), $"closer as gammaR/gammaE falls: {string.Join(", ", gaps)}");
        Assert.That(gaps[1], Is.LessThan(2e-3));

        // Entry much faster than relocation (gammaE/gammaR -> 0): entry alone (Helpman-Melitz-Yeaple), aR -> 0.
        // Slowly: the first movers go at an infinite rate (the Appendix), and those who moved before entry
        // equalised B and B* stay (here aR 0.387 at gammaE/gammaR = 0.1, 0.344 at 0.01; sn 0.604, 0.619 towards 2/3).
        var entry = Static("entry", Point);
        var ends = new[] { 1e-1, 1e-2 }.Select(ratio => Run("general", With(("gammaR", 1), ("gammaE", ratio)))).ToList();
        foreach (var (path, ratio) in ends.Zip(new[] { 1e-1, 1e-2 }))
            TestContext.Out.WriteLine($"gammaE/gammaR = {ratio}: sn {path.End("sn"):R} vs {entry["sn"]:R}, aR {path.End("aR"):R}");
        Assert.That(Math.Abs(ends[1].End("sn") - entry["sn"]), Is.LessThan(Math.Abs(ends[0].End("sn") - entry["sn"])));
        Assert.That(ends[1].End("aR"), Is.LessThan(ends[0].End("aR") * 0.95), "fewer firms have moved when entry is faster");
    }

    [Test]
    public void A_point_outside_the_domain_or_missing_a_parameter_is_an_error_that_says_which()
    {
        var simulator = new DynamicSimulator(Model, Model.FindDynamic("general")!);
        var missing = Assert.Throws<ArgumentException>(() => simulator.Run(Point.Where(p => p.Key != "gammaR").ToDictionary()));
        Assert.That(missing!.Message, Does.Contain("gammaR"));
        var outside = Assert.Throws<ArgumentException>(() => simulator.Run(With(("gammaE", -1))));
        Assert.That(outside!.Message, Does.Contain("gammaE > 0"));
        var stray = Assert.Throws<ArgumentException>(() => simulator.Run(With(("a", 0.5))));
        Assert.That(stray!.Message, Does.Contain("'a'"));
    }
}
