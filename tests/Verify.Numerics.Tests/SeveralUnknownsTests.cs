using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Numerics.Tests;

/// <summary>Several unknowns: damped Newton in the transformed coordinates.</summary>
public class SeveralUnknownsTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol U = Sym("u");
    static readonly Symbol V = Sym("v");
    static readonly Symbol K = Sym("k", SymbolSign.Positive);
    static readonly Dictionary<Symbol, double> None = [];

    [Test]
    public void ABoundMayBeAnotherUnknown()
    {
        // x^2 + y = 1/2 and 4y = x with 0 < y < x < 1: x = (sqrt(33/16) - 1/4)/2.
        var system = new RawSystem(
            [new(Pow(X, 2) + Y, Num(1, 2), "sum"), new(4 * Y, X, "ratio")],
            [RawUnknown.Between(Y, 0, X), RawUnknown.Between(X, 0, 1)],
            None);
        var solution = RawSolver.Solve(system);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        var x = (Math.Sqrt(33.0 / 16) - 0.25) / 2;
        Assert.That(solution[X], Is.EqualTo(x).Within(1e-13));
        Assert.That(solution[Y], Is.EqualTo(x / 4).Within(1e-13));
    }

    [Test]
    public void TheStartingGuessChoosesBetweenRoots()
    {
        // u^2 = 4, v = u: roots (2, 2) and (-2, -2).
        var system = new RawSystem([new(Pow(U, 2), 4, "square"), new(V, U, "equal")], [RawUnknown.Free(U), RawUnknown.Free(V)], None);
        var guess = new Dictionary<Symbol, double> { [U] = -1.5, [V] = -1 };
        var solution = RawSolver.Solve(system, new SolveOptions { InitialGuess = guess });
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution.Method, Does.Contain("the starting guess"));
        Assert.That(solution[U], Is.EqualTo(-2).Within(1e-13));
        Assert.That(solution[V], Is.EqualTo(-2).Within(1e-13));
    }

    [Test]
    public void MoreConditionsThanUnknownsIsGaussNewton()
    {
        var system = new RawSystem(
            [new(X + Y, 3, "sum"), new(X - Y, 1, "difference"), new(2 * X, 4, "double")],
            [RawUnknown.Positive(X), RawUnknown.Positive(Y)], None);
        var solution = RawSolver.Solve(system);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution[X], Is.EqualTo(2).Within(1e-12));
        Assert.That(solution[Y], Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void NoRootInTheDomainIsAFailureWithAReason()
    {
        // x + y = 1, x - y = 3 has its root at y = -1, outside y > 0.
        var system = new RawSystem([new(X + Y, 1, "sum"), new(X - Y, 3, "difference")],
            [RawUnknown.Positive(X), RawUnknown.Positive(Y)], None);
        var solution = RawSolver.Solve(system);
        TestContext.Out.WriteLine(solution);
        Assert.That(solution.Success, Is.False);
        Assert.That(solution.FailureReason, Does.Contain("starting points converged"));
        Assert.That(solution.MaxResidual, Is.GreaterThan(1e-12));
        Assert.That(solution.Values.Keys, Is.EquivalentTo(new[] { X, Y }), "the best point reached is reported");
    }

    [Test]
    public void APreparedSystemSolvesAtNewKnownValuesWithoutRebuilding()
    {
        // x*y = k, x = 2y: y = sqrt(k/2).
        var system = new RawSystem([new(X * Y, K, "product"), new(X, 2 * Y, "ratio")],
            [RawUnknown.Positive(X), RawUnknown.Positive(Y)], new Dictionary<Symbol, double> { [K] = 2 });
        var prepared = RawSolver.Prepare(system);
        foreach (var k in new[] { 2.0, 8.0, 0.02 })
        {
            var solution = prepared.Solve(new Dictionary<Symbol, double> { [K] = k });
            Assert.That(solution.Success, Is.True, solution.FailureReason);
            Assert.That(solution[Y], Is.EqualTo(Math.Sqrt(k / 2)).Within(1e-12 * Math.Sqrt(k)));
        }
        var bad = prepared.Solve(new Dictionary<Symbol, double> { [K] = double.NaN });
        Assert.That(bad.Success, Is.False);
        Assert.That(bad.FailureReason, Does.Contain("the known value of 'k' is NaN"));
    }
}
