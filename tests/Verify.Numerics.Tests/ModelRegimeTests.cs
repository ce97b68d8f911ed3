using NUnit.Framework;
using Verify.Model.Language;
using Verify.Numerics.Tests.Support;
using Verify.Symbolic.Core;

namespace Verify.Numerics.Tests;

/// <summary>
/// The bundled model file's regimes, turned into raw systems by <see cref="RegimeSystems"/> and
/// solved, against solutions derived by hand from the same conditions.
/// </summary>
public class ModelRegimeTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();

    static Regime RegimeNamed(string name) => Model.FindRegime(name) ?? throw new AssertionException($"no regime {name}");

    static IReadOnlyDictionary<Symbol, double> ParameterValues(FootlooseCapital.Parameters p) =>
        Model.Parameters.ToDictionary(q => q.Symbol, q => q.Symbol.Name switch
        {
            "sigma" => p.Sigma, "rho" => p.Rho, "sE" => p.SE, "phi" => p.Phi, "f" => p.F, "fI" => p.FI,
            var other => throw new AssertionException($"unexpected parameter {other}"),
        });

    static void AssertValues(RegimeSolution solved, IEnumerable<(string Name, double Expected)> expected)
    {
        foreach (var (name, value) in expected)
            Assert.That(solved[name], Is.EqualTo(value).Within(1e-8 * Math.Abs(value)), name);
    }

    [TestCase(4.0, 5.0, 0.6, 1.0, 0.5)]
    [TestCase(1.3, 0.6, 0.9, 0.7, 0.05)]
    [TestCase(5.5, 11.0, 0.51, 1.8, 0.95)]
    public void AutarkyOfBothNations(double sigma, double rho, double sE, double f, double u)
    {
        var p = new FootlooseCapital.Parameters(sigma, rho, sE, f, u);
        var solved = RegimeSolver.Solve(Model, RegimeNamed("autarky"), ParameterValues(p));
        TestContext.Out.WriteLine(solved.Solution);
        Assert.That(solved.Success, Is.True, solved.Solution.FailureReason);
        Assert.That(solved.Solution.Values, Has.Count.EqualTo(6));

        var aD = Math.Pow((p.Beta - 1) * p.FI / p.F, 1 / p.Rho);
        var b = p.F * Math.Pow(aD, p.Sigma - 1);
        AssertValues(solved, [
            ("aD", aD), ("aDstar", aD), ("B", b), ("Bstar", b),
            ("n", p.SE * p.Alpha / (p.Rho * p.F)), ("nstar", (1 - p.SE) * p.Alpha / (p.Rho * p.F)),
            ("nw", p.Alpha / (p.Rho * p.F)), ("sn", p.SE),        // quantities, evaluated on the solution
            ("beta", p.Beta), ("alpha", p.Alpha),                   // derived parameters, from their definitions
        ]);
    }

    [TestCase(4.0, 5.0, 0.55, 1.0, 0.5, 0.3)]
    [TestCase(1.5, 3.0, 0.7, 1.2, 0.3, 0.1)]
    [TestCase(3.0, 8.0, 0.6, 0.8, 0.8, 0.9)]
    public void EntryInteriorPhase(double sigma, double rho, double sE, double f, double u, double phi)
    {
        var p = new FootlooseCapital.Parameters(sigma, rho, sE, f, u, phi);
        Assert.That(p.SE, Is.LessThan(1 / (1 + p.PhiBeta)), "the interior phase needs sE < 1/(1 + phi^beta)");
        var solved = RegimeSolver.Solve(Model, RegimeNamed("entry"), ParameterValues(p));
        TestContext.Out.WriteLine(string.Join("\n", solved.Attempts));
        Assert.That(solved.Success, Is.True, solved.Solution.FailureReason);
        Assert.That(solved.System.Phase?.Name, Is.EqualTo("interior"));
        AssertValues(solved, p.EntrySolution().Select(kv => (kv.Key.Name, kv.Value)));
    }

    /// <summary>
    /// Past sE = 1/(1 + phi^beta) the interior phase has no root with sn &lt;= 1, and the fallback
    /// phase (sn = 1, the South's free entry dropped) holds. By hand, with K = (beta - 1) fI/f:
    /// aD^rho = sE K, aX^rho = (1 - sE) K, nw = sE alpha/(rho f), B = f aD^(sigma-1),
    /// Bstar = f aX^(sigma-1)/phi, aDstar = aX phi^(-1/(sigma-1)), aXstar = phi^(1/(sigma-1)) aD.
    /// </summary>
    [TestCase(4.0, 5.0, 0.9, 1.0, 0.3, 0.3)]
    [TestCase(2.0, 3.0, 0.95, 1.5, 0.6, 0.5)]
    public void EntryAgglomeratedPhase(double sigma, double rho, double sE, double f, double u, double phi)
    {
        var p = new FootlooseCapital.Parameters(sigma, rho, sE, f, u, phi);
        Assert.That(p.SE, Is.GreaterThan(1 / (1 + p.PhiBeta)));
        var solved = RegimeSolver.Solve(Model, RegimeNamed("entry"), ParameterValues(p));
        TestContext.Out.WriteLine(string.Join("\n", solved.Attempts));
        Assert.That(solved.Success, Is.True, solved.Solution.FailureReason);
        Assert.That(solved.System.Phase?.Name, Is.EqualTo("agglomerated"));

        var k = (p.Beta - 1) * p.FI / p.F;
        var aD = Math.Pow(p.SE * k, 1 / p.Rho);
        var aX = Math.Pow((1 - p.SE) * k, 1 / p.Rho);
        var aDstar = aX * Math.Pow(p.Phi, -1 / (p.Sigma - 1));
        Assert.That(aDstar, Is.LessThan(1), "the South's cut-off must lie in its domain");
        AssertValues(solved, [
            ("aD", aD), ("aX", aX), ("aDstar", aDstar), ("aXstar", Math.Pow(p.Phi, 1 / (p.Sigma - 1)) * aD),
            ("B", p.F * Math.Pow(aD, p.Sigma - 1)), ("Bstar", p.F * Math.Pow(aX, p.Sigma - 1) / p.Phi),
            ("nw", p.SE * p.Alpha / (p.Rho * p.F)), ("sn", 1),
        ]);
    }

    /// <summary>
    /// Onset carries aD, nw and sn from autarky. Its solution is checked against the demand
    /// conditions written with the closed form C(0, x) = rho x^alpha/alpha, which the solver never
    /// sees: it integrates.
    /// </summary>
    [Test]
    public void OnsetCarriesTheAutarkyEquilibrium()
    {
        var p = new FootlooseCapital.Parameters(Sigma: 3, Rho: 4, SE: 0.6, F: 1, U: 0.5, Phi: 0.4);
        var autarky = RegimeSolver.Solve(Model, RegimeNamed("autarky"), ParameterValues(p));
        Assert.That(autarky.Success, Is.True, autarky.Solution.FailureReason);

        var onset = RegimeSolver.Solve(Model, RegimeNamed("onset"), ParameterValues(p), autarky.Equilibrium);
        TestContext.Out.WriteLine(onset.Solution);
        Assert.That(onset.Success, Is.True, onset.Solution.FailureReason);

        double C(double x) => p.Rho * Math.Pow(x, p.Alpha) / p.Alpha;
        double aD = onset["aD"], nw = onset["nw"], sn = onset["sn"], phi = p.Phi;
        double b = onset["B"], bStar = onset["Bstar"], aX = onset["aX"], aXstar = onset["aXstar"];
        Assert.That(sn, Is.EqualTo(p.SE).Within(1e-12), "carried from autarky");
        var rhoPower = Math.Pow(aD, p.Rho);
        Assert.That(b, Is.EqualTo(p.SE / (nw * (sn * C(aD) + phi * (1 - sn) * C(aXstar)) / rhoPower)).Within(1e-10 * b));
        Assert.That(bStar, Is.EqualTo((1 - p.SE) / (nw * ((1 - sn) * C(aD) + phi * sn * C(aX)) / rhoPower)).Within(1e-10 * bStar));
        Assert.That(Math.Pow(aX, 1 - p.Sigma) * phi * bStar, Is.EqualTo(p.F).Within(1e-10));
    }

    [Test]
    public void AMissingCarriedValueIsAReportedFailure()
    {
        var p = new FootlooseCapital.Parameters(Sigma: 3, Rho: 4, SE: 0.6, F: 1, U: 0.5, Phi: 0.4);
        var onset = RegimeSolver.Solve(Model, RegimeNamed("onset"), ParameterValues(p), carried: null);
        Assert.That(onset.Success, Is.False);
        Assert.That(onset.Solution.FailureReason, Does.Contain("no value carried for 'aD' from 'autarky'"));
    }
}
