using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Numeric meanings for functions that are not built in (implicitly defined quantities, say):
/// a name maps to a function of the argument values. Partial derivatives of such a function
/// are looked up under the name with its partial indices, e.g. "aX'[0]".
/// </summary>
public sealed class FunctionTable
{
    readonly Dictionary<string, Func<double[], double>> _functions = new(StringComparer.Ordinal);

    public static readonly FunctionTable Empty = new();

    public FunctionTable Define(string name, Func<double[], double> f) { _functions[name] = f; return this; }

    /// <summary>Adds every definition of <paramref name="other"/> (its names win).</summary>
    public FunctionTable Merge(FunctionTable other)
    {
        foreach (var (k, f) in other._functions) _functions[k] = f;
        return this;
    }

    public static string Key(Call c) => c.Partials.IsEmpty ? c.Name : $"{c.Name}'[{string.Join(",", c.Partials)}]";

    public bool TryGet(Call c, out Func<double[], double> f) => _functions.TryGetValue(Key(c), out f!);

    /// <summary>The built-in functions every evaluator knows.</summary>
    public static bool TryBuiltIn(Call c, out Func<double[], double> f)
    {
        f = (c.Name, c.Partials.IsEmpty, c.Arguments.Length) switch
        {
            ("max", true, > 0) => a => a.Max(),
            ("min", true, > 0) => a => a.Min(),
            ("abs", true, 1) => a => Math.Abs(a[0]),
            ("erf" or "tgamma" or "digamma", true, 1) => a => SpecialFunctions.Value(c.Name, a[0]),
            ("gammainc", true, 2) => a => SpecialFunctions.GammaInc(a[0], a[1]),
            (StableForms.Erfc, true, 1) => a => SpecialFunctions.Erfc(a[0]),
            (StableForms.ErfDifference, true, 2) => a => SpecialFunctions.ErfDifference(a[0], a[1]),
            _ => null!,
        };
        return f is not null;
    }
}

/// <summary>Raised when an expression cannot be evaluated: a symbol with no value, a function with no meaning.</summary>
public sealed class EvaluationException(string message) : Exception(message);
