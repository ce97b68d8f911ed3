using NUnit.Framework;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Model.Tests;

public class InliningTests
{
    static readonly ModelDocument Model = ModelLoader.LoadBundled();
    static Symbol Parameter(string name) => Model.Parameters.Single(p => p.Symbol.Name == name).Symbol;
    static Symbol Unknown(string regime, string name) => Model.FindRegime(regime)!.Unknowns.Single(u => u.Symbol.Name == name).Symbol;

    static bool CallsModelFunction(Expr e) => e.Any(n => n is Call c && Model.Functions.Any(f => f.Name == c.Name));

    [Test]
    public void MarketWeightBecomesAnIntegralOverTheVariable()
    {
        var aD = Unknown("autarky", "aD");
        var inlined = Model.Inline(Expr.Call("C", Expr.Zero, aD));
        var integral = inlined as Integral;
        Assert.That(integral, Is.Not.Null, inlined.ToString());
        Assert.That(integral!.Variable, Is.EqualTo(Model.Variable!.Symbol));
        Assert.That(integral.Lower, Is.EqualTo(Expr.Zero));
        Assert.That(integral.Upper, Is.EqualTo((Expr)aD));
        // a^(1 - sigma) * rho*a^(rho - 1) merges, a being positive.
        var a = Model.Variable.Symbol;
        Assert.That(integral.Body, Is.EqualTo(Parameter("rho") * Expr.Pow(a, Parameter("rho") - Parameter("sigma"))));
    }

    [Test]
    public void ConditionsInlineToPlainIntegrals()
    {
        var freeEntry = Model.FindRegime("entry")!.Conditions.Single(c => c.Label == "free-entry-north");
        Assert.That(CallsModelFunction(freeEntry.Left), Is.True);
        var inlined = Model.Inline(freeEntry.Left);
        Assert.That(CallsModelFunction(inlined), Is.False);
        Assert.That(inlined, Is.InstanceOf<Sum>());
        Assert.That(((Sum)inlined).Terms.Count(t => t is Integral), Is.EqualTo(2));
    }

    [Test]
    public void BuiltInsAreLeftAlone()
    {
        var f = Parameter("f");
        var plain = Expr.Call("max", Expr.Zero, f - 1) + Expr.Ln(f);
        Assert.That(Model.Inline(plain), Is.EqualTo(plain));

        // The relocation gain calls the file's V, whose body is made of max.
        var gain = Model.FindRegime("onset")!.Quantities.Single(q => q.Symbol.Name == "gain").Definition;
        var inlined = Model.Inline(gain);
        Assert.That(CallsModelFunction(inlined), Is.False);
        Assert.That(inlined.Any(n => n is Call { Name: "max" }), Is.True);
        Assert.That(Model.Inline(inlined), Is.EqualTo(inlined));
    }

    [Test]
    public void ArgumentsAreSubstitutedIntoTheBody()
    {
        var g = Model.Inline(Expr.Call("g", Expr.OneHalf));
        var rho = Parameter("rho");
        Assert.That(g, Is.EqualTo(rho * Expr.Pow(Expr.OneHalf, rho - 1)));
    }

    [Test]
    public void PartialsBecomeDerivativesOfTheBody()
    {
        // d/dhi of the integral from lo to hi is the integrand at hi.
        var aD = Unknown("autarky", "aD");
        var derivative = Model.Inline(Expr.Call("C", [Expr.Zero, aD], [1]));
        Assert.That(derivative, Is.EqualTo(Parameter("rho") * Expr.Pow(aD, Parameter("rho") - Parameter("sigma"))));
    }

    [Test]
    public void AnArgumentUsingTheIntegrationVariableIsNotCaptured()
    {
        // C(0, a) integrates over a fresh variable: the upper limit is the free a.
        var a = Model.Variable!.Symbol;
        var inlined = (Integral)Model.Inline(Expr.Call("C", Expr.Zero, a));
        Assert.That(inlined.Upper, Is.EqualTo((Expr)a));
        Assert.That(inlined.Variable, Is.Not.EqualTo(a));
        Assert.That(inlined.FreeSymbols(), Does.Contain(a));
    }
}
