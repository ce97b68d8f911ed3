using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>The mistakes that make a raw system unsolvable before any number is computed.</summary>
static class SystemCheck
{
    /// <summary>Problems of the system's shape: names without values, functions without meaning, too few conditions.</summary>
    public static List<string> StructuralProblems(RawSystem system)
    {
        var problems = new List<string>();
        var unknowns = system.Unknowns.Select(u => u.Symbol).ToList();

        foreach (var dup in unknowns.GroupBy(s => s).Where(g => g.Count() > 1))
            problems.Add($"'{dup.Key.Name}' is declared unknown more than once");
        foreach (var s in unknowns.Where(system.Known.ContainsKey))
            problems.Add($"'{s.Name}' is both unknown and known");
        foreach (var dup in system.Conditions.GroupBy(c => c.Label).Where(g => g.Count() > 1))
            problems.Add($"the label '{dup.Key}' names more than one condition");

        var valued = unknowns.Concat(system.Known.Keys).ToHashSet();
        var functions = system.Functions ?? FunctionTable.Empty;
        void Inspect(Expr e, string where)
        {
            foreach (var s in e.FreeSymbols().Where(s => !valued.Contains(s)).OrderBy(s => s.Name))
                problems.Add($"no value for '{s.Name}' in {where}");
            foreach (var name in Calls(e).Where(c => !FunctionTable.TryBuiltIn(c, out _) && !functions.TryGet(c, out _))
                         .Select(FunctionTable.Key).Distinct())
                problems.Add($"no numeric meaning for the function '{name}' in {where}");
        }
        foreach (var c in system.Conditions) { Inspect(c.Left, $"condition '{c.Label}'"); Inspect(c.Right, $"condition '{c.Label}'"); }
        foreach (var u in system.Unknowns)
        {
            if (u.Lower is not null) Inspect(u.Lower, $"the lower bound of '{u.Symbol.Name}'");
            if (u.Upper is not null) Inspect(u.Upper, $"the upper bound of '{u.Symbol.Name}'");
        }

        if (system.Conditions.Count < system.Unknowns.Count)
            problems.Add($"{system.Conditions.Count} conditions cannot pin {system.Unknowns.Count} unknowns");
        return problems;
    }

    /// <summary>Problems of one solve: the known values, the starting guess, the options.</summary>
    public static List<string> ValueProblems(RawSystem system, IReadOnlyDictionary<Symbol, double> known, SolveOptions options)
    {
        var problems = new List<string>();
        foreach (var s in system.Known.Keys.Where(s => !known.ContainsKey(s)))
            problems.Add($"no known value given for '{s.Name}'");
        foreach (var (s, v) in known.Where(kv => system.Known.ContainsKey(kv.Key) && !double.IsFinite(kv.Value)).Select(kv => (kv.Key, kv.Value)))
            problems.Add($"the known value of '{s.Name}' is {v}");
        if (options.InitialGuess is { } guess)
        {
            var unknowns = system.Unknowns.Select(u => u.Symbol).ToHashSet();
            foreach (var s in guess.Keys.Where(s => !unknowns.Contains(s)))
                problems.Add($"the starting guess names '{s.Name}', which is not an unknown");
            foreach (var s in guess.Where(kv => !double.IsFinite(kv.Value)).Select(kv => kv.Key))
                problems.Add($"the starting guess for '{s.Name}' is not a finite number");
        }
        if (!(options.Tolerance > 0)) problems.Add("the tolerance must be positive");
        if (!(options.ResidualFloor > 0)) problems.Add("the residual floor must be positive");
        if (!(options.BoundMargin >= 0)) problems.Add("the bound margin must not be negative");
        return problems;
    }

    static IEnumerable<Call> Calls(Expr e)
    {
        if (e is Call c) yield return c;
        foreach (var child in e.Children)
            foreach (var inner in Calls(child)) yield return inner;
    }
}
