using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Numerics.Tests.Support;
using static Verify.Numerics.Tests.Support.FootlooseCapital;

namespace Verify.Numerics.Tests;

/// <summary>Two trading nations with free entry: eight unknowns, eight integrals, against the hand solution.</summary>
public class EntrySolveTests
{
    // sE is drawn below 1/(1 + phi^beta), where the North's share of firms sn stays below 1.
    static readonly FsCheck.Gen<Parameters> Points =
        from sigma in Properties.Uniform(1.2, 6)
        from rhoOffset in Properties.Uniform(0.2, 7)
        from f in Properties.Uniform(0.5, 2)
        from u in Properties.Uniform(0.02, 0.98)
        from phi in Properties.Uniform(0.05, 0.95)
        from share in Properties.Uniform(0.02, 0.98)
        let rho = sigma - 1 + rhoOffset
        let phiBeta = Math.Pow(phi, rho / (sigma - 1))
        select new Parameters(sigma, rho, 0.5 + share * (1 / (1 + phiBeta) - 0.5), f, u, phi);

    [Test]
    public void SolvesOneKnownPoint()
    {
        var p = new Parameters(Sigma: 4, Rho: 5, SE: 0.55, F: 1, U: 0.5, Phi: 0.3);
        var solution = RawSolver.Solve(Entry(p));
        TestContext.Out.WriteLine(solution);
        Assert.That(solution.Success, Is.True, solution.FailureReason);
        foreach (var (symbol, expected) in p.EntrySolution())
            Assert.That(solution[symbol], Is.EqualTo(expected).Within(1e-8).Percent, symbol.Name);
    }

    [Test]
    public void MatchesTheHandSolutionAcrossTheParameterSpace()
    {
        var prepared = RawSolver.Prepare(Entry(new Parameters(4, 5, 0.55, 1, 0.5, 0.3)));
        var timing = new SolveTiming("entry (8 unknowns)");
        Properties.Check(Points, p =>
        {
            var solution = timing.Solve(prepared, p.Known);
            var ok = solution.Success && solution.MaxResidual <= 1e-12
                     && p.EntrySolution().All(kv => Properties.CloseRelative(solution[kv.Key], kv.Value, 1e-8));
            if (!ok) TestContext.Out.WriteLine($"at {p}: {solution}");
            return ok;
        }, seed: 20140202, count: 100);
        timing.Print();
    }
}
