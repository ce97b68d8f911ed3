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

    public static Expr Expand(Expr e, IFunctionDerivatives? functions = null, ISignOracle? oracle = null) =>
        Canonical.Transform(e, node =>
            node is Call { Name: Name, Partials.IsEmpty: true, Arguments: [var body, Symbol x] }
                ? Differentiation.Derivative(body, x, functions, oracle)
                : node, oracle ?? StructuralSign.Instance);

    public static bool Contains(Expr e) => e.Any(n => n is Call { Name: Name });
}
