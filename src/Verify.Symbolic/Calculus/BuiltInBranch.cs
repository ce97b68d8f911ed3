using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Derivatives of the piecewise built-ins max, min and abs. Each is differentiable only where one
/// branch is strictly active, so the derivative is taken only when the oracle decides that branch
/// for all values of the symbols; otherwise the caller gets a clear error rather than a guess.
/// </summary>
internal static class BuiltInBranch
{
    public static bool IsBuiltIn(string name) => name is "max" or "min" or "abs";

    public static Expr Derivative(Call c, Expr[] dargs, Symbol x, ISignOracle oracle) => c.Name switch
    {
        "max" => Extremum(c, dargs, x, oracle, SignSet.Positive, Differentiation.RuleMaxBranch, "the largest"),
        "min" => Extremum(c, dargs, x, oracle, SignSet.Negative, Differentiation.RuleMinBranch, "the smallest"),
        _ => Abs(c, dargs, x, oracle),
    };

    static Expr Extremum(Call c, Expr[] dargs, Symbol x, ISignOracle oracle, SignSet winning, string rule, string role)
    {
        if (c.Arguments.Length == 0) throw new DifferentiationException($"{c.Name} needs at least one argument");
        for (int i = 0; i < c.Arguments.Length; i++)
        {
            var decided = true;
            for (int j = 0; j < c.Arguments.Length && decided; j++)
            {
                if (j == i) continue;
                var gap = Canonical.Add([c.Arguments[i], Canonical.Mul([Expr.MinusOne, c.Arguments[j]], oracle)], oracle);
                // Identical arguments are the same function, so a tie between them is harmless.
                decided = gap is Number { Value.IsZero: true } || oracle.Proves(gap, winning, rule);
            }
            if (decided) return dargs[i];
        }
        throw new DifferentiationException(
            $"cannot differentiate {c} with respect to {x.Name}: the oracle proves no argument strictly {role}, " +
            "so the active branch (and differentiability) is undecided");
    }

    static Expr Abs(Call c, Expr[] dargs, Symbol x, ISignOracle oracle)
    {
        if (c.Arguments.Length != 1) throw new DifferentiationException($"abs takes one argument, got {c.Arguments.Length} in {c}");
        var u = c.Arguments[0];
        if (oracle.Proves(u, SignSet.Positive, Differentiation.RuleAbsBranch)) return dargs[0];
        if (oracle.Proves(u, SignSet.Negative, Differentiation.RuleAbsBranch)) return Canonical.Mul([Expr.MinusOne, dargs[0]], oracle);
        throw new DifferentiationException(
            $"cannot differentiate {c} with respect to {x.Name}: the oracle proves neither {u} > 0 nor {u} < 0");
    }
}
