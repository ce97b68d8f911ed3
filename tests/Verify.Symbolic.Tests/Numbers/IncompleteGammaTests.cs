using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Calculus;
using Verify.Symbolic.Tests.Support;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>
/// The built-in gammainc(s, x), the regularized lower incomplete gamma P(s, x): values against
/// closed cases and against quadrature of its defining integral, its x-derivative against finite
/// differences, the s-derivative refused, the compiled form, enclosures and the printers.
/// </summary>
public class IncompleteGammaTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol S = Sym("s", SymbolSign.Positive);
    static readonly ParseContext Context = ParseContext.Default.WithSymbols(X, S);

    static double Eval(Expr e, double s, double x) => Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [S] = s, [X] = x });
    static double Eval(string text, double s, double x) => Eval(Parser.Parse(text, Context), s, x);

    [Test]
    public void ClosedCasesHold()
    {
        Properties.Check(Properties.Uniform(0.01, 30), x =>
            Math.Abs(Eval("gammainc(1, x)", 0, x) - (1 - Math.Exp(-x))) <= 1e-14
            && Math.Abs(Eval("gammainc(1/2, x) - erf(sqrt(x))", 0, x)) <= 1e-14
            && Math.Abs(Eval("gammainc(3, x)", 0, x) - (1 - Math.Exp(-x) * (1 + x + x * x / 2))) <= 1e-14,
            seed: 1316, count: 100);
        Assert.That(Eval("gammainc(s, x)", 2.5, 0), Is.EqualTo(0), "P(s, 0) = 0");
    }

    /// <summary>P(s, x) against (1/Γ(s)) ∫₀ˣ t^(s−1) e^(−t) dt by the suite's quadrature (s &lt; 1 has an integrable end singularity).</summary>
    [Test]
    public void ValuesMatchTheDefiningIntegral()
    {
        var draw = from s in Properties.Uniform(0.2, 12) from x in Properties.Uniform(0.01, 25) select (s, x);
        Properties.Check(draw, p =>
        {
            var integral = Evaluator.Quadrature(t => Math.Pow(t, p.s - 1) * Math.Exp(-t), 0, p.x) / SpecialFunctions.Gamma(p.s);
            return Math.Abs(Eval("gammainc(s, x)", p.s, p.x) - integral) <= 1e-12 * Math.Max(1e-3, integral);
        }, seed: 1317, count: 200);
    }

    [TestCase("gammainc(s, x)")]
    [TestCase("gammainc(3/2, x^2)")]
    [TestCase("gammainc(s, (x/2)^3)*erf(x)")]
    [TestCase("exp(-x)*gammainc(s + 1, ln(1 + x))")]
    public void TheXDerivativeMatchesFiniteDifferences(string text)
    {
        var e = Parser.Parse(text, Context);
        var d = Differentiation.Derivative(e, X);
        var draw = from s in Properties.Uniform(0.3, 6) from x in Properties.Uniform(0.2, 4) select (s, x);
        Properties.Check(draw, p =>
        {
            var numeric = NumericDifferences.Derivative(v => Eval(e, p.s, v), p.x);
            var symbolic = Eval(d, p.s, p.x);
            return numeric is null || Math.Abs(symbolic - numeric.Value) <= 1e-7 * Math.Max(1, Math.Abs(symbolic));
        }, seed: 1318, count: 60);
    }

    [Test]
    public void TheDerivativeInTheFirstArgumentIsAClearError()
    {
        var e = Parser.Parse("gammainc(s, x)", Context);
        var error = Assert.Throws<DifferentiationException>(() => Differentiation.Derivative(e, S))!;
        Assert.That(error.Message, Does.Contain("first argument"));
        Assert.That(Differentiation.Derivative(Parser.Parse("gammainc(2, s)", Context), X), Is.EqualTo(Zero), "no dependence, no error");
    }

    [TestCase("gammainc(s, x)")]
    [TestCase("gammainc(1/2 + s, x^2)/tgamma(s)")]
    [TestCase("1 - gammainc(s, exp(-x))")]
    public void PrintersRoundTrip(string text)
    {
        var e = Parser.Parse(text, Context);
        Assert.That(Parser.Parse(PlainPrinter.Print(e), Context), Is.EqualTo(e));
        Assert.That(LatexPrinter.Print(e), Does.Contain(@"P\left("));
    }

    [Test]
    public void ItTakesTwoArguments()
    {
        var error = Assert.Throws<ParseException>(() => Parser.Parse("gammainc(x)", Context))!;
        Assert.That(error.Message, Does.Contain("2 arguments"));
    }

    [Test]
    public void CompiledEqualsEvaluated()
    {
        var e = Parser.Parse("gammainc(s, x)", Context);
        var compiled = Compiler.Compile(e, [S, X]);
        foreach (var (s, x) in new[] { (0.3, 0.05), (1.0, 1.0), (2.5, 0.5), (7.5, 12.0), (40.0, 38.0), (-1.0, 2.0), (2.0, -1.0) })
        {
            var value = Eval(e, s, x);
            Assert.That(compiled([s, x]), Is.EqualTo(value), $"s = {s}, x = {x}");
            Assert.That(double.IsNaN(value), Is.EqualTo(s <= 0 || x < 0), "NaN exactly outside s > 0, x >= 0");
        }
    }

    /// <summary>Every value at a point of the box lies in the enclosure, boxes in both arguments at once.</summary>
    [Test]
    public void EnclosuresContainTheValues()
    {
        var e = Parser.Parse("gammainc(s, x)", Context);
        var draw = from sLo in Properties.Uniform(0.05, 20) from sW in Properties.Uniform(0, 5)
                   from xLo in Properties.Uniform(0, 30) from xW in Properties.Uniform(0, 10)
                   from t in Properties.Uniform(0, 1) from u in Properties.Uniform(0, 1)
                   select (sLo, sW, xLo, xW, t, u);
        Properties.Check(draw, b =>
        {
            var box = new Dictionary<Symbol, Interval> { [S] = new Interval(b.sLo, b.sLo + b.sW), [X] = new Interval(b.xLo, b.xLo + b.xW) };
            var enclosure = IntervalEvaluator.Evaluate(e, box);
            var value = Eval(e, b.sLo + b.t * b.sW, b.xLo + b.u * b.xW);
            return !enclosure.MayBeUndefined && 0 <= enclosure.Lo && enclosure.Lo <= value && value <= enclosure.Hi && enclosure.Hi <= 1;
        }, seed: 1319, count: 300);
    }

    [Test]
    public void EnclosuresOutsideTheDomainOrTheTrustedRangeAreFlaggedOrWhole()
    {
        var e = Parser.Parse("gammainc(s, x)", Context);
        Interval Enclose(double sLo, double sHi, double xLo, double xHi) =>
            IntervalEvaluator.Evaluate(e, new Dictionary<Symbol, Interval> { [S] = new Interval(sLo, sHi), [X] = new Interval(xLo, xHi) });
        Assert.That(Enclose(-1, 2, 0.5, 1).MayBeUndefined, Is.True, "s may be <= 0");
        Assert.That(Enclose(1, 2, -0.5, 1).MayBeUndefined, Is.True, "x may be < 0");
        var huge = Enclose(1, 500, 1, 2);
        Assert.That((huge.Lo, huge.Hi), Is.EqualTo((0.0, 1.0)), "beyond the trusted range: the whole of [0, 1]");
    }

    [Test]
    public void SignsFollowTheArguments()
    {
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("gammainc(s, x)", Context)), Is.EqualTo(SignSet.Positive));
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("-gammainc(s + 1, x^2)", Context)), Is.EqualTo(SignSet.Negative));
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("gammainc(s - 1, x)", Context)), Is.EqualTo(SignSet.Any));
    }
}
