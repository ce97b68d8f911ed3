using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// One differentiation pass: d/dx with the given dependents, function derivatives and oracle.
/// Results are memoised per sub-expression, since derivative trees share subtrees heavily.
/// </summary>
internal sealed class Differentiator(
    Symbol x, IReadOnlyDictionary<Symbol, Expr> dependents, IFunctionDerivatives? functions, ISignOracle oracle)
{
    readonly Dictionary<Expr, Expr> _memo = [];

    public Expr D(Expr e)
    {
        StackGuard.Ensure();
        if (_memo.TryGetValue(e, out var known)) return known;
        var d = Compute(e);
        _memo[e] = d;
        return d;
    }

    Expr Compute(Expr e) => e switch
    {
        Number => Expr.Zero,
        Symbol s => s.Equals(x) ? Expr.One : dependents.TryGetValue(s, out var ds) ? ds : Expr.Zero,
        Sum s => Add(s.Terms.Select(D)),
        Product p => ProductRule(p),
        Power p => PowerRule(p),
        Log l => Mul(D(l.Argument), Pow(l.Argument, Expr.MinusOne)),
        Exponential ex => Mul(ex, D(ex.Argument)),
        Call c => CallRule(c),
        Integral i => Leibniz(i),
        _ => throw new NotSupportedException($"no derivative rule for {e.GetType().Name}"),
    };

    Expr ProductRule(Product p)
    {
        var terms = new List<Expr>();
        for (int i = 0; i < p.Factors.Length; i++)
        {
            var di = D(p.Factors[i]);
            if (IsZero(di)) continue;
            var factors = p.Factors.RemoveAt(i).Add(di);
            terms.Add(Mul(factors));
        }
        return Add(terms);
    }

    /// <summary>An expression for a message, cut at a length a reader can take in (erf sums run to tens of thousands of characters).</summary>
    static string Quote(Expr e)
    {
        const int Longest = 300;
        var text = e.ToString();
        return text.Length <= Longest ? text : $"{text[..Longest]}... ({text.Length} characters)";
    }

    Expr PowerRule(Power p)
    {
        var db = D(p.Base);
        var de = D(p.Exponent);
        if (IsZero(de))
            return IsZero(db) ? Expr.Zero : Mul(p.Exponent, Pow(p.Base, Add([p.Exponent, Expr.MinusOne])), db);
        // b^e = exp(e ln b) is real and differentiable only where b > 0.
        if (!oracle.Proves(p.Base, SignSet.Positive, Differentiation.RuleVariableExponent))
            throw new DifferentiationException(
                $"cannot differentiate {Quote(p)} with respect to {x.Name}: its exponent depends on {x.Name}, " +
                $"which needs the base {Quote(p.Base)} > 0, and the oracle does not prove that");
        var inner = Add([Mul(de, Canonical.Ln(p.Base, oracle)), Mul(p.Exponent, db, Pow(p.Base, Expr.MinusOne))]);
        return Mul(p, inner);
    }

    Expr CallRule(Call c)
    {
        var dargs = c.Arguments.Select(D).ToArray();
        if (dargs.All(IsZero)) return Expr.Zero;
        if (c.Partials.IsEmpty && BuiltInBranch.IsBuiltIn(c.Name))
            return BuiltInBranch.Derivative(c, dargs, x, oracle);
        if (SpecialDerivatives.IsSpecial(c))
            return SpecialDerivatives.Derivative(c, dargs, x, oracle);
        var terms = new List<Expr>();
        for (int i = 0; i < dargs.Length; i++)
        {
            if (IsZero(dargs[i])) continue;
            var partial = functions?.Partial(c, i) ?? Expr.Call(c.Name, c.Arguments, c.Partials.Add(i));
            terms.Add(Mul(partial, dargs[i]));
        }
        return Add(terms);
    }

    /// <summary>d/dx ∫_l^u g(t, x) dt = g(u, x)·u' − g(l, x)·l' + ∫_l^u ∂g/∂x dt.</summary>
    Expr Leibniz(Integral i)
    {
        var t = i.Variable;
        var terms = new List<Expr>();
        var du = D(i.Upper);
        if (!IsZero(du)) terms.Add(Mul(BodyAt(i, i.Upper), du));
        var dl = D(i.Lower);
        if (!IsZero(dl)) terms.Add(Mul(Expr.MinusOne, BodyAt(i, i.Lower), dl));
        // When t is x itself, x inside the body is bound and the body does not vary with the outer x.
        if (!t.Equals(x))
        {
            var dBody = InnerDifferentiator(i).D(i.Body);
            if (!IsZero(dBody)) terms.Add(Canonical.Integral(dBody, t, i.Lower, i.Upper));
        }
        return Add(terms);
    }

    /// <summary>The body with its variable replaced by a limit, refusing a substitution that would capture.</summary>
    Expr BodyAt(Integral i, Expr limit)
    {
        var captured = BoundVariables(i.Body).Intersect(limit.FreeSymbols()).FirstOrDefault();
        if (captured is not null)
            throw new DifferentiationException(
                $"cannot apply the Leibniz rule to {i}: the limit {limit} mentions '{captured.Name}', which an inner integral binds; rename that variable");
        return i.Body.Substitute(i.Variable, limit, oracle);
    }

    Differentiator InnerDifferentiator(Integral i)
    {
        var t = i.Variable;
        var clash = dependents.FirstOrDefault(kv => kv.Value.Contains(t) && i.Body.Contains(kv.Key));
        if (clash.Key is not null)
            throw new DifferentiationException(
                $"cannot differentiate inside {i}: d{clash.Key.Name}/d{x.Name} = {clash.Value} mentions the integration variable '{t.Name}'; rename it");
        if (!dependents.ContainsKey(t)) return this;
        // The bound t is not the dependent symbol of the same name outside.
        var inner = dependents.Where(kv => !kv.Key.Equals(t)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return new Differentiator(x, inner, functions, oracle);
    }

    static IEnumerable<Symbol> BoundVariables(Expr e)
    {
        var found = new HashSet<Symbol>();
        void Walk(Expr n)
        {
            if (n is Integral i) found.Add(i.Variable);
            foreach (var c in n.Children) Walk(c);
        }
        Walk(e);
        return found;
    }

    static bool IsZero(Expr e) => e is Number { Value.IsZero: true };
    Expr Add(IEnumerable<Expr> terms) => Canonical.Add(terms.ToArray(), oracle);
    Expr Mul(IEnumerable<Expr> factors) => Canonical.Mul(factors.ToArray(), oracle);
    Expr Mul(params Expr[] factors) => Canonical.Mul(factors, oracle);
    Expr Pow(Expr b, Expr e) => Canonical.Pow(b, e, oracle);
}
