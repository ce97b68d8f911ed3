using System.Numerics;
using System.Collections.Immutable;

namespace Verify.Symbolic.Core;

/// <summary>
/// The construction rules that keep every tree canonical. Rules that hold for all real values
/// apply always; rules with a side condition (x &gt; 0 for (x^a)^b = x^(ab), x ≠ 0 for x/x = 1)
/// apply only when the given oracle proves it, and the oracle is told which rule asked.
/// </summary>
public static class Canonical
{
    public const string RulePowerOfPower = "(x^a)^b = x^(a*b)";
    public const string RulePowerOfProduct = "(x*y)^a = x^a*y^a";
    public const string RuleMergePowers = "x^a*x^b = x^(a+b)";
    public const string RuleExpLog = "exp(ln x) = x";
    public const string RuleLogPower = "ln(x^a) = a*ln x";
    public const string RuleZeroPower = "0^a = 0";
    public const string RulePowerOfExtremum = "min(x, y)^a = min(x^a, y^a) for a > 0";

    /// <summary>The largest exponent (in nodes) that (x*y)^a = x^a*y^a copies; far above any formula of the bundled model.</summary>
    public const long MaxSplitExponent = 10_000;

    // ---------- sums ----------

    public static Expr Add(IReadOnlyList<Expr> terms, ISignOracle oracle)
    {
        if (terms.Count == 1) return terms[0];
        var constant = Rational.Zero;
        var order = new List<Expr>();
        var coefficients = new Dictionary<Expr, Rational>();
        void Take(Expr t)
        {
            switch (t)
            {
                case Number n: constant += n.Value; return;
                case Sum s: foreach (var u in s.Terms) Take(u); return;
                // A scaled sum inside a sum is flattened too: x - (x - y) = y.
                case Product { Factors: [Number scale, Sum inner] }:
                    foreach (var u in inner.Terms) Take(Mul([scale, u], oracle));
                    return;
            }
            var (c, rest) = SplitCoefficient(t);
            if (coefficients.TryGetValue(rest, out var old)) coefficients[rest] = old + c;
            else { coefficients[rest] = c; order.Add(rest); }
        }
        foreach (var t in terms) Take(t);

        var result = new List<Expr>();
        foreach (var rest in order)
        {
            var c = coefficients[rest];
            if (c.IsZero) continue;
            result.Add(WithCoefficient(c, rest));
        }
        result.Sort(ExprOrder.CompareTerms);
        if (!constant.IsZero) result.Add(Expr.Num(constant));
        return result.Count switch
        {
            0 => Expr.Zero,
            1 => result[0],
            _ => new Sum([.. result]),
        };
    }

    /// <summary>Splits c*rest with c numeric; a non-product is 1*itself.</summary>
    public static (Rational Coefficient, Expr Term) SplitCoefficient(Expr t)
    {
        if (t is Number n) return (n.Value, Expr.One);
        if (t is Product p && p.Factors[0] is Number c)
            return (c.Value, p.Factors.Length == 2 ? p.Factors[1] : new Product(p.Factors.RemoveAt(0)));
        return (Rational.One, t);
    }

    static Expr WithCoefficient(Rational c, Expr rest)
    {
        if (c.IsOne) return rest;
        if (rest is Number n) return Expr.Num(c * n.Value);
        if (rest is Product p) return new Product(p.Factors.Insert(0, Expr.Num(c)));
        return new Product([Expr.Num(c), rest]);
    }

    // ---------- products ----------

    public static Expr Mul(IReadOnlyList<Expr> factors, ISignOracle oracle)
    {
        var coefficient = Rational.One;
        var bases = new List<Expr>();
        var exponents = new Dictionary<Expr, List<Expr>>();
        void Take(Expr f)
        {
            switch (f)
            {
                case Number n: coefficient *= n.Value; return;
                case Product p: foreach (var g in p.Factors) Take(g); return;
            }
            var (b, e) = SplitPower(f);
            if (!exponents.TryGetValue(b, out var list)) { exponents[b] = list = []; bases.Add(b); }
            list.Add(e);
        }
        foreach (var f in factors) Take(f);
        if (coefficient.IsZero) return Expr.Zero;

        var merged = new List<Expr>();
        var again = false;
        foreach (var b in bases)
        {
            foreach (var group in MergeExponents(b, exponents[b], oracle))
            {
                var f = group.Count == 1 && ReferenceEquals(group[0], Expr.One) ? b : Pow(b, Add(group, oracle), oracle);
                if (f is Number n) { coefficient *= n.Value; if (coefficient.IsZero) return Expr.Zero; }
                else if (f is Product) { merged.Add(f); again = true; }
                else merged.Add(f);
            }
        }
        if (again) { merged.Insert(0, Expr.Num(coefficient)); return Mul(merged, oracle); }

        merged.Sort(ExprOrder.Compare);
        if (merged.Count == 0) return Expr.Num(coefficient);

        if (coefficient.IsOne && merged.Count == 1) return merged[0];
        if (!coefficient.IsOne) merged.Insert(0, Expr.Num(coefficient));
        return new Product([.. merged]);
    }

