using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Interval extensions of functions that are not built in: a name (keyed as in
/// <see cref="FunctionTable.Key"/>, so partial derivatives too) maps to a function that must
/// enclose the point function's values over the argument intervals.
/// </summary>
public sealed class IntervalFunctionTable
{
    readonly Dictionary<string, Func<Interval[], Interval>> _functions = new(StringComparer.Ordinal);

    public static readonly IntervalFunctionTable Empty = new();

    public IntervalFunctionTable Define(string name, Func<Interval[], Interval> f)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A function needs a name.", nameof(name));
        _functions[name] = f ?? throw new ArgumentNullException(nameof(f));
        return this;
    }

    public bool TryGet(Call c, out Func<Interval[], Interval> f) => _functions.TryGetValue(FunctionTable.Key(c), out f!);
}
