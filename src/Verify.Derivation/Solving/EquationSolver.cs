using Verify.Derivation.Steps;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Solving;

/// <summary>
/// Solves equations of a derivation for unknowns or for atoms (such as aD^rho), on top of the
/// core <see cref="Solver"/>: when the equation as written has no solvable form, it is brought to
/// one fraction and its numerator solved, which needs the denominator proved non-zero.
/// </summary>
public sealed class EquationSolver
{
    const string RuleClearDenominator = "p/q = 0 gives p = 0 only if q != 0";
    const string RuleCramer = "a linear system has the unique solution of Cramer's rule only if its determinant != 0";
    const string RuleRoot = "L = R with L, R > 0 gives L^(1/q) = R^(1/q)";
    const string RulePositiveRoot = "u^p = v with u > 0 gives u = v^(1/p) only if v > 0";

    /// <summary>The rules whose side conditions a conditional solver grants without proof (and writes down).</summary>
    static readonly HashSet<string> ObligedRules =
        [RuleClearDenominator, RuleCramer, RuleRoot, RulePositiveRoot, Solver.RuleLinearCoefficient, Solver.RulePowerRatio];

    readonly DerivationContext context;
    readonly ISignOracle oracle;
    readonly ObligingOracle? obliging;

    public EquationSolver(DerivationContext context) : this(context, conditional: false) { }

    EquationSolver(DerivationContext context, bool conditional)
    {
        this.context = context;
        obliging = conditional ? new ObligingOracle(context.Oracle, ObligedRules) : null;
        oracle = obliging ?? (ISignOracle)context.Oracle;
    }

    /// <summary>
    /// A solver that does not stop at a side condition the oracle cannot prove (a coefficient
    /// non-zero, a value positive): the solution comes with it in <see cref="SolveOutcome.Unproved"/>.
    /// </summary>
    public EquationSolver Conditional() => new(context, conditional: true);

    public SolveOutcome Solve(Equation equation, Symbol x) => WithUnproved(() => Solve(equation, x, allowRoot: true));

    SolveOutcome WithUnproved(Func<SolveOutcome> solve)
    {
        obliging?.Reset();
        var outcome = solve();
        return obliging is null || !outcome.Success ? outcome : outcome with { Unproved = [.. obliging.Unproved] };
    }

    SolveOutcome Solve(Equation equation, Symbol x, bool allowRoot)
    {
        // No rule isolates an unknown from inside an integral with no closed form (in its limits or
        // its integrand): say so at once instead of trying every rewrite on the integral's text.
        if (InsideIntegral(equation, x))
            return SolveOutcome.Failed($"{x.Name} is inside an integral with no closed form");
        // Nor from inside a special function the language has no inverse for (erf of ln aD, say).
        if (InsideSpecialFunction(equation, x) is { } special)
            return SolveOutcome.Failed($"{x.Name} is inside {special}, which has no inverse among the built-in functions");
        var outcome = SolveDirectOrCleared(equation, x);
        if (outcome.Success || !allowRoot) return outcome;
        // Both sides positive and x only under a common symbolic exponent q: raise both to 1/q.
        foreach (var q in SharedExponents(equation, x))
        {
            if (!oracle.Proves(equation.Left, SignSet.Positive, RuleRoot) || !oracle.Proves(equation.Right, SignSet.Positive, RuleRoot)
                || !oracle.Proves(q, SignSet.NonZero, RuleRoot)) continue;
            var inverse = Expr.Div(Expr.One, q);
            var rooted = new Equation(equation.Label, context.Simplify(Expr.Pow(equation.Left, inverse)), context.Simplify(Expr.Pow(equation.Right, inverse)));
            var r = Solve(rooted, x, allowRoot: false);
            if (!r.Success) outcome = outcome with { Reason = $"{outcome.Reason}; raised to 1/({q}): {r.Reason}" };
            if (r.Success)
                return r with { Method = $"raise both sides (positive) to 1/({q}), then {r.Method}", Conditions = [$"both sides > 0, {q} != 0 ({RuleRoot})", .. r.Conditions] };
        }
        return outcome;
    }

    static string? InsideSpecialFunction(Equation e, Symbol x)
    {
        string? found = null;
        bool Hit(Expr n) { if (n is Call c && Verify.Symbolic.Numbers.SpecialFunctions.IsSpecial(c.Name) && c.Contains(x)) found = c.Name; return found is not null; }
        return e.Left.Any(Hit) || e.Right.Any(Hit) ? found : null;
    }