    /// <summary>
    /// Groups the exponents of one base into the sets that may be added. All of them when the
    /// base is proved positive, or proved non-zero and all exponents are integers; otherwise
    /// only numeric exponents of one sign merge (x^(1/2)*x^(1/2) = x wherever the left side is
    /// defined), so x*x^(-1) stays unless x ≠ 0 is proved.
    /// </summary>
    static List<List<Expr>> MergeExponents(Expr b, List<Expr> es, ISignOracle oracle)
    {
        if (es.Count == 1) return [es];
        if (b is Number { Value.Sign: > 0 }) return [es];
        var allIntegers = es.All(e => e is Number { Value.IsInteger: true });
        var allPositiveNumbers = es.All(e => e is Number { Value.Sign: > 0 });
        var allNegativeNumbers = es.All(e => e is Number { Value.Sign: < 0 });
        if (allPositiveNumbers || allNegativeNumbers) return [es];
        if (oracle.Proves(b, SignSet.Positive, RuleMergePowers)) return [es];
        if (allIntegers && oracle.Proves(b, SignSet.NonZero, RuleMergePowers)) return [es];
        var positive = es.Where(e => e is Number { Value.Sign: > 0 }).ToList();
        var negative = es.Where(e => e is Number { Value.Sign: < 0 }).ToList();
        var groups = new List<List<Expr>>();
        if (positive.Count > 0) groups.Add(positive);
        if (negative.Count > 0) groups.Add(negative);
        groups.AddRange(es.Where(e => e is not Number).Select(e => new List<Expr> { e }));
        return groups;
    }

    /// <summary>Splits x^e into (x, e); anything else is (itself, 1).</summary>
    public static (Expr Base, Expr Exponent) SplitPower(Expr f) =>
        f is Power p ? (p.Base, p.Exponent) : (f, Expr.One);

    // ---------- powers ----------

    public static Expr Pow(Expr b, Expr e, ISignOracle oracle)
    {
        if (e is Number { Value.IsZero: true }) return Expr.One;
        if (e is Number { Value.IsOne: true }) return b;
        if (b is Number { Value.IsOne: true }) return Expr.One;

        if (b is Number nb)
        {
            if (nb.Value.IsZero)
            {
                if (e is Number ne0) return ne0.Value.Sign > 0 ? Expr.Zero : new Power(b, e);
                return oracle.Proves(e, SignSet.Positive, RuleZeroPower) ? Expr.Zero : new Power(b, e);
            }
            if (e is Number ne) return NumericPower(nb.Value, ne.Value);
            return new Power(b, e);
        }

        switch (b)
        {
            case Power inner:
                if (IsInteger(e) && IsInteger(inner.Exponent)
                    || oracle.Proves(inner.Base, SignSet.NonNegative, RulePowerOfPower))
                    return Pow(inner.Base, Mul([inner.Exponent, e], oracle), oracle);
                break;
            case Exponential ex:
                return Exp(Mul([ex.Argument, e], oracle), oracle);
            case Product p:
                if (IsInteger(e)) return Mul(p.Factors.Select(f => Pow(f, e, oracle)).ToArray(), oracle);
                // Splitting copies the exponent into every factor; at each level of a tower (x*y)^(x*y)^...
                // that multiplies the tree, so a huge exponent stays on the whole product.
                if (e.Size > MaxSplitExponent) return new Power(b, e);
                return PowerOfProduct(p, e, oracle);
            case Core.Call { Name: "min" or "max", Partials.IsEmpty: true } c when PowerIsMonotone(c, e, oracle):
                // Each argument's power is then one power of its own base: (y^(1/k))^a = y^(a/k) is computed from y
                // directly, where y^(1/k) alone may underflow to 0 while y^(a/k) is of order one.
                return Call(c.Name, c.Arguments.Select(x => Pow(x, e, oracle)).ToArray(), c.Partials);
        }
        return new Power(b, e);
    }

    /// <summary>t ↦ t^a is increasing on t ≥ 0 when a &gt; 0, so it commutes with min and max over non-negative arguments.</summary>
    static bool PowerIsMonotone(Core.Call c, Expr e, ISignOracle oracle) =>
        (e is Number { Value.Sign: > 0 } || oracle.Proves(e, SignSet.Positive, RulePowerOfExtremum))
        && c.Arguments.All(x => x is Number { Value.Sign: >= 0 } || oracle.Proves(x, SignSet.NonNegative, RulePowerOfExtremum));

