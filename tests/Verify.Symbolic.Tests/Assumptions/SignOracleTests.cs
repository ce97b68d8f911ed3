using NUnit.Framework;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Assumptions;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

public class SignOracleTests
{
    static readonly Assumptions M = Declared();
    static readonly Symbol R = Sym("r");

    [Test] public void AlphaIsPositiveFromRhoAboveSigmaMinusOne() =>
        Assert.That(M.SignOf(Rho + 1 - Sigma), Is.EqualTo(SignSet.Positive));

    [Test] public void RhoIsPositiveThroughSigma() =>
        Assert.That(M.BoundsOf(Rho).ToString(), Is.EqualTo("(0, inf)"));

    [Test] public void OneMinusPhiToTheBetaIsPositive()
    {
        Assert.That(M.IntervalOf(Pow(Phi, Beta)).ToString(), Is.EqualTo("[0, 1)"));
        Assert.That(M.SignOf(1 - Pow(Phi, Beta)), Is.EqualTo(SignSet.Positive));
    }

    [Test] public void ExpenditureShareFacts()
    {
        Assert.That(M.SignOf(2 * SE - 1), Is.EqualTo(SignSet.Positive));
        Assert.That(M.SignOf(Ln(SE)), Is.EqualTo(SignSet.Negative));
        var ratio = (1 - SE) / SE;
        Assert.That(M.IntervalOf(ratio).ToString(), Is.EqualTo("(0, 1)"));
        Assert.That(M.Proves(Model.Lt(ratio, 1)), Is.True);
    }

    [Test] public void BeachheadConstraintReadsLinearlyInProducts()
    {
        Assert.That(M.SignOf(F - Beta * FI + FI), Is.EqualTo(SignSet.Positive));
        Assert.That(M.SignOf(F - (Beta - 1) * FI), Is.EqualTo(SignSet.Positive));
        Assert.That(M.SignOf(F - Beta * FI), Is.EqualTo(SignSet.Any), "f - beta*fI can have either sign");
    }

    [Test] public void ClosedAndOpenEndsAreKeptApart()
    {
        Assert.That(M.SignOf(Phi), Is.EqualTo(SignSet.NonNegative), "phi may be 0");
        Assert.That(M.SignOf(1 - Phi), Is.EqualTo(SignSet.Positive));
        Assert.That(M.SignOf(1 - A), Is.EqualTo(SignSet.NonNegative), "a may be 1");
        Assert.That(M.SignOf(1 - AD), Is.EqualTo(SignSet.Positive));
        Assert.That(M.SignOf(Pow(Phi, Beta)), Is.EqualTo(SignSet.NonNegative));
    }

    [Test] public void UnknownSignsStayUnknown()
    {
        Assert.That(M.SignOf(Sigma - 2), Is.EqualTo(SignSet.Any));
        Assert.That(M.SignOf(Ln(Alpha)), Is.EqualTo(SignSet.Any));
        Assert.That(M.SignOf(R), Is.EqualTo(SignSet.Any));
        Assert.That(M.SignOf(Beta - Rho), Is.EqualTo(SignSet.Any));
    }

    [Test] public void DerivedParametersAreBoundedThroughTheirDefinitions()
    {
        var d = Derived();
        Assert.That(d.SignOf(Alpha), Is.EqualTo(SignSet.Positive));
        Assert.That(d.SignOf(Beta - 1), Is.EqualTo(SignSet.Positive));
        Assert.That(d.SignOf(Alpha - (Rho + 1 - Sigma)), Is.EqualTo(SignSet.Zero));
    }

    [Test] public void NotEqualRelationExcludesZero()
    {
        var x = Sym("x");
        var a = new Assumptions([new Relation(x, RelationOperator.NotEqual, 2)]);
        Assert.That(a.SignOf(x - 2), Is.EqualTo(SignSet.NonZero));
        Assert.That(a.SignOf(3 * x - 6), Is.EqualTo(SignSet.NonZero));
        Assert.That(a.SignOf(x - 1), Is.EqualTo(SignSet.Any));
    }

    [Test] public void ContradictionsAreRejectedWithTheRelations()
    {
        var x = Sym("x");
        var ex = Assert.Throws<ArgumentException>(() => new Assumptions([Gt(x, 1), Lt(x, 0)]));
        Assert.That(ex!.Message, Does.Contain("contradict"));
        Assert.Throws<ArgumentException>(() => new Assumptions([Gt(Sigma, 2), Lt(Sigma, 2)]));
        Assert.Throws<ArgumentException>(() => new Assumptions([Lt(F, 0)]), "f is declared positive");
    }

