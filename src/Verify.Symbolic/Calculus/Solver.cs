using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Closed-form solutions of one equation for one symbol. With everything moved to one side,
/// products distributed and like terms collected, the equation must be
/// (a) linear, a·x + b = 0 with a ≠ 0 proved; or
/// (b) one power of x, c·x^p = d, solved by the root x = (d/c)^(1/p) with x &gt; 0, d/c &gt; 0 and p ≠ 0; or
/// (c) of form (a) or (b) in an inner expression g (a base x appears through), then g = value solved again.
/// Anything else is reported with the reason (e.g. x under two different exponents), for root-finding.
/// </summary>
public static class Solver
{
    public const string RuleLinearCoefficient = "a*x + b = 0 gives x = -b/a only if a != 0";
    public const string RulePowerExponent = "x^p = r gives x = r^(1/p) only if p != 0";
    public const string RulePowerRatio = "c*x^p = d has the root x = (d/c)^(1/p) > 0 only if d/c > 0";
    public const string RulePositiveRoot = "(d/c)^(1/p) is the root with x > 0";

    const int MaxNesting = 4;

    public static SolveResult Solve(Relation equation, Symbol x, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(equation);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(oracle);
        if (equation.Operator != RelationOperator.Equal)
            return SolveResult.Failed($"only equations can be solved; {equation} is an inequality");
        var zero = Canonical.Add([equation.Left, Canonical.Mul([Expr.MinusOne, equation.Right], oracle)], oracle);
        if (!zero.Contains(x))
            return SolveResult.Failed($"the equation {equation} does not involve {x.Name}");
        return SolveZero(zero, x, oracle, 0);
    }

    /// <summary>
    /// The exponents p with which x enters the terms of <paramref name="e"/> (products multiplied
    /// out) as c*x^p with c free of x; null when x appears any other way (inside a sum under a
    /// power, say). A system whose every equation gives each unknown one exponent is linear in the
    /// atoms x^p, which is what Cramer's rule needs.
    /// </summary>
    public static IReadOnlyList<Expr>? ExponentsOf(Expr e, Symbol x, ISignOracle oracle)
    {
        var terms = TermExpansion.Terms(e, oracle, expandIntegerPowers: false);
        if (terms is null) return null;
        var found = new List<Expr>();
        foreach (var term in terms)
        {
            if (!term.Contains(x)) continue;
            if (!Monomial.TryRead(term, x, oracle, out var m, out _)) return null;
            if (!found.Contains(m.Exponent)) found.Add(m.Exponent);
        }
        return found;
    }

    /// <summary>Solves f = 0 for x.</summary>
    static SolveResult SolveZero(Expr f, Symbol x, ISignOracle oracle, int depth)
    {
        var terms = TermExpansion.Terms(f, oracle, expandIntegerPowers: false);
        if (terms is null) return SolveResult.Failed($"{f} has too many terms once products are multiplied out");

        var free = new List<Expr>();
        var order = new List<Expr>();
        var groups = new Dictionary<Expr, (List<Expr> Coefficients, bool Polynomial)>();
        var opaque = new List<Expr>();
        foreach (var term in terms)
        {
            if (!term.Contains(x)) { free.Add(term); continue; }
            if (!Monomial.TryRead(term, x, oracle, out var m, out _)) { opaque.Add(term); continue; }
            if (!groups.TryGetValue(m.Exponent, out var g)) { g = ([], true); order.Add(m.Exponent); }
            g.Coefficients.Add(m.Coefficient);
            groups[m.Exponent] = (g.Coefficients, g.Polynomial && m.Polynomial);
        }

        if (opaque.Count > 0) return SolveInner(f, opaque, x, oracle, depth);
        if (order.Count == 0) return SolveResult.Failed($"{x.Name} cancels out of {f}");
        if (order.Count == 2 && Quadratic.Degrees(order, oracle) is { } q)
            return Quadratic.Solve(
                Canonical.Add(groups[order[q.Square]].Coefficients, oracle),
                Canonical.Add(groups[order[q.Linear]].Coefficients, oracle),
                Canonical.Add(free, oracle), order[q.Linear], x, oracle);
        if (order.Count > 1)
            return SolveResult.Failed(
                $"no closed form: {x.Name} appears with exponents {JoinAnd(order.Select(p => p.ToString()))}; find the root numerically");

        var p = order[0];
        var (coefficients, polynomial) = groups[p];
        var c = Canonical.Add(coefficients, oracle);
        // Negated term by term, so that the solution reads (c - b)/a rather than -(b - c)/a.
        var d = Canonical.Add(free.Select(t => Canonical.Mul([Expr.MinusOne, t], oracle)).ToArray(), oracle);
        // x^a·x^b read as x^(a+b) is exact for all real x only when every exponent was a natural number.
        if (polynomial && p is Number { Value.IsOne: true }) return Linear(c, d, x, oracle);
        return Power(c, d, p, x, oracle);
    }

