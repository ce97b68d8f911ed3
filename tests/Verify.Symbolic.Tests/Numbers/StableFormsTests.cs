using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>Sums of erfs evaluated without cancellation in the tails, and unchanged elsewhere.</summary>
public class StableFormsTests
{
    static readonly Symbol X = Sym("x"), Y = Sym("y"), R = Sym("r", SymbolSign.Positive);

    static double Eval(Expr e, double x, double y, double r) => Evaluator.Evaluate(e, (X, x), (Y, y), (R, r));

    static double Compiled(Expr e, double x, double y, double r) => Compiler.Compile(e, [X, Y, R])([x, y, r]);

    [Test]
    public void DifferencesFarInATailKeepTheirDigits()
    {
        // erf(6.5) − erf(6.4) = erfc(6.4) − erfc(6.5), about 3.3e-20: the naive difference of two doubles near 1 is 0.
        var difference = R * Call("erf", X) - R * Call("erf", Y);
        var expected = 2 * (MathNet.Numerics.SpecialFunctions.Erfc(6.4) - MathNet.Numerics.SpecialFunctions.Erfc(6.5));
        Assert.That(Eval(difference, 6.5, 6.4, 2), Is.EqualTo(expected).Within(1e-12 * expected));
        Assert.That(Compiled(difference, 6.5, 6.4, 2), Is.EqualTo(expected).Within(1e-12 * expected));
        Assert.That(Compiled(difference, -6.4, -6.5, 2), Is.EqualTo(expected).Within(1e-12 * expected), "the left tail");
        // 1 + erf(-7) = erfc(7), about 4.2e-23.
        var onePlus = R + R * Call("erf", X);
        var tail = 3 * MathNet.Numerics.SpecialFunctions.Erfc(7);
        Assert.That(Compiled(onePlus, -7, 0, 3), Is.EqualTo(tail).Within(1e-12 * tail));
        Assert.That(Compiled(R - R * Call("erf", X), 7, 0, 3), Is.EqualTo(tail).Within(1e-12 * tail));
    }

    [Test]
    public void TheRewrittenFormsHaveTheSameValueAwayFromTheTails()
    {
        var forms = new[] { R * Call("erf", X) - R * Call("erf", Y) + 1, R + R * Call("erf", X) + Call("erf", Y), R * Call("erf", X) - R, Call("erf", X) * Call("erf", Y) };
        var points = from x in Properties.Uniform(-2, 2) from y in Properties.Uniform(-2, 2) from r in Properties.Uniform(0.1, 3) select (x, y, r);
        Properties.Check(points, p => forms.All(f =>
        {
            double naive = 0;
            // The naive value, term by term, with erf as the library gives it.
            var values = new Dictionary<Symbol, double> { [X] = p.x, [Y] = p.y, [R] = p.r };
            naive = f is Sum s ? s.Terms.Sum(t => Evaluator.Evaluate(t, values)) : Evaluator.Evaluate(f, values);
            return Math.Abs(Compiled(f, p.x, p.y, p.r) - naive) <= 1e-13 * Math.Max(1, Math.Abs(naive));
        }), seed: 20261209, count: 100);
    }
}
