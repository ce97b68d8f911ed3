using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// diff(e, x) kept as a call by the parser (ParseContext.DeferDerivatives) until e's names have
/// been replaced by what they stand for; <see cref="Expand"/> then takes every such derivative,
/// innermost first.
/// </summary>
public static class DeferredDerivatives
{
    public const string Name = "diff";

    /// <param name="dependents">For a variable x, the symbols that vary with it and their derivatives by it
    /// (a model's derived parameters, say); null or no entry: every other symbol is held fixed.</param>
    public static Expr Expand(Expr e, IFunctionDerivatives? functions = null, ISignOracle? oracle = null,
        Func<Symbol, IReadOnlyDictionary<Symbol, Expr>>? dependents = null) =>
        Canonical.Transform(e, node =>
            node is Call { Name: Name, Partials.IsEmpty: true, Arguments: [var body, Symbol x] }
                ? dependents?.Invoke(x) is { Count: > 0 } moving
                    ? Differentiation.TotalDerivative(body, x, moving, functions, oracle)
                    : Differentiation.Derivative(body, x, functions, oracle)
                : node, oracle ?? StructuralSign.Instance);

    public static bool Contains(Expr e) => e.Any(n => n is Call { Name: Name });
}
