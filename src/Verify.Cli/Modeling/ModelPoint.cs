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
    public static Dictionary<string, double> Read(ModelDocument model, string? at)
    {
        var given = Inputs.Point(at);
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
        var missing = parameters.Where(p => !given.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"no value given for {string.Join(", ", missing)} (use --at {missing[0]}=...); {model.Name} needs {string.Join(", ", parameters)}");
        if (Violation(model, given) is { } violation)
            throw new ArgumentException($"the point is outside the model's domain: {violation}");
        return given;
    }

    /// <summary>The first domain relation or constraint that fails at the point, described with the values it involves; null when all hold.</summary>
    static string? Violation(ModelDocument model, IReadOnlyDictionary<string, double> given)
    {
        var values = new Dictionary<Symbol, double>();
        foreach (var p in model.Parameters) values[p.Symbol] = given[p.Symbol.Name];
        if (model.Variable is { } v && given.TryGetValue(v.Symbol.Name, out var a)) values[v.Symbol] = a;
        foreach (var d in model.Derived) values[d.Symbol] = Evaluate(d.Definition, values);

        var checks = model.Parameters.SelectMany(p => p.Domain.Select(r => (Relation: r, Why: (string?)null)))
            .Concat(model.Constraints.SelectMany(c => c.Relations.Select(r => (Relation: model.Inline(r), Why: c.Description))));
        if (model.Variable is { } variable && values.ContainsKey(variable.Symbol))
            checks = checks.Concat(variable.Domain.Select(r => (Relation: r, Why: (string?)null)));
        foreach (var (relation, why) in checks)
        {
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
