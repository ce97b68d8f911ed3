using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Assumptions;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

public class SamplingTests
{
    [Test]
    public void PointsSatisfyEveryRelation()
    {
        var m = Declared();
        var points = m.Sample(new Random(1), 500);
        Assert.That(points, Has.Count.EqualTo(500));
        Assert.That(points.Select(m.Violation), Has.All.Null);
        Assert.That(points.All(p => p[Rho] > p[Sigma] - 1 && (p[Beta] - 1) * p[FI] < p[F]), Is.True);
    }

    [Test]
    public void ClosedEndsAndNearbyValuesAreVisited()
    {
        var points = Declared().Sample(new Random(2), 500);
        Assert.That(points.Count(p => p[Phi] == 0), Is.GreaterThan(0), "phi = 0 is allowed");
        Assert.That(points.Count(p => p[A] == 1), Is.GreaterThan(0), "a = 1 is allowed");
        Assert.That(points.Count(p => p[SE] - 0.5 < 1e-3), Is.GreaterThan(0), "sE near its open end");
        Assert.That(points.All(p => p[SE] > 0.5 && p[SE] < 1 && p[AD] < 1), Is.True);
    }

    [Test]
    public void DefinedSymbolsAreComputed()
    {
        var d = Derived();
        var points = d.Sample(new Random(3), 200);
        Assert.That(points.Select(d.Violation), Has.All.Null);
        Assert.That(points.All(p => Math.Abs(p[Beta] - p[Rho] / (p[Sigma] - 1)) <= 1e-12 * p[Beta]), Is.True);
    }

    [Test]
    public void ExtraSymbolsAreDrawnByTheirDeclaredSign()
    {
        var q = Sym("q", SymbolSign.Positive); var r = Sym("r");
        var points = Declared().Sample(new Random(4), 200, [q, r]);
        Assert.That(points.All(p => p[q] > 0), Is.True);
        Assert.That(points.Any(p => p[r] < 0) && points.Any(p => p[r] > 0), Is.True);
    }

    [Test]
    public void ViolationNamesTheRelation()
    {
        var m = Declared();
        var p = new Dictionary<Symbol, double>(m.Sample(new Random(5), 1)[0]) { [Rho] = 0.1, [Sigma] = 3 };
        Assert.That(m.Violation(p), Does.StartWith("rho > sigma - 1"));
        var missing = new Dictionary<Symbol, double> { [Sigma] = 2 };
        var ex = Assert.Throws<ArgumentException>(() => m.Violation(missing));
        Assert.That(ex!.Message, Does.Contain("rho"));
    }

    [Test]
    public void ImpossibleSamplingIsAClearError()
    {
        // Not contradictory as far as bounds and linear reasoning see (x^2 - 2xy + y^2 < 0 with xy near 1),
        // but (x - y)^2 < 0 never holds.
        var x = Sym("x"); var y = Sym("y");
        var a = new Assumptions([Lt(Pow(x - y, 2), 0), Gt(x, -1), Lt(x, 1), Gt(y, -1), Lt(y, 1)]);
        var ex = Assert.Throws<InvalidOperationException>(() => a.Sample(new Random(6), 5));
        Assert.That(ex!.Message, Does.Contain("(x - y)^2 < 0"));
        // One a linear reading does catch is rejected when the assumptions are built.
        Assert.Throws<ArgumentException>(() => new Assumptions([Lt(Pow(x, 2) + 1, Num(1, 2))]));
    }
}