    static bool InsideIntegral(Equation e, Symbol x) =>
        e.Left.Any(n => n is Integral i && i.Contains(x)) || e.Right.Any(n => n is Integral i && i.Contains(x));

    /// <summary>The non-numeric exponents of the powers through which x enters the equation.</summary>
    static IEnumerable<Expr> SharedExponents(Equation e, Symbol x)
    {
        var found = new List<Expr>();
        foreach (var side in new[] { e.Left, e.Right })
            side.Any(n =>
            {
                if (n is Power { Exponent: not Number } p && p.Base.Contains(x) && !p.Exponent.Contains(x) && !found.Contains(p.Exponent)) found.Add(p.Exponent);
                return false;
            });
        return found;
    }

    SolveOutcome SolveDirectOrCleared(Equation equation, Symbol x)
    {
        var direct = Solver.Solve(equation.AsRelation(), x, oracle);
        if (direct.Success) return FromCore(direct, "");
        var (numerator, denominator) = Rationals.NumeratorDenominator(context.Together(equation.Residual));
        if (!oracle.Proves(denominator, SignSet.NonZero, RuleClearDenominator))
            return SolveOutcome.Failed($"{direct.Reason}; the denominator {denominator} is not proved non-zero");
        var cleared = Solver.Solve(new Relation(context.Simplify(Expansion.Expand(numerator, context.Oracle)), RelationOperator.Equal, Expr.Zero), x, oracle);
        if (!cleared.Success) return SolveOutcome.Failed($"as written: {direct.Reason}; with the denominator cleared: {cleared.Reason}");
        return FromCore(cleared, $"cleared the denominator {denominator} (proved non-zero), then ");
    }

    /// <summary>
    /// Solves atom = value for the unknown inside the atom. For a power u^p of a positive unknown
    /// this is u = value^(1/p), which needs value &gt; 0 proved on the value as it stands (before any
    /// expansion hides its factors); anything else goes to <see cref="Solve"/>.
    /// </summary>
    public SolveOutcome SolveAtom(Equation equation, Symbol u) => WithUnproved(() =>
    {
        if (equation.Left is Power { Base: Symbol b, Exponent: var p } && b == u && !p.Contains(u) && !equation.Right.Contains(u)
            && context.Oracle.Proves(u, SignSet.Positive, RulePositiveRoot)
            && oracle.Proves(equation.Right, SignSet.Positive, RulePositiveRoot)
            && context.Oracle.Proves(p, SignSet.NonZero, RulePositiveRoot))
        {
            var value = context.Simplify(Expr.Pow(equation.Right, Expr.Div(Expr.One, p)));
            return SolveOutcome.Solved(value, "a power of the unknown: u^p = v gives u = v^(1/p)",
                [$"{u} > 0, {equation.Right} > 0 ({RulePositiveRoot})"]);
        }
        return Solve(equation, u, allowRoot: true);
    });

    SolveOutcome FromCore(SolveResult r, string prefix)
    {
        var conditions = r.Conditions.Select(c => c.ToString()).Concat(r.Assumptions.Select(a => $"assumed {a}")).ToList();
        var method = r.Method switch
        {
            SolveMethod.Linear => "linear in the unknown",
            SolveMethod.Power => "a single power of the unknown: c*x^p = d gives x = (d/c)^(1/p)",
            SolveMethod.Inner => $"through an inner expression: {r.Steps}",
            SolveMethod.Quadratic => r.Steps ?? "quadratic",
            _ => r.Steps ?? "",
        };
        return SolveOutcome.Solved(context.Simplify(r.Solution!), prefix + method, conditions);
    }

