namespace Verify.Symbolic.Core;

/// <summary>
/// The sign oracle that needs no assumptions beyond each symbol's declared sign: signs of
/// numbers, products, sums of like-signed terms, powers of positive bases, exp. It is what
/// canonical construction uses by default; richer oracles (bounds, linear inequalities) extend it.
/// </summary>
public sealed class StructuralSign : ISignOracle
{
    public static readonly StructuralSign Instance = new();

    public SignSet SignOf(Expr e) => Of(e, this);

    /// <summary>The structural rules, asking <paramref name="inner"/> for the signs of sub-expressions.</summary>
    public static SignSet Of(Expr e, ISignOracle inner)
    {
        StackGuard.Ensure();
        switch (e)
        {
            case Number n: return SignSets.Of(n.Value.Sign);
            case Symbol s:
                return s.Sign switch { SymbolSign.Positive => SignSet.Positive, SymbolSign.NonNegative => SignSet.NonNegative, _ => SignSet.Any };
            case Product p:
                return p.Factors.Aggregate(SignSet.Positive, (acc, f) => acc.Times(inner.SignOf(f)));
            case Sum s:
                return s.Terms.Aggregate(SignSet.Zero, (acc, t) => acc.Plus(inner.SignOf(t)));
            case Power p: return PowerSign(inner.SignOf(p.Base), p.Exponent, inner);
            case Exponential: return SignSet.Positive;
            case Log l when l.Argument is Number n:
                return n.Value.Sign <= 0 ? SignSet.Any : SignSets.Of(n.Value.CompareTo(Rational.One));
            case Call c when c.Partials.IsEmpty && c.Name == "max":
                var m = c.Arguments.Select(inner.SignOf).ToList();
                if (m.Any(x => x.Within(SignSet.Positive))) return SignSet.Positive;
                if (m.Any(x => x.Within(SignSet.NonNegative))) return SignSet.NonNegative;
                return SignSet.Any;
            // erf is odd and increasing, so it has its argument's sign; Γ is positive on the positive axis.
            case Call c when c.Partials.IsEmpty && c.Name == "erf" && c.Arguments.Length == 1:
                return inner.SignOf(c.Arguments[0]);
            case Call c when c.Partials.IsEmpty && c.Name == "tgamma" && c.Arguments.Length == 1:
                return inner.SignOf(c.Arguments[0]).Within(SignSet.Positive) ? SignSet.Positive : SignSet.Any;
            // P(s, x) is a probability: positive where s > 0 and x > 0, zero at x = 0.
            case Call c when c.Partials.IsEmpty && c.Name == "gammainc" && c.Arguments.Length == 2:
                if (!inner.SignOf(c.Arguments[0]).Within(SignSet.Positive)) return SignSet.Any;
                var xs = inner.SignOf(c.Arguments[1]);
                return xs.Within(SignSet.Positive) ? SignSet.Positive : xs.Within(SignSet.NonNegative) ? SignSet.NonNegative : SignSet.Any;
            case Call c when c.Partials.IsEmpty && c.Name == "abs":
                return inner.SignOf(c.Arguments[0]).Within(SignSet.NonZero) ? SignSet.Positive : SignSet.NonNegative;
            default: return SignSet.Any;
        }
    }

    static SignSet PowerSign(SignSet b, Expr exponent, ISignOracle inner)
    {
        if (b.Within(SignSet.Positive)) return SignSet.Positive;
        if (exponent is Number { Value: var k } && k.IsInteger)
        {
            var even = k.Numerator.IsEven;
            if (k.Sign > 0)
                return even ? (b.Within(SignSet.NonZero) ? SignSet.Positive : SignSet.NonNegative) : b;
            // Negative integer power: defined only where the base is non-zero.
            var nz = b & SignSet.NonZero;
            return even ? SignSet.Positive : nz == SignSet.None ? SignSet.Any : nz;
        }
        if (b.Within(SignSet.NonNegative))
            return inner.SignOf(exponent).Within(SignSet.Positive) ? SignSet.NonNegative : SignSet.Positive | SignSet.Zero;
        return SignSet.Any;
    }
}
