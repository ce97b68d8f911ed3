using System.Diagnostics;
using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics.Tests;

/// <summary>
/// A regime prepared once and solved at many points gives the values of systems built at each
/// point, at a fraction of the cost (the per-point times are printed); the extras it offers (a
/// value for the model's variable, residuals of a candidate, how firmly the unknowns are pinned).
/// </summary>
public class PreparedRegimeTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();
    static Regime RegimeNamed(string name) => Model.FindRegime(name) ?? throw new AssertionException($"no regime {name}");

    static IReadOnlyDictionary<Symbol, double> Point(double sigma, double rho, double sE, double phi, double f, double u)
    {
        var values = new Dictionary<string, double>
        {
            ["sigma"] = sigma, ["rho"] = rho, ["sE"] = sE, ["phi"] = phi, ["f"] = f, ["fI"] = u * f / (rho / (sigma - 1) - 1),
        };
        return Model.Parameters.ToDictionary(p => p.Symbol, p => values[p.Symbol.Name]);
    }

    /// <summary>A spread of admissible points: fI at a share u of its bound f/(beta - 1).</summary>
    static IEnumerable<IReadOnlyDictionary<Symbol, double>> Points(int count)
    {
        var random = new Random(20140214);
        for (int k = 0; k < count; k++)
        {
            var sigma = 1.2 + 5 * random.NextDouble();
            yield return Point(sigma, sigma - 1 + 0.1 + 6 * random.NextDouble(), 0.52 + 0.4 * random.NextDouble(),
                0.05 + 0.9 * random.NextDouble(), 0.3 + 3 * random.NextDouble(), 0.1 + 0.8 * random.NextDouble());
        }
    }

    [TestCase("autarky")]
    [TestCase("entry")]
    [TestCase("onset")]
    [TestCase("relocation")]
    [TestCase("relocation-entry")]
    public void APreparedRegimeGivesTheValuesOfSystemsBuiltAtEachPoint(string name)
    {
        const int count = 20;
        var autarky = RegimeSystems.Prepare(Model, RegimeNamed("autarky"));
        var prepared = RegimeSystems.Prepare(Model, RegimeNamed(name));
        double preparedMs = 0, builtMs = 0;
        int compared = 0;
        foreach (var point in Points(count))
        {
            var carried = autarky.Solve(point).Equilibrium!;
            // Both start from the autarky equilibrium, with few restarts: the same search on both sides.
            var options = SolveOptions.Default with { Restarts = 2, InitialGuess = carried };
            var clock = Stopwatch.StartNew();
            var fast = prepared.Solve(point, carried, options);
            preparedMs += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var built = BuildingEachPhase(RegimeNamed(name), point, carried, options);
            builtMs += clock.Elapsed.TotalMilliseconds;

            Assert.That(fast.Success, Is.EqualTo(built.Name is not null), string.Join("\n", fast.Attempts));
            if (!fast.Success) continue;
            Assert.That(fast.System.Name, Is.EqualTo(built.Name));
            Assert.That(fast.Equilibrium!.Keys.Select(s => s.Name), Is.EquivalentTo(built.Equilibrium!.Keys.Select(s => s.Name)));
            foreach (var (s, v) in built.Equilibrium)
                Assert.That(fast[s.Name], Is.EqualTo(v).Within(1e-14 * Math.Max(1, Math.Abs(v))), s.Name);
            compared++;
        }
        TestContext.Out.WriteLine($"{name}: {compared} of {count} points solved; per point {preparedMs / count:F2} ms prepared, " +
                                  $"{builtMs / count:F2} ms building and compiling each phase's system (same search)");
        Assert.That(compared, Is.EqualTo(count));
    }

    /// <summary>The phase rule over systems built at the point: (name, equilibrium), or (null, null) when no phase holds.</summary>
    static (string? Name, IReadOnlyDictionary<Symbol, double>? Equilibrium) BuildingEachPhase(
        Regime regime, IReadOnlyDictionary<Symbol, double> point, IReadOnlyDictionary<Symbol, double> carried, SolveOptions options)
    {
        var phases = regime.Phases.Count == 0 ? [null]
            : regime.Phases.Where(p => p.When.Count > 0).Concat(regime.Phases.Where(p => p.When.Count == 0)).Cast<Phase?>().ToList();
        foreach (var phase in phases)
        {
            var system = RegimeSystems.Build(Model, regime, phase, point, carried);
            var unknowns = system.Raw.Unknowns.Select(u => u.Symbol.Name).ToHashSet();
            var guess = options.InitialGuess!.Where(kv => unknowns.Contains(kv.Key.Name))
                .ToDictionary(kv => system.Raw.Unknowns.First(u => u.Symbol.Name == kv.Key.Name).Symbol, kv => kv.Value);
            var solution = system.Solve(options with { InitialGuess = guess });
            if (!solution.Success) continue;
            var equilibrium = system.Equilibrium(solution);
            if (system.WhenHolds(equilibrium)) return (system.Name, equilibrium);
        }
        return (null, null);
    }

    [Test]
    public void AValueForTheVariableGivesTheQuantitiesThatDependOnIt()
    {
        // The agglomerated phase of entry, where B != B*: the gain to moving North is not zero.
        var point = Point(sigma: 4, rho: 5, sE: 0.9, phi: 0.3, f: 1, u: 0.3);
        var entry = RegimeSystems.Prepare(Model, RegimeNamed("entry"));
        var without = entry.Solve(point);
        var with = entry.Solve(point, variable: 0.4);
        Assert.That(with.System.Phase?.Name, Is.EqualTo("agglomerated"));
        Assert.That(without.Equilibrium!.Keys.Select(s => s.Name), Does.Not.Contain("gain"));

        double b = with["B"], bStar = with["Bstar"], phi = 0.3, weight = Math.Pow(0.4, 1 - 4.0);
        double V(double here, double there) => Math.Max(0, weight * here - 1) + Math.Max(0, phi * weight * there - 1);
        Assert.That(with["gain"], Is.EqualTo(V(b, bStar) - V(bStar, b)).Within(1e-13 * V(b, bStar)));
        Assert.That(with["gain"], Is.Not.EqualTo(0).Within(1e-3));
    }

    [Test]
    public void ResidualsOfACandidateAreSmallAtTheRootAndNotElsewhere()
    {
        var point = Point(sigma: 3, rho: 4, sE: 0.6, phi: 0.3, f: 1, u: 0.5);
        var autarky = RegimeSystems.Prepare(Model, RegimeNamed("autarky")).Solve(point);
        var relocation = RegimeSystems.Prepare(Model, RegimeNamed("relocation"));
        var solved = relocation.Solve(point, autarky.Equilibrium);
        var system = relocation.System(solved.System.Phase!.Name);
        var values = solved.Equilibrium!.ToDictionary(kv => kv.Key.Name, kv => kv.Value);

        var atRoot = system.Residuals(point, autarky.Equilibrium, values)!;
        Assert.That(atRoot.Keys, Is.EquivalentTo(solved.Solution.Residuals.Keys));
        Assert.That(atRoot.Values.Max(Math.Abs), Is.LessThanOrEqualTo(1e-12));

        values["aX"] *= 1 + 1e-6;
        Assert.That(system.Residuals(point, autarky.Equilibrium, values)!.Values.Max(Math.Abs), Is.GreaterThan(1e-8));
        values.Remove("B");
        Assert.That(system.Residuals(point, autarky.Equilibrium, values), Is.Null, "a missing unknown");
    }

    /// <summary>
    /// With sE near 1/2 few Southern firms move: aR enters the market sums only through
    /// C(0, aR) ~ aR^alpha, a sliver of C(0, aD), so the conditions pin it far more loosely than B.
    /// </summary>
    [Test]
    public void TheUncertaintySaysWhichUnknownsTheConditionsPinLoosely()
    {
        var point = Point(sigma: 2.1236564, rho: 9.4108605, sE: 0.60882992, phi: 0.1371488, f: 2.3033408, u: 0.2347853);
        var options = SolveOptions.Default with { EstimateUncertainty = true };
        var autarky = RegimeSystems.Prepare(Model, RegimeNamed("autarky")).Solve(point, options: options);
        var solved = RegimeSystems.Prepare(Model, RegimeNamed("relocation")).Solve(point, autarky.Equilibrium, options);
        Assert.That(solved.Success, Is.True, string.Join("\n", solved.Attempts));
        var uncertainty = solved.Solution.Uncertainty!.ToDictionary(kv => kv.Key.Name, kv => kv.Value);
        TestContext.Out.WriteLine(string.Join(", ", uncertainty.Select(kv => $"{kv.Key} {kv.Value:E1}")));
        Assert.That(uncertainty.Keys, Is.EquivalentTo(new[] { "aR", "aX", "B", "Bstar" }));
        Assert.That(uncertainty["B"], Is.LessThan(1e-10));
        Assert.That(uncertainty["aR"], Is.GreaterThan(1e-8), "not pinned to 1e-8");
        Assert.That(RegimeSystems.Prepare(Model, RegimeNamed("relocation")).Solve(point, autarky.Equilibrium).Solution.Uncertainty,
            Is.Null, "estimated only when asked for");
    }
}
