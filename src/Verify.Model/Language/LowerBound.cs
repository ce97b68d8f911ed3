using Verify.Symbolic.Core;

namespace Verify.Model.Language;

/// <summary>A proved lower bound: the value is &gt; Value when Strict, else &gt;= Value.</summary>
readonly record struct LowerBound(Rational Value, bool Strict)
{
    public static readonly LowerBound Zero = new(Rational.Zero, false);
    public static readonly LowerBound AboveZero = new(Rational.Zero, true);

    public bool IsPositive => Value.Sign > 0 || Value.IsZero && Strict;

    public SymbolSign Sign => IsPositive ? SymbolSign.Positive : Value.Sign >= 0 ? SymbolSign.NonNegative : SymbolSign.Real;

    public static LowerBound Of(SymbolSign sign) => sign switch
    {
        SymbolSign.Positive => AboveZero,
        SymbolSign.NonNegative => Zero,
        _ => throw new ArgumentOutOfRangeException(nameof(sign), sign, "a real symbol has no lower bound"),
    };

    /// <summary>The tighter of two bounds.</summary>
    public static LowerBound? Best(LowerBound? a, LowerBound? b)
    {
        if (a is not { } x) return b;
        if (b is not { } y) return a;
        if (x.Value != y.Value) return x.Value > y.Value ? x : y;
        return x.Strict ? x : y;
    }
}

/// <summary>
/// The small interval propagation behind sign inference: a lower bound of an expression from
/// the lower bounds already known for its symbols (by name). Only rules that need no upper
/// bound are used: sums of bounded terms, products of a positive number and non-negative
/// factors, powers and exponentials of positive bases, max, min and abs. Anything else has no
/// bound, which is always sound. A relation assumed to hold (rho &gt; sigma - 1) also bounds any
/// expression that differs from its difference by something bounded (rho + 1 - sigma &gt; 0).
/// </summary>
sealed class LowerBounds
{
    readonly Dictionary<string, LowerBound> _known;
    readonly List<(Expr Difference, LowerBound Bound)> _assumed = [];

    public LowerBounds() { _known = new(StringComparer.Ordinal); }
    LowerBounds(LowerBounds parent)
    {
        _known = new(parent._known, StringComparer.Ordinal);
        _assumed.AddRange(parent._assumed);
    }

    /// <summary>A copy to extend for an inner scope (a regime, a phase) without touching this one.</summary>
    public LowerBounds Derive() => new(this);

    public void Set(string name, LowerBound? bound)
    {
        if (bound is { } b) _known[name] = b;
        else _known.Remove(name);
    }

    public SymbolSign SignOf(string name) => _known.TryGetValue(name, out var b) ? b.Sign : SymbolSign.Real;

    /// <summary>Records an assumed relation so that <see cref="Of"/> may use it for other expressions.</summary>
    public void Assume(Relation relation)
    {
        var (difference, sign) = relation.AsSign();
        switch (sign)
        {
            case SignSet.Positive: _assumed.Add((difference, LowerBound.AboveZero)); break;
            case SignSet.NonNegative: _assumed.Add((difference, LowerBound.Zero)); break;
            case SignSet.Negative: _assumed.Add((Expr.Neg(difference), LowerBound.AboveZero)); break;
            case SignSet.NonPositive: _assumed.Add((Expr.Neg(difference), LowerBound.Zero)); break;
        }
    }

    /// <summary>The bound <paramref name="name"/> gets from its domain: each relation "name &gt; e" (or e &lt; name, name = e) bounds it by e.</summary>
    public LowerBound? FromDomain(string name, IEnumerable<Relation> domain)
    {
        LowerBound? best = null;
        foreach (var r in domain)
        {
            var (symbolLeft, symbolRight) = (IsSymbol(r.Left, name), IsSymbol(r.Right, name));
            Expr? other = null; bool strict = false;
            switch (r.Operator)
            {
                case RelationOperator.Greater or RelationOperator.GreaterOrEqual when symbolLeft:
                    other = r.Right; strict = r.Operator == RelationOperator.Greater; break;
                case RelationOperator.Less or RelationOperator.LessOrEqual when symbolRight:
                    other = r.Left; strict = r.Operator == RelationOperator.Less; break;
                case RelationOperator.Equal when symbolLeft || symbolRight:
                    other = symbolLeft ? r.Right : r.Left; break;
            }
            if (other is null || other.FreeSymbols().Any(s => s.Name == name)) continue;
            if (Of(other) is { } b) best = LowerBound.Best(best, b with { Strict = b.Strict || strict });
        }
        return best;
    }

