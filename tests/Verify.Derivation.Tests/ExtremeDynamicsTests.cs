using NUnit.Framework;
using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

/// <summary>
/// Paths at extreme admissible points that the claims' draws hit and that once could not be followed:
/// right after t = 0 the integrator's trial stages took y below 0, where aR has no value, and the
/// relocation mode there lives on a time scale of 1e-17 (rho + 1 - sigma near 0 puts half the market
/// weight below aR = 1e-92). Each path must reach a steady state where the static conditions hold.
/// </summary>
public class ExtremeDynamicsTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();
    static readonly Lazy<ModelEvaluator> Derived = new(() => new ModelEvaluator(ModelDeriver.Derive(Model)));

    // Drawn by R7.general-long-run (seed 20140101): rho - (sigma - 1) = 0.0036, fI = 232.
    static readonly Dictionary<string, double> NearBeta1 = new()
    {
        ["sigma"] = 1.06387, ["rho"] = 0.0674277, ["sE"] = 0.547536, ["phi"] = 0.615799,
        ["f"] = 44.2212, ["fI"] = 232.25, ["gammaR"] = 1550.83, ["gammaE"] = 2237.35,
    };

    static SimulationResult Run(string regime, IReadOnlyDictionary<string, double> point)
    {
        var dynamic = Model.FindDynamic(regime)!;
        var simulator = new DynamicSimulator(Model, dynamic) { Start = DerivedStart.For(Derived.Value, dynamic.StartRegime) };
        return simulator.Run(point, new SimulationOptions { MaxSteps = 20_000 });
    }

    /// <summary>An entrant's expected profit net of beachhead costs (the free-entry integral written out).</summary>
    static double Entry(IReadOnlyDictionary<string, double> p, double cD, double cX, double home, double abroad)
    {
        double sigma = p["sigma"], rho = p["rho"], f = p["f"], phi = p["phi"], alpha = rho + 1 - sigma;
        return home * rho * Math.Pow(cD, alpha) / alpha - f * Math.Pow(cD, rho) + phi * abroad * rho * Math.Pow(cX, alpha) / alpha - f * Math.Pow(cX, rho);
    }

    [Test]
    public void The_general_path_is_followed_and_its_steady_state_satisfies_the_static_conditions()
    {
        var p = NearBeta1;
        var path = Run("general", p);
        double B = path.End("B"), Bs = path.End("Bstar"), aD = path.End("aD"), aX = path.End("aX"), aDs = path.End("aDstar"), aXs = path.End("aXstar");
        Assert.That(path.Steady, Is.True);
        Assert.That(path.Series.Values.SelectMany(s => s).All(double.IsFinite), Is.True, "no NaN anywhere on the path");
        Assert.That(B / Bs - 1, Is.EqualTo(0).Within(1e-6), "location condition B = B*");
        Assert.That(Entry(p, aD, aX, B, Bs) / p["fI"] - 1, Is.EqualTo(0).Within(1e-6), "free entry in the North");
        Assert.That(Entry(p, aDs, aXs, Bs, B) / p["fI"] - 1, Is.EqualTo(0).Within(1e-6), "free entry in the South");
        Assert.That(Math.Pow(aD, 1 - p["sigma"]) * B / p["f"] - 1, Is.EqualTo(0).Within(1e-9), "domestic cut-off");
    }

    [Test]
    public void The_slow_entry_path_is_followed_and_ends_at_free_entry()
    {
        var p = NearBeta1;
        var path = Run("slow-entry", p);
        double B = path.End("B"), Bs = path.End("Bstar");
        Assert.That(path.Steady, Is.True);
        Assert.That(path.End("aR"), Is.EqualTo(0));
        Assert.That(Entry(p, path.End("aD"), path.End("aX"), B, Bs) / p["fI"] - 1, Is.EqualTo(0).Within(1e-6), "free entry in the North");
        Assert.That(Entry(p, path.End("aDstar"), path.End("aXstar"), Bs, B) / p["fI"] - 1, Is.EqualTo(0).Within(1e-6), "free entry in the South");
    }
}
