using System.Globalization;
using Verify.Cli.Commands;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Cli.Modeling;

/// <summary>
/// A point in a model's parameter space, read from --at ("sigma=3,rho=4,...") and checked before
/// anything is derived: every name known, every parameter given, every domain relation and
/// constraint of the model holding there.
/// </summary>
static class ModelPoint
{
    /// <param name="needed">The parameters the names asked about use (all when null); others may be left out, and are ignored when given.</param>
    public static Dictionary<string, double> Read(ModelDocument model, string? at, IReadOnlySet<string>? needed = null) =>
        Check(model, Inputs.Point(at), needed);

    /// <summary>The checks of <see cref="Read"/> on values already read (a row of a table).</summary>
    public static Dictionary<string, double> Check(ModelDocument model, Dictionary<string, double> given, IReadOnlySet<string>? needed = null)
    {
        var parameters = model.Parameters.Select(p => p.Symbol.Name).ToList();
        var variable = model.Variable?.Symbol.Name;
        foreach (var name in given.Keys)
        {
            if (parameters.Contains(name) || name == variable) continue;
            if (model.Derived.FirstOrDefault(d => d.Symbol.Name == name) is { } derived)
                throw new ArgumentException($"--at: {name} is derived ({name} = {derived.Definition}); give the parameters it is made of");
            var known = string.Join(", ", parameters) + (variable is null ? "" : $" and the variable {variable}");
            throw new ArgumentException($"--at: '{name}' is not a parameter of {model.Name}; its inputs are {known}");
        }
        var required = needed is null ? parameters : parameters.Where(needed.Contains).ToList();
        var missing = required.Where(p => !given.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"no value given for {string.Join(", ", missing)} (use --at {missing[0]}=...); this needs {string.Join(", ", required)}");
        // A parameter the names do not use is ignored (autarky and phi): neither required nor checked.
        var used = given.Where(kv => !parameters.Contains(kv.Key) || required.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (Violation(model, used) is { } violation)
            throw new ArgumentException($"the point is outside the model's domain: {violation}");
        return used;
    }

    /// <summary>The first domain relation or constraint that fails at the point, described with the values it involves; null when all hold.</summary>
    static string? Violation(ModelDocument model, IReadOnlyDictionary<string, double> given)
    {
        var values = new Dictionary<Symbol, double>();
        foreach (var p in model.Parameters) if (given.TryGetValue(p.Symbol.Name, out var x)) values[p.Symbol] = x;
        if (model.Variable is { } v && given.TryGetValue(v.Symbol.Name, out var a)) values[v.Symbol] = a;
        foreach (var d in model.Derived)
            if (d.Definition.FreeSymbols().All(values.ContainsKey)) values[d.Symbol] = Evaluate(d.Definition, values);

        var checks = model.Parameters.SelectMany(p => p.Domain.Select(r => (Relation: r, Why: (string?)null)))
            .Concat(model.Constraints.SelectMany(c => c.Relations.Select(r => (Relation: model.Inline(r), Why: c.Description))));
        if (model.Variable is { } variable && values.ContainsKey(variable.Symbol))
            checks = checks.Concat(variable.Domain.Select(r => (Relation: r, Why: (string?)null)));
        foreach (var (relation, why) in checks)
        {
            // A relation over a parameter left out (not used by the names asked about) says nothing here.
            if (!relation.Left.FreeSymbols().Union(relation.Right.FreeSymbols()).All(values.ContainsKey)) continue;
            if (Relation.Holds(Evaluate(relation.Left, values), relation.Operator, Evaluate(relation.Right, values))) continue;
            var involved = relation.Left.FreeSymbols().Union(relation.Right.FreeSymbols()).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => $"{s.Name} = {values.GetValueOrDefault(s, double.NaN).ToString("R", CultureInfo.InvariantCulture)}");
            return $"{relation} does not hold{(why is null ? "" : $" ({why})")} at {string.Join(", ", involved)}";
        }
        return null;
    }

    /// <summary>Evaluates over the known values; a relation that cannot be evaluated (NaN) counts as failing.</summary>
    static double Evaluate(Expr e, IReadOnlyDictionary<Symbol, double> values)
    {
        try { return Evaluator.Evaluate(e, values); }
        catch (EvaluationException) { return double.NaN; }
    }
}
