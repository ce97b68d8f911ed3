using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Numerics.Tests;

/// <summary>
/// Roots the model's regimes make hard to find or to pin: one just above a non-strict bound at 0,
/// one beyond a bound (a failure that should come quickly), one the conditions barely see.
/// </summary>
public class HardRootTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.NonNegative);
    static readonly Dictionary<Symbol, double> None = [];

    [Test]
    public void ARootJustAboveANonStrictBoundAtZeroKeepsItsRelativePrecision()
    {
        // y^(1/20) = 1/10 with 0 <= y <= 1: y = 1e-20, as aR = 7e-23 when alpha is small. A bound
        // widened by a share of the domain's width would leave y a rounding error of the widening.
        var system = new RawSystem([new(Pow(Y, Num(1, 20)), Num(1, 10), "power"), new(X, 2, "x")],
            [RawUnknown.Between(Y, 0, 1, lowerStrict: false, upperStrict: false), RawUnknown.Between(X, 0, 5)], None);
        var solution = RawSolver.Solve(system);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[Y], Is.EqualTo(1e-20).Within(1e-10 * 1e-20));
    }

    [Test]
    public void IteratesPressedAgainstABoundGiveWayQuickly()
    {
        // Entry's interior phase where the North takes every firm (sE > 1/(1 + phi^beta)): its root
        // has sn > 1, and Newton from the autarky equilibrium runs sn onto its bound 1 and past it
        // (within the margin that lets a root sit on the bound).
        var model = Verify.Model.Language.ModelLoader.LoadBundled();
        var values = new Dictionary<string, double> { ["sigma"] = 1.544, ["rho"] = 3.436, ["sE"] = 0.8478, ["phi"] = 0.8887, ["f"] = 1.273 };
        values["fI"] = 0.5 * values["f"] / (values["rho"] / (values["sigma"] - 1) - 1);
        var point = model.Parameters.ToDictionary(p => p.Symbol, p => values[p.Symbol.Name]);
        var autarky = RegimeSystems.Prepare(model, model.FindRegime("autarky")!).Solve(point);
        var interior = RegimeSystems.Prepare(model, model.FindRegime("entry")!).System("interior");
        var solved = interior.Solve(point, null, SolveOptions.Default with { Restarts = 0, InitialGuess = autarky.Equilibrium });
        TestContext.Out.WriteLine(solved.Solution);
        Assert.That(solved.Success, Is.False);
        Assert.That(solved.Solution.FailureReason, Does.Contain("pressed against a bound").And.Contain("sn = 1"));
        Assert.That(solved.Solution.Iterations, Is.LessThan(20));
    }

    [Test]
    public void AnUnknownTheConditionsBarelySeeIsFoundAndMarkedLoose()
    {
        // (1 + 1e-10 y)/(1 + 3e-11) = 1 and x = 2: y = 0.3 moves the left side by 3e-11 only, below
        // what a finite difference of 1e-7 resolves; such columns are taken with larger steps.
        var system = new RawSystem([new(1 + Num(1, 10_000_000_000) * Y, 1 + Num(3, 100_000_000_000), "weak"), new(X, 2, "x")],
            [RawUnknown.Between(Y, 0, 1, lowerStrict: false, upperStrict: false), RawUnknown.Between(X, 0, 5)], None);
        var solution = RawSolver.Solve(system, SolveOptions.Default with { EstimateUncertainty = true });
        TestContext.Out.WriteLine(solution);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[Y], Is.EqualTo(0.3).Within(0.03), "pinned only to the residual tolerance over 1e-10");
        Assert.That(solution.Uncertainty![Y], Is.GreaterThan(1e-3));
        Assert.That(solution.Uncertainty[X], Is.LessThan(1e-10));
    }
}
