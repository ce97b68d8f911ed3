using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Numerics.Tests;

/// <summary>One unknown, one condition: the sign-change scan and Brent.</summary>
public class OneUnknownTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol A = Sym("a", SymbolSign.Positive);
    static readonly Symbol K = Sym("k", SymbolSign.Positive);
    static readonly Dictionary<Symbol, double> None = [];

    static RawSystem One(Expr left, Expr right, RawUnknown unknown, IReadOnlyDictionary<Symbol, double>? known = null) =>
        new([new RawCondition(left, right, "c")], [unknown], known ?? None);

    [Test]
    public void FindsTheRootInsideItsBounds()
    {
        var solution = RawSolver.Solve(One(Pow(X, 3), 2, RawUnknown.Between(X, 0, 10)));
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution.Method, Does.StartWith("bracketing"));
        Assert.That(solution[X], Is.EqualTo(Math.Cbrt(2)).Within(1e-14));
        Assert.That(solution.MaxResidual, Is.LessThanOrEqualTo(1e-12));
    }

    [Test]
    public void AnIntegralConditionIsSolvedByQuadrature()
    {
        // ∫_0^x a^(-1/2) da = 2 sqrt(x) = 1 at x = 1/4; the integrand is singular at 0.
        var solution = RawSolver.Solve(One(Integral(Pow(A, Num(-1, 2)), A, 0, X), 1, RawUnknown.Between(X, 0, 1)));
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[X], Is.EqualTo(0.25).Within(1e-14));
    }

    [Test]
    public void BoundsMayUseKnownValues()
    {
        // x^2 = k on (0, k): with k = 9 the root 3 is inside.
        var system = One(Pow(X, 2), K, RawUnknown.Between(X, 0, K), new Dictionary<Symbol, double> { [K] = 9 });
        Assert.That(RawSolver.Solve(system)[X], Is.EqualTo(3).Within(1e-13));
    }

    [Test]
    public void SeveralRootsAreReportedAndTheGuessPicksOne()
    {
        var y = Sym("y");
        var cubic = One((y - 1) * (y - 2) * (y - 3), 0, RawUnknown.Free(y));
        var solution = RawSolver.Solve(cubic, new SolveOptions { InitialGuess = new Dictionary<Symbol, double> { [y] = 2.9 }, ResidualFloor = 1e-12 });
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[y], Is.EqualTo(3).Within(1e-12));
        Assert.That(solution.Notes, Has.Some.Contains("changes sign 3 times"));
    }

    [Test]
    public void ARootOnANonStrictBoundIsFound()
    {
        var solution = RawSolver.Solve(One(Pow(X, 2), 1, RawUnknown.Between(X, 1, 2, lowerStrict: false)));
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[X], Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void ARootOnAStrictBoundIsNotInTheDomain()
    {
        var solution = RawSolver.Solve(One(Pow(X, 2), 1, RawUnknown.Between(X, 1, 2)));
        Assert.That(solution.Success, Is.False);
        Assert.That(solution.FailureReason, Does.Contain("does not change sign"));
    }

    [Test]
    public void NoRootInTheBoundsIsAFailureWithAReason()
    {
        var solution = RawSolver.Solve(One(Pow(X, 2) + 1, 0, RawUnknown.Positive(X)));
        TestContext.Out.WriteLine(solution);
        Assert.That(solution.Success, Is.False);
        Assert.That(solution.FailureReason, Does.Contain("residual of 'c' does not change sign"));
        Assert.That(solution.MaxResidual, Is.GreaterThan(1e-12));
    }

    [Test]
    public void AConditionWhoseSidesBothVanishNeedsAResidualFloor()
    {
        // y - 3/10 = 0: relative to |y - 3/10| + 0 the gap is 1 at every other y, so zero needs a scale.
        var y = Sym("y");
        var system = One(y - Num(3, 10), 0, RawUnknown.Free(y));
        var unscaled = RawSolver.Solve(system);
        Assert.That(unscaled.Success, Is.False);
        Assert.That(unscaled.FailureReason, Does.Contain("refines to a residual within"));
        var floored = RawSolver.Solve(system, new SolveOptions { ResidualFloor = 1e-9 });
        Assert.That(floored.Success, Is.True, floored.FailureReason);
        Assert.That(floored[y], Is.EqualTo(0.3).Within(1e-15));
    }
}
