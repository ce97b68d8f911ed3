using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// One step of interval propagation: the enclosure of a node from the enclosures of its children
/// (asked of <c>inner</c>), by monotonicity of each operation. Nodes it knows nothing about
/// (functions defined elsewhere, integrals) are the whole line.
/// </summary>
public static class IntervalRules
{
    public static Interval Of(Expr e, Func<Expr, Interval> inner)
    {
        switch (e)
        {
            case Number n: return Interval.Point(n.Value);
            case Symbol s: return Interval.FromSign(Declared(s));
            case Sum sum: return sum.Terms.Aggregate(Interval.Point(Rational.Zero), (acc, t) => IntervalMath.Add(acc, inner(t)));
            case Product p: return p.Factors.Aggregate(Interval.Point(Rational.One), (acc, f) => IntervalMath.Multiply(acc, inner(f)));
            case Power pw:
                if (pw.Exponent is Number k)
                {
                    if (k.Value.IsInteger && BigInteger.Abs(k.Value.Numerator) <= int.MaxValue)
                        return IntervalMath.PowInt(inner(pw.Base), (int)k.Value.Numerator);
                    return IntervalFunctions.PowRational(inner(pw.Base), k.Value);
                }
                return IntervalFunctions.Pow(inner(pw.Base), inner(pw.Exponent));
            case Log l: return IntervalFunctions.Ln(inner(l.Argument));
            case Exponential x: return IntervalFunctions.Exp(inner(x.Argument));
            case Call c when c.Partials.IsEmpty && c.Arguments.Length > 0 && c.Name is "max" or "min":
                var args = c.Arguments.Select(inner).ToList();
                return args.Skip(1).Aggregate(args[0], c.Name == "max" ? IntervalMath.Max : IntervalMath.Min);
            case Call c when c.Partials.IsEmpty && c.Arguments.Length == 1 && c.Name == "abs":
                return IntervalMath.Abs(inner(c.Arguments[0]));
            default: return Interval.Full;
        }
    }

    public static SignSet Declared(Symbol s) => s.Sign switch
    {
        SymbolSign.Positive => SignSet.Positive,
        SymbolSign.NonNegative => SignSet.NonNegative,
        _ => SignSet.Any,
    };
}
