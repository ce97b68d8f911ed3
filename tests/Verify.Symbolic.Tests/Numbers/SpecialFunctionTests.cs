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
/// The special built-ins erf, tgamma (Γ) and digamma: values against known constants, derivatives
/// against finite differences, the compiled form against the evaluator, interval enclosures
/// against values inside the box, and the printers against the parser.
/// </summary>
public class SpecialFunctionTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly ParseContext Context = ParseContext.Default.WithSymbols(X);

    static double Eval(string text, double x) => Evaluator.Evaluate(Parser.Parse(text, Context), new Dictionary<Symbol, double> { [X] = x });

    [Test]
    public void ValuesAreTheKnownConstants()
    {
        Assert.That(Eval("erf(x)", 0.5), Is.EqualTo(0.5204998778130465).Within(1e-15));
        Assert.That(Eval("erf(x) + erf(-x)", 0.7), Is.EqualTo(0).Within(1e-15), "erf is odd");
        Assert.That(Eval("tgamma(x)^2", 0.5), Is.EqualTo(Math.PI).Within(1e-14), "tgamma(1/2) = sqrt(pi)");
        Assert.That(Eval("tgamma(x)", 5), Is.EqualTo(24).Within(1e-12));
        Assert.That(Eval("digamma(x)", 1), Is.EqualTo(-0.5772156649015329).Within(1e-14), "psi(1) = -Euler's constant");
    }

    [TestCase("erf(x^2 - x)")]
    [TestCase("tgamma(x + 1/2)")]
    [TestCase("erf(ln(x))*tgamma(x)")]
    [TestCase("exp(-x)*erf(sqrt(x))")]
    public void DerivativesMatchFiniteDifferences(string text)
    {
        var e = Parser.Parse(text, Context);
        var d = Differentiation.Derivative(e, X);
        Properties.Check(Properties.Uniform(0.2, 4), x =>
        {
            var numeric = NumericDifferences.Derivative(v => Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [X] = v }), x);
            var symbolic = Evaluator.Evaluate(d, new Dictionary<Symbol, double> { [X] = x });
            return numeric is null || Math.Abs(symbolic - numeric.Value) <= 1e-7 * Math.Max(1, Math.Abs(symbolic));
        }, seed: 1313, count: 60);
    }

    [Test]
    public void TheDerivativeOfDigammaIsAClearError()
    {
        var e = Parser.Parse("digamma(x)", Context);
        var error = Assert.Throws<DifferentiationException>(() => Differentiation.Derivative(e, X))!;
        Assert.That(error.Message, Does.Contain("trigamma"));
    }

    [TestCase("erf((ln(x) - 1)/2)")]
    [TestCase("tgamma(x)*digamma(x)")]
    [TestCase("2*exp(-x^2)/tgamma(1/2)")]
    public void PrintersRoundTrip(string text)
    {
        var e = Parser.Parse(text, Context);
        Assert.That(Parser.Parse(PlainPrinter.Print(e), Context), Is.EqualTo(e));
        Assert.That(LatexPrinter.Print(e), Does.Contain(text.Contains("erf") ? @"\operatorname{erf}" : @"\Gamma"));
    }

    [TestCase("erf(x)")]
    [TestCase("tgamma(x)")]
    [TestCase("digamma(x)")]
    public void CompiledEqualsEvaluated(string text)
    {
        var e = Parser.Parse(text, Context);
        var compiled = Compiler.Compile(e, [X]);
        foreach (var x in new[] { 0.05, 0.5, 1.4616321449683623, 2, 7.5 })
            Assert.That(compiled([x]), Is.EqualTo(Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [X] = x })), $"x = {x}");
    }

    /// <summary>Every value at a point of the box lies in the enclosure (Γ's box often straddles its minimum).</summary>
    [TestCase("erf(x)")]
    [TestCase("tgamma(x)")]
    [TestCase("digamma(x)")]
    [TestCase("erf(1 - x)*tgamma(x)")]
    public void EnclosuresContainTheValues(string text)
    {
        var e = Parser.Parse(text, Context);
        var draw = from lo in Properties.Uniform(0.01, 4) from w in Properties.Uniform(0, 2) from t in Properties.Uniform(0, 1) select (lo, w, t);
        Properties.Check(draw, s =>
        {
            var (lo, w, t) = s;
            var box = new Dictionary<Symbol, Interval> { [X] = new Interval(lo, lo + w) };
            var enclosure = IntervalEvaluator.Evaluate(e, box);
            var value = Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [X] = lo + t * w });
            return !enclosure.MayBeUndefined && enclosure.Lo <= value && value <= enclosure.Hi;
        }, seed: 1314, count: 200);
    }

    [Test]
    public void AnEnclosureReachingZeroIsFlaggedFortgamma()
    {
        var enclosure = IntervalEvaluator.Evaluate(Parser.Parse("tgamma(x)", Context), new Dictionary<Symbol, Interval> { [Sym("x", SymbolSign.Positive)] = new Interval(-1, 2) });
        Assert.That(enclosure.MayBeUndefined, Is.True);
    }

    [Test]
    public void SignsFollowTheArgument()
    {
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("erf(x)", Context)), Is.EqualTo(SignSet.Positive));
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("-erf(x)", Context)), Is.EqualTo(SignSet.Negative));
        Assert.That(StructuralSign.Instance.SignOf(Parser.Parse("tgamma(x + 1)", Context)), Is.EqualTo(SignSet.Positive));
    }

    /// <summary>d/dx of a kept integral with a non-elementary integrand and a moving limit, against finite differences.</summary>
    [Test]
    public void LeibnizOnAnIntegralWithNoClosedForm()
    {
        var e = Parser.Parse("integral(erf(t*x)*exp(-t^2)/t, t, x/2, x^2 + 1)", Context.WithSymbols(Sym("t", SymbolSign.Positive)));
        Assert.That(Integration.Evaluate(e, StructuralSign.Instance).IsComplete, Is.False, "no closed form: it stays an integral");
        var d = Differentiation.Derivative(e, X);
        Properties.Check(Properties.Uniform(0.3, 2.5), x =>
        {
            var numeric = NumericDifferences.Derivative(v => Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [X] = v }), x);
            var symbolic = Evaluator.Evaluate(d, new Dictionary<Symbol, double> { [X] = x });
            return numeric is not null && Math.Abs(symbolic - numeric.Value) <= 1e-7 * Math.Max(1, Math.Abs(symbolic));
        }, seed: 1315, count: 30);
    }
}
