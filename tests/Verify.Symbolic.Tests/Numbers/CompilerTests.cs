using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Numbers;

public class CompilerTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol R = Sym("r");
    static readonly Symbol T = Sym("t");
    static readonly Symbol S = Sym("s");

    /// <summary>A function that counts how often it is called.</summary>
    sealed class Counter
    {
        public int Calls;
        public FunctionTable Table() => new FunctionTable().Define("g", a => { Calls++; return a[0] * a[0] + 1; });
    }

    static void AssertAgrees(Expr e, Symbol[] parameters, double[] args, FunctionTable? functions = null)
    {
        var expected = Evaluator.Evaluate(e, parameters.Zip(args).ToDictionary(p => p.First, p => p.Second), functions);
        var actual = Compiler.Compile(e, parameters, functions)(args);
        Assert.That(NumberGenerators.Identical(expected, actual), $"{e}: tree {expected:R}, compiled {actual:R}");
    }

    [Test]
    public void SharedSubtreesAcrossOutputsAreComputedOnce()
    {
        var counter = new Counter();
        var g = Call("g", X);
        var f = Compiler.CompileMany([g + Y, g * Y, Ln(g)], [X, Y], counter.Table());
        var results = new double[3];
        f([2, 3], results);
        Assert.That(counter.Calls, Is.EqualTo(1));
        Assert.That(results, Is.EqualTo(new[] { 8.0, 15.0, Math.Log(5) }));
    }

    [Test]
    public void IntegrandPartsFreeOfTheVariableAreComputedOncePerCall()
    {
        var counter = new Counter();
        var e = Integral(Call("g", Y) * T, T, Zero, X);
        var value = Compiler.Compile(e, [X, Y], counter.Table())([2, 3]);
        Assert.That(counter.Calls, Is.EqualTo(1));
        Assert.That(value, Is.EqualTo(20.0).Within(1e-12)); // g(3) * 2²/2
    }

    [Test]
    public void IntegrandPartsWithTheVariableAreComputedAtEveryNode()
    {
        var counter = new Counter();
        var value = Compiler.Compile(Integral(Call("g", T), T, Zero, X), [X], counter.Table())([3]);
        Assert.That(value, Is.EqualTo(12.0).Within(1e-12)); // ∫₀³ t² + 1
        Assert.That(counter.Calls, Is.GreaterThan(10));
    }

    [Test]
    public void TheIntegrationVariableShadowsAParameterOfTheSameName()
    {
        // ∫₀¹ x dx + x: the integrand's x is bound, the last x is the parameter.
        var e = Integral(X, X, Zero, One) + X;
        Assert.That(Compiler.Compile(e, [X])([2]), Is.EqualTo(2.5).Within(1e-13));
        AssertAgrees(e, [X], [2]);
    }

    [Test]
    public void NestedIntegralsAgreeWithTheWalker()
    {
        // ∫₀ˣ ∫₀ᵗ (t·s + r) ds dt, the inner integrand using both variables and a parameter.
        var e = Integral(Integral(T * S + R, S, Zero, T), T, Zero, X);
        AssertAgrees(e, [X, R], [1.5, -0.25]);
        Assert.That(Compiler.Compile(e, [X, R])([1.5, -0.25]), Is.EqualTo(Math.Pow(1.5, 4) / 8 - 0.25 * 1.5 * 1.5 / 2).Within(1e-12));
    }

    [Test]
    public void BuiltInsFollowTheWalkerOnNaNAndSignedZeros()
    {
        var specials = new[] { double.NaN, -0.0, 0.0, 1.0, -1.0, double.PositiveInfinity, double.NegativeInfinity };
        Expr[] es = [Call("max", R, Y), Call("max", Y, R), Call("min", R, Y), Call("min", Y, R), Call("max", R, Y, X),
                     Call("min", X, R, Y), Call("abs", R), Call("max", R), Ln(R), Pow(R, OneHalf), Pow(R, Num(-1)), R + Y];
        foreach (var e in es)
            foreach (var r in specials)
                foreach (var y in specials)
                    AssertAgrees(e, [R, Y, X], [r, y, 0.5]);
    }

    [Test]
    public void PartialDerivativesResolveThroughTheTableKey()
    {
        var table = new FunctionTable().Define("h", a => a[0] * a[1]).Define("h'[1]", a => a[0]);
        var e = Call("h", [X, Y], [1]) + Call("h", X, Y);
        Assert.That(Compiler.Compile(e, [X, Y], table)([3, 4]), Is.EqualTo(15.0));
    }

    [Test]
    public void AConstantNeedsNoArguments() =>
        Assert.That(Compiler.Compile(Num(3, 4) + Exp(One), [])([]), Is.EqualTo(0.75 + Math.E));

    [Test]
    public void UnknownFunctionFailsAtCompileTimeWithItsName()
    {
        var ex = Assert.Throws<EvaluationException>(() => Compiler.Compile(Call("nowhere", X) + 1, [X]));
        Assert.That(ex!.Message, Does.Contain("nowhere"));
        var partial = Assert.Throws<EvaluationException>(() => Compiler.Compile(Call("h", [X], [0]), [X], new FunctionTable().Define("h", a => a[0])));
        Assert.That(partial!.Message, Does.Contain("h'[0]"));
    }

    [Test]
    public void MissingParameterFailsAtCompileTimeWithItsName()
    {
        var ex = Assert.Throws<EvaluationException>(() => Compiler.Compile(X * Y, [X]));
        Assert.That(ex!.Message, Does.Contain("'y'"));
        // Inside an integrand too, while the bound variable itself needs no parameter.
        var inner = Assert.Throws<EvaluationException>(() => Compiler.CompileMany([Integral(T * R, T, Zero, X)], [X]));
        Assert.That(inner!.Message, Does.Contain("'r'"));
        Assert.DoesNotThrow(() => Compiler.Compile(Integral(T, T, Zero, X), [X]));
    }

    [Test]
    public void BadArgumentsGetClearErrors()
    {
        Assert.Throws<ArgumentException>(() => Compiler.Compile(X, [X, X]));
        var f = Compiler.Compile(X + Y, [X, Y]);
        Assert.That(Assert.Throws<ArgumentException>(() => f([1]))!.Message, Does.Contain("2 parameter values"));
        Assert.Throws<ArgumentNullException>(() => f(null!));
        var many = Compiler.CompileMany([X, Y], [X, Y]);
        Assert.Throws<ArgumentException>(() => many([1, 2], new double[1]));
    }
}
