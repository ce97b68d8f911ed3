using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Model.Tests;

public class SignInferenceTests
{
    static ModelDocument Load(string body) => ModelLoader.LoadText("model m\n" + body, "m.model");

    static SymbolSign SignOf(ModelDocument m, string name) =>
        m.Parameters.Select(p => p.Symbol).Concat(m.Derived.Select(d => d.Symbol)).Single(s => s.Name == name).Sign;

    [Test]
    public void BoundsPropagateThroughEarlierParameters()
    {
        var m = Load("""
            parameter s : s > 1
            parameter r : r > s - 1
            parameter t : t >= s - 1
            parameter u : u > -1
            parameter w : 2*w > 1
            """);
        Assert.That(SignOf(m, "r"), Is.EqualTo(SymbolSign.Positive));
        Assert.That(SignOf(m, "t"), Is.EqualTo(SymbolSign.Positive), "t >= s - 1 > 0");
        Assert.That(SignOf(m, "u"), Is.EqualTo(SymbolSign.Real));
        Assert.That(SignOf(m, "w"), Is.EqualTo(SymbolSign.Real), "only a bare name on one side is bounded");
    }

    [Test]
    public void ALaterParameterDoesNotBoundAnEarlierOne()
    {
        var m = Load("""
            parameter r : r > s - 1
            parameter s : s > 1
            """);
        Assert.That(SignOf(m, "r"), Is.EqualTo(SymbolSign.Real));
    }

    [Test]
    public void DerivedSignsComeFromDefinitionsNotClaims()
    {
        var m = Load("""
            parameter s : s > 1
            parameter r : r > s - 1
            derived b = r/(s - 1)
            derived c = r + 1 - s
            derived d = 1 - s : d > 0
            derived e = max(0, 1 - s)
            """);
        Assert.That(SignOf(m, "b"), Is.EqualTo(SymbolSign.Positive));
        Assert.That(SignOf(m, "c"), Is.EqualTo(SymbolSign.Positive));
        Assert.That(SignOf(m, "d"), Is.EqualTo(SymbolSign.Real), "a claim is to be proved, not assumed");
        Assert.That(SignOf(m, "e"), Is.EqualTo(SymbolSign.NonNegative));
    }

    [Test]
    public void AParameterBoundedByANumberGetsTheMatchingSign()
    {
        // x > c or x >= c for a number c: Positive when c > 0 or (c = 0 and strict), NonNegative when c = 0, else Real.
        var gen =
            from numerator in Gen.Choose(-6, 6)
            from denominator in Gen.Choose(1, 4)
            from strict in Gen.Elements(true, false)
            from reversed in Gen.Elements(true, false)
            select (numerator, denominator, strict, reversed);
        Support.Properties.Check(gen, c =>
        {
            var op = c.strict ? ">" : ">=";
            var bound = $"{c.numerator}/{c.denominator}";
            var relation = c.reversed ? $"{bound} {(c.strict ? "<" : "<=")} x" : $"x {op} {bound}";
            var sign = SignOf(Load($"parameter x : {relation}\n"), "x");
            var expected = c.numerator > 0 || c.numerator == 0 && c.strict ? SymbolSign.Positive
                : c.numerator == 0 ? SymbolSign.NonNegative : SymbolSign.Real;
            return sign == expected;
        }, seed: 20140101, count: 100);
    }
}
