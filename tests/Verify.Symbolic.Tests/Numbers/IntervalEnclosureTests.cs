using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using Interval = Verify.Symbolic.Numbers.Interval;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>Interval evaluation over a box encloses the tree evaluation at every point of the box.</summary>
public class IntervalEnclosureTests
{
    /// <summary>A value NaN needs the flag; any other value must lie in the enclosure (infinite ones may instead be flagged).</summary>
    static bool Encloses(Interval enclosure, double value) =>
        double.IsNaN(value) ? enclosure.MayBeUndefined
        : double.IsInfinity(value) ? enclosure.MayBeUndefined || enclosure.Contains(value)
        : enclosure.Contains(value);

    [Test]
    public void ThePreparedProgramGivesTheWalkersEnclosure()
    {
        // Shared subexpressions computed once, calls and integrals handed over whole: the same interval to the bit.
        var intervalFunctions = NumberGenerators.IntervalFunctions();
        Properties.Check(Gen.Zip(NumberGenerators.Mixed(), NumberGenerators.BoxAndPoint), t =>
        {
            var (e, (box, _)) = t;
            var walked = IntervalEvaluator.Evaluate(e, box, intervalFunctions);
            var program = IntervalProgram.Compile(e, intervalFunctions).Evaluate(box);
            return NumberGenerators.Identical(walked.Lo, program.Lo) && NumberGenerators.Identical(walked.Hi, program.Hi)
                && walked.MayBeUndefined == program.MayBeUndefined && walked.IsEmpty == program.IsEmpty;
        }, seed: 20261128, count: 400);
    }

    [Test]
    public void EnclosesPointEvaluationsInsideTheBox()
    {
        var functions = NumberGenerators.Functions();
        var intervalFunctions = NumberGenerators.IntervalFunctions();
        int informative = 0;
        Properties.Check(Gen.Zip(NumberGenerators.Mixed(), NumberGenerators.BoxAndPoint), t =>
        {
            var (e, (box, point)) = t;
            var enclosure = IntervalEvaluator.Evaluate(e, box, intervalFunctions);
            var value = Evaluator.Evaluate(e, point, functions);
            if (enclosure.IsBounded && !enclosure.MayBeUndefined) informative++;
            if (Encloses(enclosure, value)) return true;
            TestContext.Out.WriteLine($"{e}\n  value {value:R} outside {enclosure}");
            return false;
        }, seed: 90210, count: 600);
        TestContext.Out.WriteLine($"{informative} of 600 enclosures bounded and defined");
        Assert.That(informative, Is.GreaterThan(300), "most enclosures over the positive region should be bounded, or the test says little");
    }

    [Test]
    public void PointsWhereTheValueIsUndefinedAreFlagged()
    {
        // Real sub-expressions of either sign under ln, √ and 1/·, so NaN and poles occur.
        var gen = Gen.Zip(Gen.Zip(ExprGenerators.Real(2), ExprGenerators.Real(2)), NumberGenerators.BoxAndPoint)
            .Select(t => (E: Expr.Ln(t.Item1.Item1) + Expr.Sqrt(t.Item1.Item2) * Expr.Pow(t.Item1.Item1, Expr.MinusOne), Box: t.Item2));
        int undefined = 0, flagged = 0;
        Properties.Check(gen, t =>
        {
            var (e, (box, point)) = t;
            var enclosure = IntervalEvaluator.Evaluate(e, box);
            var value = Evaluator.Evaluate(e, point);
            if (double.IsNaN(value)) undefined++;
            if (enclosure.MayBeUndefined) flagged++;
            if (Encloses(enclosure, value)) return true;
            TestContext.Out.WriteLine($"{e}\n  value {value:R} outside {enclosure}");
            return false;
        }, seed: 5150, count: 500);
        TestContext.Out.WriteLine($"{undefined} undefined values, {flagged} flagged enclosures");
        Assert.That(undefined, Is.GreaterThan(50), "the draws should often hit undefined points");
        Assert.That(flagged, Is.LessThan(500), "some enclosures should be proved defined");
    }

    [Test]
    public void PointBoxesGiveTightEnclosures()
    {
        // Without integrals or dependency effects, a box of width 0 leaves only rounding slack.
        var gen = Gen.Zip(Gen.OneOf(ExprGenerators.Real(4), ExprGenerators.Positive(4)), ExprGenerators.Point);
        Properties.Check(gen, t =>
        {
            var (e, point) = t;
            var box = point.ToDictionary(kv => kv.Key, kv => new Interval(kv.Value));
            var enclosure = IntervalEvaluator.Evaluate(e, box);
            var value = Evaluator.Evaluate(e, point);
            if (!double.IsFinite(value) || Math.Abs(value) > 1e100) return true; // overflow-prone draws say nothing about width
            var tight = enclosure.Contains(value) && !enclosure.MayBeUndefined
                && enclosure.Width <= 1e-9 * Math.Max(1, Math.Abs(value));
            if (!tight) TestContext.Out.WriteLine($"{e}\n  value {value:R}, enclosure {enclosure}");
            return tight;
        }, seed: 31337, count: 500);
    }

    [Test]
    public void IntegralEnclosureHoldsTheQuadrature()
    {
        var t = NumberGenerators.T;
        var x = ExprGenerators.X;
        // ∫ from 1/2 to x of t·ln t dt with x in [1, 2].
        var e = Expr.Integral(t * Expr.Ln(t), t, Expr.OneHalf, x);
        var box = new Dictionary<Symbol, Interval> { [x] = new Interval(1, 2) };
        var enclosure = IntervalEvaluator.Evaluate(e, box);
        Assert.That(enclosure.MayBeUndefined, Is.False);
        for (var v = 1.0; v <= 2; v += 0.125)
            Assert.That(enclosure.Contains(Evaluator.Evaluate(e, (x, v))), $"x = {v}");
        Assert.That(enclosure.Width, Is.LessThan(10), "crude, but finite");
    }

    [Test]
    public void MissingSymbolsAndFunctionsAreNamed()
    {
        var x = ExprGenerators.X;
        var box = new Dictionary<Symbol, Interval> { [x] = new Interval(1, 2) };
        Assert.That(Assert.Throws<EvaluationException>(() => IntervalEvaluator.Evaluate(x * ExprGenerators.R, box))!.Message, Does.Contain("'r'"));
        Assert.That(Assert.Throws<EvaluationException>(() => IntervalEvaluator.Evaluate(Expr.Call("g", x), box))!.Message, Does.Contain("'g'"));
        Assert.That(Assert.Throws<EvaluationException>(() => IntervalProgram.Compile(x * ExprGenerators.R).Evaluate(box))!.Message, Does.Contain("'r'"));
    }
}
