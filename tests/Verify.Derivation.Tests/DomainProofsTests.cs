using NUnit.Framework;
using Verify.Derivation.Persistence;
using Verify.Derivation.Tests.Support;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Tests;

/// <summary>
/// The unknowns' domain relations a phase's values are proved to meet (and which evaluation then
/// skips) do hold, in double precision, at random admissible points; the proofs are not vacuous
/// (B &gt; 0 is proved, aD &lt; 1 is not, as it depends on the parameters); and a stored derivation
/// reads them back.
/// </summary>
public class DomainProofsTests
{
    [Test]
    public void EveryRelationProvedHoldsAtRandomAdmissiblePoints()
    {
        var derivation = Bundled.Derivation;
        var model = Bundled.Model;
        var inputs = model.Parameters.Select(p => p.Symbol).Append(model.Variable!.Symbol).ToList();
        var derived = model.Derived.ToDictionary(d => (Expr)d.Symbol, d => d.Definition);
        int proved = 0, tested = 0;
        var checks = new List<(string Where, Relation Relation, Func<double[], double> Left, Func<double[], double> Right)>();
        foreach (var phase in derivation.Regimes.SelectMany(r => r.Phases))
        {
            var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
            foreach (var r in phase.DomainsProved)
            {
                proved++;
                checks.Add((phase.Key, r,
                    Compiler.Compile(r.Left.Substitute(values).Substitute(derived), inputs),
                    Compiler.Compile(r.Right.Substitute(values).Substitute(derived), inputs)));
            }
        }
        CrossCheckRunner.Check(BundledPoints.WithCost, draw =>
        {
            var point = draw.Point.ByName();
            var x = inputs.Select(s => s.Name == model.Variable.Symbol.Name ? draw.A : point[s.Name]).ToArray();
            foreach (var (where, relation, left, right) in checks)
            {
                double l = left(x), r = right(x);
                if (!double.IsFinite(l) || !double.IsFinite(r)) continue;
                tested++;
                if (!Relation.Holds(l, relation.Operator, r))
                    throw new AssertionException($"{where}: {relation} was proved, but at {draw} its sides are {l:R} and {r:R}");
            }
            return true;
        }, 20261209UL, 300, "proved domain relations");
        TestContext.Out.WriteLine($"{proved} relations proved over all phases, tested {tested} times");
        Assert.That(proved, Is.GreaterThan(20));
        Assert.That(tested, Is.GreaterThan(proved * 200));
    }

    [Test]
    public void WhatDependsOnTheParametersIsNotProved()
    {
        var interior = Bundled.Derivation.Regime("entry")!.Phase("interior")!;
        var proved = interior.DomainsProved.Select(r => r.ToString()).ToList();
        Assert.That(proved, Does.Contain("B > 0"));
        Assert.That(proved, Does.Not.Contain("aD < 1"));
        Assert.That(proved, Does.Not.Contain("sn <= 1"));
    }

    [Test]
    public void AStoredDerivationReadsThemBack()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"verify-domains-{Guid.NewGuid():N}");
        try
        {
            Assert.That(DerivationFile.TrySave(directory, Bundled.Model, Bundled.Derivation), Is.True);
            var stored = DerivationFile.TryLoad(directory, Bundled.Model)!;
            foreach (var regime in Bundled.Derivation.Regimes)
                foreach (var phase in regime.Phases)
                    Assert.That(stored.Regime(regime.Regime.Name)!.Phases.Single(p => p.Key == phase.Key).DomainsProved, Is.EqualTo(phase.DomainsProved), phase.Key);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
