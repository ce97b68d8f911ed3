using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Claims.Sampling;

/// <summary>
/// Values of a fixed list of symbols in an array, NaN where unknown, and expressions evaluated on
/// such arrays through delegates compiled once per expression and set of known symbols. What an
/// expression means depends on what is known (a derived parameter is written out in terms of
/// others where its own value is unknown); <paramref name="resolve"/> says how.
/// </summary>
sealed class Layout(Symbol[] symbols, Func<Expr, IReadOnlySet<Symbol>, Expr> resolve)
{
    readonly Dictionary<(Expr, long), Func<double[], double>> _compiled = [];

    public Symbol[] Symbols => symbols;

    /// <summary>The known slots as bits (at most 64 symbols).</summary>
    public static long Mask(double[] values)
    {
        long mask = 0;
        for (int i = 0; i < values.Length; i++) if (!double.IsNaN(values[i])) mask |= 1L << i;
        return mask;
    }

    public IEnumerable<Symbol> Known(double[] values) => symbols.Where((_, i) => !double.IsNaN(values[i]));

    /// <summary>e at the given values, read with what they make known.</summary>
    public double Value(Expr e, double[] values)
    {
        var key = (e, Mask(values));
        if (!_compiled.TryGetValue(key, out var f))
            _compiled[key] = f = Compile(resolve(e, Known(values).ToHashSet()));
        return f(values);
    }

    /// <summary>A delegate over this layout's arrays for an expression already read in terms of its symbols.</summary>
    public Func<double[], double> Compile(Expr e) => Compiler.Compile(e, symbols);
}
