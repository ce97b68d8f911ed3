using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>Inputs the long fuzz run found to end in an internal error (exit 3): each is bad input or a plain result now.</summary>
public class LongFuzzRegressionTests
{
    [Test]
    public void AnOptionWithNoNameIsBadInput()
    {
        var r = CommandLine.Run("eval", "x*y + a", "--at", "--= exp 2,y==,a=0.5,b31.5", "--json");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
        Assert.That(r.ToString(), Does.Contain("option with no name"));
    }

    [Test]
    public void APowerTooLargeToWriteOutIsKept()
    {
        // (1 + x)^(-5e307): the number 1 raised to it must not be written out as an int power.
        var r = CommandLine.Run("simplify", "exp(-x^2/2)*(1 + x)^(-1e308/2)", "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
    }
}