    [Test] public void ProvesRecordsTheSideCondition()
    {
        var a = Declared();
        Assert.That(a.Proves(Rho + 1 - Sigma, SignSet.Positive, "test rule"), Is.True);
        Assert.That(a.Proves(Sigma - 2, SignSet.Positive, "test rule"), Is.False);
        Assert.That(a.Trace, Is.EqualTo(new[] { new SideCondition("test rule", Rho + 1 - Sigma, SignSet.Positive) }));
        a.ClearTrace();
        Assert.That(a.Trace, Is.Empty);
    }

    [Test] public void TraceScopeSeesOnlyItsOwnConditions()
    {
        var a = Declared();
        a.Proves(Beta - 1, SignSet.Positive, "before");
        using (var scope = a.BeginTrace())
        {
            a.Proves(1 - Phi, SignSet.Positive, "inside");
            a.Proves(1 - Phi, SignSet.Positive, "inside");
            Assert.That(scope.Conditions.Select(c => c.Rule), Is.EqualTo(new[] { "inside" }));
        }
        a.Proves(SE, SignSet.Positive, "after");
        Assert.That(a.Trace.Select(c => c.Rule), Is.EqualTo(new[] { "before", "inside", "after" }));
    }

    [Test] public void CanonicalRulesAskTheOracleAndTheTraceSaysWhy()
    {
        var a = Declared();
        var e = Canonical.Pow(Pow(Beta - 1, Num(1, 3)), 3 * Rho, a);
        Assert.That(e, Is.EqualTo(Pow(Beta - 1, Rho)));
        Assert.That(a.Trace, Has.Some.Matches<SideCondition>(c =>
            c!.Rule == Canonical.RulePowerOfPower && c.Expression.Equals(Beta - 1) && c.Sign == SignSet.NonNegative));
    }

    [Test] public void BadInputIsAClearError()
    {
        Assert.Throws<ArgumentNullException>(() => new Assumptions(null!));
        Assert.Throws<ArgumentException>(() => new Assumptions([null!]));
        Assert.Throws<ArgumentNullException>(() => M.SignOf(null!));
    }
}

/// <summary>A sum linear in two bounded symbols: a non-strict sign from the first does not hide a strict one from the second.</summary>
public class LinearEndpointTests
{
    [Test]
    public void AShareOfFirmsWeightedByFreeness()
    {
        // phi + sn - phi*sn > 0 for 0 < phi < 1, 0 <= sn <= 1: in sn its ends are phi > 0 and 1.
        var phi = Sym("phi", SymbolSign.Positive);
        var sn = Sym("sn", SymbolSign.NonNegative);
        var oracle = new Assumptions([Gt(phi, 0), Lt(phi, 1), Le(sn, 1)]);
        Assert.That(oracle.SignOf(phi + sn - phi * sn), Is.EqualTo(SignSet.Positive));
        Assert.That(oracle.SignOf(sn - phi * sn - 1), Is.EqualTo(SignSet.Negative));
    }
}

/// <summary>Factoring is tried on sums up to <see cref="Assumptions.FactoringLimit"/> nodes; a larger one keeps its structural sign, at once.</summary>
public class FactoringLimitTests
{
    // Sum over k of y_k*(phi + sn - phi*sn), written out: positive, which only the factored form shows
    // (its ends in sn are sum phi*y_k > 0 and sum y_k > 0). Each y_k is a large positive atom, so that
    // the sum outgrows the limit with few atoms (the linear range of a sum of hundreds of atoms is slow).
    static Expr Spread(int terms, Symbol phi, Symbol sn)
    {
        var w = Sym("w", SymbolSign.Positive);
        var ys = Enumerable.Range(1, terms).Select(k => Exp(Add(Enumerable.Range(0, 30).Select(j => Pow(w, Num(k + j))))));
        return Add(ys.SelectMany(y => new[] { phi * y, sn * y, -(phi * sn * y) }));
    }

    [Test]
    public void ASmallSumIsFactoredALargeOneIsNot()
    {
        var phi = Sym("phi", SymbolSign.Positive);
        var sn = Sym("sn", SymbolSign.NonNegative);
        var oracle = new Assumptions([Gt(phi, 0), Lt(phi, 1), Le(sn, 1)]);
        var small = Spread(1, phi, sn);
        Assert.That(small.Size, Is.LessThanOrEqualTo(Assumptions.FactoringLimit));
        Assert.That(oracle.SignOf(small), Is.EqualTo(SignSet.Positive));

        var large = Spread(5, phi, sn);
        Assert.That(large.Size, Is.GreaterThan(Assumptions.FactoringLimit));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(oracle.SignOf(large), Is.EqualTo(SignSet.Any), "beyond the limit only structure and intervals answer");
        Assert.That(clock.Elapsed.TotalSeconds, Is.LessThan(1));
    }
}
