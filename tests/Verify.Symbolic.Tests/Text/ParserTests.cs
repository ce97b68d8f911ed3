using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Text.TextSymbols;

namespace Verify.Symbolic.Tests.Text;

public class ParserTests
{
    static Expr P(string text) => Parser.Parse(text, Context);

    [TestCase("12", 12, 1)]
    [TestCase("0.25", 1, 4)]
    [TestCase("1e-3", 1, 1000)]
    [TestCase("2.5E+2", 250, 1)]
    [TestCase("1.5e3", 1500, 1)]
    [TestCase("007", 7, 1)]
    [TestCase("0.1", 1, 10)]
    public void NumbersAreExactRationals(string text, long numerator, long denominator) =>
        Assert.That(P(text), Is.EqualTo(Num(numerator, denominator)));

    [Test]
    public void LongIntegersStayExact() =>
        Assert.That(((Number)P("123456789012345678901234567890")).Value.Numerator.ToString(),
            Is.EqualTo("123456789012345678901234567890"));

    [Test]
    public void ExactRootsOfNumbersBeyondDoubleRange() =>
        Assert.That(P("(10^400)^(1/2)"), Is.EqualTo(Pow(Num(10), Num(200))));

    [Test]
    public void LargeButSensiblePowersAreExact() =>
        Assert.That(((Number)P("2^4000")).Value.Numerator, Is.EqualTo(System.Numerics.BigInteger.Pow(2, 4000)));

    [Test] public void PowerBindsTighterThanUnaryMinus() => Assert.That(P("-x^2"), Is.EqualTo(Neg(Pow(X, 2))));
    [Test] public void NegativeNumberSquared() => Assert.That(P("-2^2"), Is.EqualTo(Num(-4)));
    [Test] public void ParenthesisedNegativeSquared() => Assert.That(P("(-2)^2"), Is.EqualTo(Num(4)));
    [Test] public void PowerIsRightAssociative() => Assert.That(P("2^3^2"), Is.EqualTo(Num(512)));
    [Test] public void ExponentMayBeNegated() => Assert.That(P("2^-1"), Is.EqualTo(OneHalf));
    [Test] public void NegatedExponentTakesThePowerAbove() => Assert.That(P("x^-y^2"), Is.EqualTo(Pow(X, Neg(Pow(Y, 2)))));
    [Test] public void ProductBindsTighterThanSum() => Assert.That(P("1 + 2*3"), Is.EqualTo(Num(7)));
    [Test] public void SubtractionIsLeftAssociative() => Assert.That(P("10 - 4 - 3"), Is.EqualTo(Num(3)));
    [Test] public void DivisionIsLeftAssociative() => Assert.That(P("24/4/3"), Is.EqualTo(Num(2)));
    [Test] public void DivisionThenMultiplication() => Assert.That(P("x/y*z"), Is.EqualTo(X * Z / Y));
    [Test] public void UnaryMinusOnAFactor() => Assert.That(P("2*-x"), Is.EqualTo(-2 * X));
    [Test] public void DoubleNegation() => Assert.That(P("--x"), Is.EqualTo((Expr)X));
    [Test] public void ParenthesesGroup() => Assert.That(P("(x + y)*(x - y)"), Is.EqualTo((X + Y) * (X - Y)));
    [Test] public void WhitespaceAndNewlinesAreIgnored() => Assert.That(P(" x\n +\t\r\n y "), Is.EqualTo(X + Y));

    [Test]
    public void PaperExpression() =>
        Assert.That(P("((sigma - 1)*s_E/(x*(1 + phi^sigma)))^(1/rho)"),
            Is.EqualTo(Pow((Sigma - 1) * SE / (X * (1 + Pow(Phi, Sigma))), 1 / (Expr)Rho)));

    [Test]
    public void NamesResolveThroughTheTableWithTheirSigns()
    {
        Assert.That(P("sigma"), Is.SameAs(Sigma));
        Assert.That(((Symbol)P("phi")).Sign, Is.EqualTo(SymbolSign.NonNegative));
    }

    [TestCase("s_E")] [TestCase("sE")] [TestCase("f_I")] [TestCase("a_D")] [TestCase("x1")] [TestCase("abarS")]
    public void UnknownNamesBecomeRealSymbolsByDefault(string name)
    {
        var s = Parser.Parse(name) as Symbol;
        Assert.That(s, Is.Not.Null);
        Assert.That((s!.Name, s.Sign), Is.EqualTo((name, SymbolSign.Real)));
    }