    static bool IsSymbol(Expr e, string name) => e is Symbol s && s.Name == name;

    /// <summary>A lower bound of <paramref name="e"/>, directly or through an assumed relation; null when none is found.</summary>
    public LowerBound? Of(Expr e)
    {
        var best = Direct(e);
        foreach (var (difference, bound) in _assumed)
        {
            // e = difference + (e - difference), and difference >= bound.
            if (Direct(Minus(e, difference)) is { } rest)
                best = LowerBound.Best(best, new LowerBound(rest.Value + bound.Value, rest.Strict || bound.Strict));
        }
        return best;
    }

    /// <summary>a - b with numeric multiples of sums spread over their terms, so that like terms cancel.</summary>
    static Expr Minus(Expr a, Expr b) =>
        Expr.Add(Terms(a, Rational.One).Concat(Terms(b, Rational.MinusOne)));

    static IEnumerable<Expr> Terms(Expr e, Rational factor)
    {
        var (coefficient, rest) = Canonical.SplitCoefficient(e);
        if (rest is Sum s) return s.Terms.SelectMany(t => Terms(t, factor * coefficient));
        return [Expr.Mul(Expr.Num(factor * coefficient), rest)];
    }

    LowerBound? Direct(Expr e)
    {
        switch (e)
        {
            case Number n: return new LowerBound(n.Value, false);
            case Symbol s: return _known.TryGetValue(s.Name, out var b) ? b : s.Sign == SymbolSign.Real ? null : LowerBound.Of(s.Sign);
            case Sum sum:
            {
                var total = Rational.Zero; var strict = false;
                foreach (var t in sum.Terms)
                {
                    if (Direct(t) is not { } tb) return null;
                    total += tb.Value; strict |= tb.Strict;
                }
                return new LowerBound(total, strict);
            }
            case Product p: return ProductBound(p);
            case Power pw:
                if (Direct(pw.Base) is { IsPositive: true }) return LowerBound.AboveZero;
                if (pw.Exponent is Number { Value: { IsInteger: true, Sign: > 0 } k } && k.Numerator.IsEven) return LowerBound.Zero;
                if (Direct(pw.Base) is not { } bb || bb.Value.Sign < 0) return null;
                // A base that may be zero: 0^e is 0 for e > 0, undefined otherwise.
                return Direct(pw.Exponent) is { IsPositive: true } ? LowerBound.Zero : null;
            case Exponential: return LowerBound.AboveZero;
            case Call { Partials.IsEmpty: true } c when c.Name == "max":
                return c.Arguments.Select(Direct).Aggregate((LowerBound?)null, LowerBound.Best);
            case Call { Partials.IsEmpty: true } c when c.Name == "min":
            {
                LowerBound? lowest = null;
                foreach (var a in c.Arguments)
                {
                    if (Direct(a) is not { } ab) return null;
                    lowest = lowest is not { } l || ab.Value < l.Value || ab.Value == l.Value && !ab.Strict ? ab : l;
                }
                return lowest;
            }
            case Call { Partials.IsEmpty: true } c when c.Name == "abs": return LowerBound.Zero;
            default: return null;
        }
    }

    LowerBound? ProductBound(Product p)
    {
        // Only c * f1 * ... with c > 0 and every f >= 0: then the product is at least c * the product of the bounds.
        var coefficient = p.Coefficient;
        if (coefficient.Sign <= 0) return null;
        var value = coefficient; var anyStrict = false; var weakZero = false;
        foreach (var f in p.Factors)
        {
            if (f is Number) continue;
            if (Direct(f) is not { } fb || fb.Value.Sign < 0) return null;
            value *= fb.Value;
            anyStrict |= fb.Strict;
            // A factor that may be exactly zero makes the product's bound non-strict.
            weakZero |= fb.Value.IsZero && !fb.Strict;
        }
        return new LowerBound(value, anyStrict && !weakZero);
    }
}
