using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// The values of a dynamic regime's parameters at a point given by name: every model parameter and
/// every parameter of the regime must be given, no other name, each inside its domain and the
/// model's constraints; the derived parameters are computed. Errors name the relation that fails.
/// </summary>
public static class DomainCheck
{
    public static Dictionary<Symbol, double> Parameters(ModelDocument model, DynamicRegime regime, IReadOnlyDictionary<string, double> point)
    {
        var declared = model.Parameters.Concat(regime.Parameters).ToList();
        foreach (var name in point.Keys)
            if (!declared.Any(p => p.Symbol.Name == name))
                throw new ArgumentException($"'{name}' is not a parameter of the model or of '{regime.Name}' (parameters: {string.Join(", ", declared.Select(p => p.Symbol.Name))})");
        var values = new Dictionary<Symbol, double>();
        foreach (var p in declared)
        {
            if (!point.TryGetValue(p.Symbol.Name, out var v))
                throw new ArgumentException($"missing parameter '{p.Symbol.Name}' ({regime.Name} needs {string.Join(", ", declared.Select(d => d.Symbol.Name))})");
            if (!double.IsFinite(v)) throw new ArgumentException($"'{p.Symbol.Name}' must be a finite number");
            values[p.Symbol] = v;
        }
        foreach (var d in model.Derived) values[d.Symbol] = Evaluator.Evaluate(d.Definition, values);
        var relations = declared.SelectMany(p => p.Domain).Concat(model.Constraints.SelectMany(c => c.Relations));
        foreach (var r in relations)
            if (!Holds(r, values))
                throw new ArgumentException($"the point is outside the domain: {PlainPrinter.Print(r.Left)} {Relation.Symbol(r.Operator)} {PlainPrinter.Print(r.Right)} fails");
        return values;
    }

    static bool Holds(Relation r, IReadOnlyDictionary<Symbol, double> values)
    {
        double l = Evaluator.Evaluate(r.Left, values), rr = Evaluator.Evaluate(r.Right, values);
        return r.Operator switch
        {
            RelationOperator.Less => l < rr,
            RelationOperator.LessOrEqual => l <= rr,
            RelationOperator.Greater => l > rr,
            RelationOperator.GreaterOrEqual => l >= rr,
            RelationOperator.Equal => l == rr,
            _ => l != rr,
        };
    }
}
