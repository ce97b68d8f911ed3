using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Symbolic differentiation. Every rule that holds only under a condition (a positive base for a
/// power whose exponent varies, the active branch of max/min/abs) asks the oracle to prove it and
/// raises <see cref="DifferentiationException"/> when it cannot.
/// </summary>
public static class Differentiation
{
    public const string RuleVariableExponent = "d(b^e) = b^e*(e'*ln b + e*b'/b) needs b > 0";
    public const string RuleMaxBranch = "d max(a, ...) = da where a exceeds every other argument";
    public const string RuleMinBranch = "d min(a, ...) = da where a is below every other argument";
    public const string RuleAbsBranch = "d abs(u) = du where u > 0, -du where u < 0";

    static readonly IReadOnlyDictionary<Symbol, Expr> NoDependents = new Dictionary<Symbol, Expr>();

    /// <summary>∂e/∂x, every other symbol held fixed.</summary>
    public static Expr Derivative(Expr e, Symbol x, IFunctionDerivatives? functions = null, ISignOracle? oracle = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(x);
        return new Differentiator(x, NoDependents, functions, oracle ?? StructuralSign.Instance).D(e);
    }

    /// <summary>
    /// de/dx where each symbol y in <paramref name="dependents"/> is itself a function of x with
    /// dy/dx = dependents[y]; symbols not listed are held fixed.
    /// </summary>
    public static Expr TotalDerivative(Expr e, Symbol x, IReadOnlyDictionary<Symbol, Expr> dependents,
        IFunctionDerivatives? functions = null, ISignOracle? oracle = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(dependents);
        if (dependents.ContainsKey(x))
            throw new ArgumentException($"'{x.Name}' is the variable of differentiation and cannot also be listed as depending on it.", nameof(dependents));
        return new Differentiator(x, dependents, functions, oracle ?? StructuralSign.Instance).D(e);
    }
}
