using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// Turns expressions into functions of a fixed parameter vector. This is the one place that
/// chooses the numeric back end (compiled delegates), so the solver does not depend on it.
/// </summary>
static class CompiledExpression
{
    public static Func<double[], double> Compile(Expr e, IReadOnlyList<Symbol> parameters, FunctionTable? functions)
    {
        if (e is Number n) { var c = n.Value.ToDouble(); return _ => c; }
        return Compiler.Compile(e, parameters, functions, reuseUnchanged: true);
    }

    /// <summary>One delegate writing every expression's value into the results array.</summary>
    public static Action<double[], double[]> CompileMany(IReadOnlyList<Expr> es, IReadOnlyList<Symbol> parameters, FunctionTable? functions) =>
        Compiler.CompileMany(es, parameters, functions, reuseUnchanged: true);
}
