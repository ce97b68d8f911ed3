using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>
/// A numeric integral to check closed forms against. Integrands like t^p with p near −1 at a lower
/// limit of 0 defeat plain quadrature at the accuracy the tests need, so the variable is changed to
/// t = l + (u − l)·s^8, dt = 8 (u − l) s^7 ds, which makes them smooth at s = 0.
/// </summary>
public static class ReferenceQuadrature
{
    const int Power = 8;

    public static double Integrate(Integral integral, IReadOnlyDictionary<Symbol, double> at)
    {
        var lower = Evaluator.Evaluate(integral.Lower, at);
        var upper = Evaluator.Evaluate(integral.Upper, at);
        var point = new Dictionary<Symbol, double>(at);
        double Body(double t) { point[integral.Variable] = t; return Evaluator.Evaluate(integral.Body, point); }
        return Evaluator.Quadrature(
            s => s == 0 ? 0 : Body(lower + (upper - lower) * Math.Pow(s, Power)) * Power * (upper - lower) * Math.Pow(s, Power - 1),
            0, 1);
    }
}