    /// <summary>
    /// Solves n equations that are linear in n atoms (targets) by Cramer's rule. Each atom is
    /// replaced by a fresh symbol; linearity is checked by differentiation (every second
    /// derivative in the fresh symbols must vanish), so nothing is assumed.
    /// </summary>
    public (IReadOnlyList<Expr>? Values, string? Reason, IReadOnlyList<string> Conditions) SolveLinear(IReadOnlyList<Equation> equations, IReadOnlyList<Expr> atoms, IReadOnlyCollection<Symbol> unknowns)
    {
        obliging?.Reset();
        if (unknowns.FirstOrDefault(u => equations.Any(e => InsideIntegral(e, u))) is { } inside)
            return (null, $"{inside.Name} is inside an integral with no closed form", []);
        int n = atoms.Count;
        if (equations.Count != n) return (null, $"{equations.Count} equations for {n} targets", []);
        var fresh = atoms.Select((a, i) => Expr.Sym($"t{i + 1}_", context.Oracle.SignOf(a).Within(SignSet.Positive) ? SymbolSign.Positive : SymbolSign.Real)).ToArray();
        var map = atoms.Select((a, i) => (a, (Expr)fresh[i])).ToDictionary(p => p.a, p => p.Item2);
        var conditions = new List<string>();
        var a = new Expr[n, n];
        var b = new Expr[n];
        for (int i = 0; i < n; i++)
        {
            // Clear denominators first, so powers of an unknown split between numerator and
            // denominator merge into the target atoms before those are replaced.
            var residual = context.Simplify(equations[i].Residual);
            var (numerator, denominator) = Rationals.NumeratorDenominator(context.Together(residual));
            if (unknowns.Any(u => denominator.Contains(u)))
            {
                if (!oracle.Proves(denominator, SignSet.NonZero, RuleClearDenominator))
                    return (null, $"cannot clear the denominator {denominator} of {equations[i].Label}", []);
                if (!Granted(denominator)) conditions.Add($"{denominator} != 0 ({RuleClearDenominator})");
                residual = numerator;
            }
            residual = context.Simplify(Expansion.Expand(residual, context.Oracle).Substitute(map, context.Oracle));
            foreach (var s in unknowns)
                    if (residual.Contains(s))
                        return (null, $"{equations[i].Label} still contains {s.Name} outside the targets {string.Join(", ", atoms)}", []);
            for (int j = 0; j < n; j++)
            {
                a[i, j] = context.Simplify(Differentiation.Derivative(residual, fresh[j], null, context.Oracle));
                foreach (var t in fresh)
                    if (!Expansion.Expand(context.Simplify(Differentiation.Derivative(a[i, j], t, null, context.Oracle)), context.Oracle).Equals(Expr.Zero))
                        return (null, $"{equations[i].Label} is not linear in {string.Join(", ", atoms)}", []);
            }
            b[i] = context.Simplify(Expr.Neg(residual.Substitute(fresh.ToDictionary(t => (Expr)t, _ => Expr.Zero), context.Oracle)));
        }
        var det = context.Together(Determinant(a, n));
        if (!oracle.Proves(det, SignSet.NonZero, RuleCramer))
            return (null, $"the determinant {det} is not proved non-zero", []);
        if (!Granted(det)) conditions.Add($"{det} != 0 ({RuleCramer})");
        var values = new Expr[n];
        for (int j = 0; j < n; j++)
        {
            var aj = (Expr[,])a.Clone();
            for (int i = 0; i < n; i++) aj[i, j] = b[i];
            values[j] = context.Together(Expr.Div(Determinant(aj, n), det));
        }
        if (obliging is not null) conditions.AddRange(obliging.Unproved.Select(u => $"only if {u.Expression} {u.Sign.Describe()} (not proved; {u.Rule})"));
        return (values, null, conditions);
    }

    /// <summary>True when the conditional solver took <paramref name="e"/>'s side condition without proof (it is then written as "only if").</summary>
    bool Granted(Expr e) => obliging is not null && obliging.Unproved.Any(u => u.Expression.Equals(e));

    /// <summary>Side conditions granted without proof by the last call (a conditional solver's only).</summary>
    public IReadOnlyList<SideCondition> LastUnproved => obliging is null ? [] : [.. obliging.Unproved];

    static Expr Determinant(Expr[,] m, int n)
    {
        if (n == 1) return m[0, 0];
        var terms = new List<Expr>();
        for (int j = 0; j < n; j++)
        {
            var minor = new Expr[n - 1, n - 1];
            for (int r = 1; r < n; r++)
                for (int c = 0, k = 0; c < n; c++)
                    if (c != j) minor[r - 1, k++] = m[r, c];
            var term = Expr.Mul(m[0, j], Determinant(minor, n - 1));
            terms.Add(j % 2 == 0 ? term : Expr.Neg(term));
        }
        return Expr.Add(terms);
    }
}