    /// <summary>c·x = d.</summary>
    static SolveResult Linear(Expr c, Expr d, Symbol x, ISignOracle oracle)
    {
        if (!oracle.Proves(c, SignSet.NonZero, RuleLinearCoefficient))
            return SolveResult.Failed($"{x.Name} has the coefficient {c}, which the oracle does not prove non-zero");
        var solution = Canonical.Mul([d, Canonical.Pow(c, Expr.MinusOne, oracle)], oracle);
        return SolveResult.Solved(solution, SolveMethod.Linear, $"linear in {x.Name}",
            Recorded(new SideCondition(RuleLinearCoefficient, c, SignSet.NonZero)), []);
    }

    /// <summary>c·x^p = d.</summary>
    static SolveResult Power(Expr c, Expr d, Expr p, Symbol x, ISignOracle oracle)
    {
        if (!oracle.Proves(p, SignSet.NonZero, RulePowerExponent))
            return SolveResult.Failed($"{x.Name} appears as {x.Name}^({p}), and the oracle does not prove the exponent non-zero");
        var ratio = Canonical.Mul([d, Canonical.Pow(c, Expr.MinusOne, oracle)], oracle);
        if (!oracle.Proves(ratio, SignSet.Positive, RulePowerRatio))
            return SolveResult.Failed(
                $"{x.Name}^({p}) = {ratio} has a positive root only if {ratio} > 0, which the oracle does not prove");
        var solution = Canonical.Pow(ratio, Canonical.Pow(p, Expr.MinusOne, oracle), oracle);
        var root = new SideCondition(RulePositiveRoot, x, SignSet.Positive);
        var xPositive = oracle.Proves(x, SignSet.Positive, RulePositiveRoot);
        var conditions = Recorded(
            new SideCondition(RulePowerExponent, p, SignSet.NonZero),
            new SideCondition(RulePowerRatio, ratio, SignSet.Positive),
            xPositive ? root : null);
        return SolveResult.Solved(solution, SolveMethod.Power, $"power of {x.Name}", conditions, xPositive ? [] : [root]);
    }

    /// <summary>x appears inside a power's base g: solve for g as a fresh symbol, then g = that for x.</summary>
    static SolveResult SolveInner(Expr f, List<Expr> opaque, Symbol x, ISignOracle oracle, int depth)
    {
        var why = $"{x.Name} appears in {opaque[0]} in a form no method handles " +
                  "(only a*x + b, c*x^p = d, and such forms in an inner expression)";
        if (depth >= MaxNesting) return SolveResult.Failed(why);
        var inners = opaque
            .SelectMany(t => t is Product p ? p.Factors.AsEnumerable() : [t])
            .OfType<Power>()
            .Where(pw => pw.Base.Contains(x) && !pw.Base.Equals(x) && !pw.Exponent.Contains(x))
            .Select(pw => pw.Base)
            .Distinct()
            .ToList();
        foreach (var g in inners)
        {
            var u = Fresh(f);
            var inU = f.Substitute(g, u, oracle);
            if (inU.Contains(x)) continue;     // x appears elsewhere too
            var outer = SolveZero(inU, u, oracle, depth + 1);
            if (!outer.Success) { why = $"solving for {g}: {outer.Reason}"; continue; }
            var inner = SolveZero(Canonical.Add([g, Canonical.Mul([Expr.MinusOne, outer.Solution!], oracle)], oracle), x, oracle, depth + 1);
            if (!inner.Success) { why = $"solving {g} = {outer.Solution} for {x.Name}: {inner.Reason}"; continue; }
            // Conditions about the stand-in u are conditions about g.
            var conditions = outer.Conditions.Select(s => About(s, u, g, oracle)).Concat(inner.Conditions).Distinct().ToList();
            var assumptions = outer.Assumptions.Select(s => About(s, u, g, oracle)).Concat(inner.Assumptions).Distinct().ToList();
            return SolveResult.Solved(inner.Solution!, SolveMethod.Inner,
                $"{outer.Method.ToString().ToLowerInvariant()} in {g}, then {inner.Steps}", conditions, assumptions);
        }
        return SolveResult.Failed(why);
    }

    /// <summary>The condition with the stand-in <paramref name="u"/> replaced by the inner expression it stood for.</summary>
    static SideCondition About(SideCondition c, Symbol u, Expr inner, ISignOracle oracle) =>
        c with { Expression = c.Expression.Substitute(u, inner, oracle) };

    /// <summary>A real symbol not occurring in <paramref name="e"/>, to stand for an inner expression.</summary>
    static Symbol Fresh(Expr e)
    {
        var taken = e.FreeSymbols().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        for (int k = 0; ; k++)
        {
            var name = k == 0 ? "inner" : $"inner{k}";
            if (!taken.Contains(name)) return Expr.Sym(name);
        }
    }

    /// <summary>The conditions worth reporting: numbers prove themselves.</summary>
    static List<SideCondition> Recorded(params SideCondition?[] conditions) =>
        [.. conditions.OfType<SideCondition>().Where(c => c.Expression is not Number)];

    static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
