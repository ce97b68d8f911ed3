using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Algebra;

/// <summary>Edge cases of canonical construction met while testing the algebra on top of it.</summary>
public class CanonicalEdgeTests
{
    [Test]
    public void RootsOfNumbersBeyondDoubleRangeStayExactOrUnevaluated()
    {
        var huge = Pow(Num(10), 400);
        Assert.DoesNotThrow(() => Pow(huge, OneHalf));
        Assert.That(Pow(huge, OneHalf), Is.EqualTo(Pow(Num(10), 200)).Or.InstanceOf<Power>());
        Assert.That(Pow(Pow(Num(10), 401), OneHalf), Is.InstanceOf<Power>(), "10^401 has no rational square root");
    }
}
