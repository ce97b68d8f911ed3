using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>verify eval without --regime: an expression over free symbols.</summary>
public class PlainEvalTests
{
    [Test]
    public void Evaluates_a_derivative()
    {
        var r = CommandLine.Run("eval", "diff(x^3, x)", "--at", "x=2");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Number, Is.EqualTo(12));
        Assert.That(CommandLine.Run("eval", "x*y", "--at", "x=2,y=0.25", "--json").Json.GetProperty("value").GetDouble(), Is.EqualTo(0.5));
    }

    [Test]
    public void A_missing_value_is_named()
    {
        var r = CommandLine.Run("eval", "x + y", "--at", "x=1");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.Contain("no value given for y"));
    }

    [Test]
    public void A_point_outside_the_assumptions_is_refused()
    {
        var r = CommandLine.Run("eval", "ln(x)", "--at", "x=-1", "--assume", "x>0");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.Contain("outside the domain").And.Contain("x > 0"));
    }

    [Test]
    public void A_model_needs_a_regime()
    {
        var r = CommandLine.Run("eval", "x", "--at", "x=1", "--model", "any.model");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.Contain("--model needs --regime"));
    }
}