    [Test] public void LnAndLogAreNatural() => Assert.That(P("log(x)"), Is.EqualTo(P("ln(x)")).And.EqualTo(Ln(X)));
    [Test] public void Exp() => Assert.That(P("exp(r)"), Is.EqualTo(Expr.Exp(R)));
    [Test] public void SqrtIsTheHalfPower() => Assert.That(P("sqrt(x^2)"), Is.EqualTo((Expr)X));
    [Test] public void MaxMinAbsStayCalls()
    {
        Assert.That(P("max(x, r, 0)"), Is.EqualTo(Call("max", X, R, Zero)));
        Assert.That(P("min(r)"), Is.EqualTo(Call("min", R)));
        Assert.That(P("abs(r - 1)"), Is.EqualTo(Call("abs", R - 1)));
    }

    [Test]
    public void IntegralBuildsAnIntegralNode() =>
        Assert.That(P("integral(a^2*x, a, 0, y)"), Is.EqualTo(Integral(Pow(A, 2) * X, A, Zero, Y)));

    [Test]
    public void StrictModeBindsAnUndeclaredIntegrationVariable() =>
        Assert.That(P("integral(u^2*x, u, 0, integral(w, w, 0, y))"),
            Is.EqualTo(Integral(Pow(Sym("u"), 2) * X, Sym("u"), Zero, Integral(Sym("w"), Sym("w"), Zero, Y))));

    [Test]
    public void DeclaredFunctionsBecomeCalls()
    {
        Assert.That(P("F(x, r + 1)"), Is.EqualTo(Call("F", X, R + 1)));
        Assert.That(Parser.Parse("h()", ParseContext.Default.WithFunction("h", 0)), Is.EqualTo(Call("h")));
    }

    [Test]
    public void PartialsAreSortedArgumentPositions() =>
        Assert.That(P("F'[1,0,1](x, y)"), Is.EqualTo(Call("F", [X, Y], [0, 1, 1])));

    [Test]
    public void PartialsOfMax() =>
        Assert.That(P("max'[2](x, y, r)"), Is.EqualTo(Call("max", [X, Y, R], [2])));

    [Test]
    public void DiffDifferentiates() => Assert.That(P("diff(x^2 + r, x)"), Is.EqualTo(2 * X));

    [Test]
    public void DiffUsesTheContextsFunctionDerivatives()
    {
        // G' is 3 everywhere, so d/dx G(x^2) = 3 * 2x by the chain rule.
        var context = Context with { FunctionDerivatives = new ConstantSlope(Num(3)) };
        Assert.That(Parser.Parse("diff(G(x^2), x)", context), Is.EqualTo(6 * X));
    }

    [Test]
    public void AnImpossibleDerivativeIsAPositionedParseError()
    {
        // r^x needs r > 0 to be differentiated by x; r is of unknown sign.
        var e = Assert.Throws<ParseException>(() => P("1 + diff(r^x, x)"))!;
        Assert.That((e.Line, e.Column, e.Found), Is.EqualTo((1, 5, "'r^x'")));
        Assert.That(e.InnerException, Is.InstanceOf<Verify.Symbolic.Calculus.DifferentiationException>());
        Assert.That(e.Message, Does.StartWith("1:5: diff: "));
    }

    sealed class ConstantSlope(Expr slope) : Verify.Symbolic.Calculus.IFunctionDerivatives
    {
        public Expr? Partial(Call call, int index) => slope;
    }

    [Test]
    public void ASymbolNamedLikeAFunctionIsNotAFunction() =>
        Assert.Throws<ArgumentException>(() => SymbolTable.Empty.Declare("exp"));

    [Test]
    public void ConflictingDeclarationsAreRejected() =>
        Assert.Throws<ArgumentException>(() => SymbolTable.Of(X).Declare("x", SymbolSign.Real));

    [Test]
    public void BuiltInsCannotBeRedeclared() =>
        Assert.Throws<ArgumentException>(() => ParseContext.Default.WithFunction("ln", 1));

    [Test]
    public void FunctionNamesMustBeIdentifiers() =>
        Assert.Throws<ArgumentException>(() => ParseContext.Default.WithFunction("f'", 1));
}
