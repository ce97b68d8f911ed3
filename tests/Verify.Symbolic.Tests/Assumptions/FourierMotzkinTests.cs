using NUnit.Framework;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Assumptions;

public class FourierMotzkinTests
{
    static readonly Symbol X = Sym("x"), Y = Sym("y"), Z = Sym("z");

    static LinearConstraint C(Expr e, SignSet s) => LinearConstraint.FromSign(LinearForm.Of(e), s, e.ToString()).Single();

    [Test]
    public void ProjectsOntoASum()
    {
        // x >= 1, y > 2, x + y <= 10: x - y reaches -8 at (1, 9) and stays below 10 - 2y < 6.
        var cs = new[] { C(X - 1, SignSet.NonNegative), C(Y - 2, SignSet.Positive), C(X + Y - 10, SignSet.NonPositive) };
        Assert.That(FourierMotzkin.Project(cs, LinearForm.Of(X - Y)).ToString(), Is.EqualTo("[-8, 6)"));
        Assert.That(FourierMotzkin.Project(cs, LinearForm.Of(X + Y)).ToString(), Is.EqualTo("(3, 10]"));
    }

    [Test]
    public void EqualitiesAreSubstituted()
    {
        var cs = new[] { C(X - 2 * Y, SignSet.Zero), C(Y - 1, SignSet.Positive) };
        Assert.That(FourierMotzkin.Project(cs, LinearForm.Of(X)).ToString(), Is.EqualTo("(2, inf)"));
    }

    [Test]
    public void ContradictionsAreFound()
    {
        var cs = new[] { C(X - Y, SignSet.Positive), C(Y - Z, SignSet.Positive), C(Z - X, SignSet.Positive) };
        Assert.That(FourierMotzkin.IsFeasible(cs), Is.False);
        var weak = new[] { C(X - Y, SignSet.NonNegative), C(Y - Z, SignSet.NonNegative), C(Z - X, SignSet.NonNegative) };
        Assert.That(FourierMotzkin.IsFeasible(weak), Is.True);
        Assert.That(FourierMotzkin.Project(weak, LinearForm.Of(X - Z)), Is.EqualTo(Interval.Point(0)));
    }

    [Test]
    public void UnrelatedConstraintsDoNotMatter()
    {
        var cs = new[] { C(Y - 1, SignSet.Positive) };
        Assert.That(FourierMotzkin.Project(cs, LinearForm.Of(X)), Is.EqualTo(Interval.Full));
    }
}
