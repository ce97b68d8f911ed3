using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Numerics.Tests.Support;
using static Verify.Numerics.Tests.Support.FootlooseCapital;

namespace Verify.Numerics.Tests;

/// <summary>The one-nation equilibrium, solved from its integrals, against the hand solution.</summary>
public class AutarkySolveTests
{
    static readonly FsCheck.Gen<Parameters> Points =
        from sigma in Properties.Uniform(1.2, 6)
        from rhoOffset in Properties.Uniform(0.2, 7)          // rho in (sigma - 1 + 0.2, sigma + 6)
        from sE in Properties.Uniform(0.5, 1)
        from f in Properties.Uniform(0.5, 2)
        from u in Properties.Uniform(0.02, 0.98)               // (beta - 1) fI = u f < f
        select new Parameters(sigma, sigma - 1 + rhoOffset, sE, f, u);

    [Test]
    public void SolvesOneKnownPoint()
    {
        var p = new Parameters(Sigma: 4, Rho: 5, SE: 0.6, F: 1, U: 0.5);
        var solution = RawSolver.Solve(Autarky(p));
        TestContext.Out.WriteLine(solution);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        Assert.That(solution.MaxResidual, Is.LessThanOrEqualTo(1e-12));
        foreach (var (symbol, expected) in p.AutarkySolution())
            Assert.That(solution[symbol], Is.EqualTo(expected).Within(1e-8).Percent, symbol.Name);
    }

    [Test]
    public void MatchesTheHandSolutionAcrossTheParameterSpace()
    {
        // Compiled once; each draw only changes the known values.
        var prepared = RawSolver.Prepare(Autarky(new Parameters(4, 5, 0.6, 1, 0.5)));
        var timing = new SolveTiming("autarky (3 unknowns)");
        Properties.Check(Points, p =>
        {
            var solution = timing.Solve(prepared, p.Known);
            var ok = solution.Success && solution.MaxResidual <= 1e-12
                     && p.AutarkySolution().All(kv => Properties.CloseRelative(solution[kv.Key], kv.Value, 1e-8));
            if (!ok) TestContext.Out.WriteLine($"at {p}: {solution}");
            return ok;
        }, seed: 20140101, count: 200);
        timing.Print();
    }
}
