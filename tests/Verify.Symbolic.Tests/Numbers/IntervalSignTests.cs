using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Symbolic.Core.Expr;
using Interval = Verify.Symbolic.Numbers.Interval;

namespace Verify.Symbolic.Tests.Numbers;

public class IntervalSignTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol R = Sym("r");

    static Dictionary<Symbol, Interval> Box(double xLo, double xHi, double rLo, double rHi) =>
        new() { [X] = new Interval(xLo, xHi), [R] = new Interval(rLo, rHi) };

    [Test]
    public void ProvesSignsThatHoldOnTheWholeBox()
    {
        Assert.That(IntervalEvaluator.Sign(X * X - R + 1, Box(1, 2, -1, 1)), Is.EqualTo(ProvedSign.Positive));
        Assert.That(IntervalEvaluator.Sign(-Exp(R) - X, Box(0.5, 1, -5, 5)), Is.EqualTo(ProvedSign.Negative));
        Assert.That(IntervalEvaluator.Sign(Ln(X), Box(1.5, 2, 0, 0)), Is.EqualTo(ProvedSign.Positive));
    }

    [Test]
    public void UndecidedWhenTheEnclosureStraddlesZero()
    {
        Assert.That(IntervalEvaluator.Sign(Ln(X), Box(0.5, 2, 0, 0)), Is.EqualTo(ProvedSign.Undecided));
        // x − x² is positive on (0, 1), but the dependency problem hides it on the whole box...
        Assert.That(IntervalEvaluator.Sign(X - Pow(X, 2), Box(0.1, 0.9, 0, 0)), Is.EqualTo(ProvedSign.Undecided));
        // ...and bisection decides it, which is what branch and bound will do.
        Assert.That(IntervalEvaluator.Sign(X - Pow(X, 2), Box(0.3, 0.4, 0, 0)), Is.EqualTo(ProvedSign.Positive));
    }

    [Test]
    public void NoSignIsProvedWhereTheExpressionMayBeUndefined()
    {
        // 1/r ≥ 1 on (0, 1], but r = 0 is a pole.
        var reciprocal = IntervalEvaluator.Evaluate(Pow(R, MinusOne), Box(1, 1, 0, 1));
        Assert.That(reciprocal.Lo, Is.GreaterThan(0.99));
        Assert.That(reciprocal.Sign, Is.EqualTo(ProvedSign.Undecided));
        Assert.That(IntervalEvaluator.Sign(Sqrt(R) + 1, Box(1, 1, -1, 1)), Is.EqualTo(ProvedSign.Undecided));
        Assert.That(IntervalEvaluator.Sign(Sqrt(R) + 1, Box(1, 1, 0, 1)), Is.EqualTo(ProvedSign.Positive));
    }
}