    static Expr PowerOfProduct(Product p, Expr e, ISignOracle oracle)
    {
        // (x*y)^a = x^a*y^a for the factors proved non-negative; the rest stay under one power.
        var split = new List<Expr>();
        var kept = new List<Expr>();
        foreach (var f in p.Factors)
        {
            if (f is Number { Value.Sign: > 0 } || oracle.Proves(f, SignSet.NonNegative, RulePowerOfProduct)) split.Add(Pow(f, e, oracle));
            else kept.Add(f);
        }
        if (split.Count == 0) return new Power(p, e);
        if (kept.Count > 0)
            split.Add(kept.Count == 1 ? new Power(kept[0], e) : new Power(Mul(kept, oracle), e));
        return Mul(split, oracle);
    }

    static bool IsInteger(Expr e) => e is Number { Value.IsInteger: true };

    /// <summary>r^k exactly when possible; q^(m/n) is kept exact (e.g. 8^(2/3) = 4) or left as a power.</summary>
    static Expr NumericPower(Rational r, Rational k)
    {
        if (k.IsInteger)
        {
            if (BigIntegerFits(k)) return Expr.Num(r.Pow((int)k.Numerator));
            return new Power(Expr.Num(r), Expr.Num(k));
        }
        if (r.Sign < 0 || k.Denominator > 64 || BigInteger.Abs(k.Numerator) > 64)
            return new Power(Expr.Num(r), Expr.Num(k));
        var root = r.ExactRoot((int)k.Denominator);
        if (root is { } exact) return Expr.Num(exact.Pow((int)k.Numerator));
        return new Power(Expr.Num(r), Expr.Num(k));
    }

    static bool BigIntegerFits(Rational k) => BigInteger.Abs(k.Numerator) <= 4096;

    // ---------- elementary functions ----------

    public static Expr Ln(Expr x, ISignOracle oracle)
    {
        switch (x)
        {
            case Number { Value.IsOne: true }: return Expr.Zero;
            case Exponential ex: return ex.Argument;
            case Power p when oracle.Proves(p.Base, SignSet.Positive, RuleLogPower):
                return Mul([p.Exponent, Ln(p.Base, oracle)], oracle);
        }
        return new Log(x);
    }

    public static Expr Exp(Expr x, ISignOracle oracle)
    {
        if (x is Number { Value.IsZero: true }) return Expr.One;
        if (x is Log l && oracle.Proves(l.Argument, SignSet.Positive, RuleExpLog)) return l.Argument;
        return new Exponential(x);
    }

    public static Expr Call(string name, IReadOnlyList<Expr> args, ImmutableArray<int> partials)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A function needs a name.", nameof(name));
        var sorted = partials.Sort();
        return new Call(name, [.. args], sorted);
    }

    public static Expr Integral(Expr body, Symbol variable, Expr lower, Expr upper)
    {
        if (lower.Equals(upper)) return Expr.Zero;
        if (body is Number { Value.IsZero: true }) return Expr.Zero;
        return new Integral(body, variable, lower, upper);
    }

    /// <summary>Rebuilds <paramref name="node"/> over new children through the canonical rules of <paramref name="oracle"/>.</summary>
    public static Expr Rebuild(Expr node, IReadOnlyList<Expr> children, ISignOracle oracle) => node switch
    {
        Number or Symbol => node,
        Sum => Add(children, oracle),
        Product => Mul(children, oracle),
        Power => Pow(children[0], children[1], oracle),
        Log => Ln(children[0], oracle),
        Exponential => Exp(children[0], oracle),
        Core.Call c => Canonical.Call(c.Name, children, c.Partials),
        Core.Integral => Canonical.Integral(children[0], (Symbol)children[1], children[2], children[3]),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>Rewrites bottom-up: <paramref name="f"/> sees each node after its children were rewritten; unchanged subtrees are shared.</summary>
    public static Expr Transform(Expr e, Func<Expr, Expr> f, ISignOracle oracle)
    {
        StackGuard.Ensure();
        var kids = e.Children;
        if (kids.Count == 0) return f(e);
        Expr[]? changed = null;
        for (int i = 0; i < kids.Count; i++)
        {
            var k = Transform(kids[i], f, oracle);
            if (!ReferenceEquals(k, kids[i])) { changed ??= [.. kids]; changed[i] = k; }
        }
        return f(changed is null ? e : Rebuild(e, changed, oracle));
    }
}
