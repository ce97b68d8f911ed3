using Verify.Derivation.Results;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

/// <summary>
/// The unknowns' declared domain relations (0 &lt; aD, B &gt; 0) that a phase's derived values meet
/// wherever the parameters lie in their declared domains, proved by the sign oracle: evaluation
/// need not test them at each point. Only relations whose sides, with the values substituted, are
/// closed forms in the parameters are tried; a side with an implicit function or an integral, or
/// a name the oracle might bound by the very domain in question, is left to the numbers.
/// </summary>
public static class DomainProofs
{
    public static IReadOnlyList<Relation> Of(DerivationContext context, PhaseDerivation phase)
    {
        var model = context.Model;
        var inputs = model.Parameters.Select(p => p.Symbol).Concat(model.Derived.Select(d => d.Symbol))
            .Concat(model.Variable is { } v ? [v.Symbol] : []).ToHashSet();
        var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
        var proved = new List<Relation>();
        foreach (var r in phase.Regime.Unknowns.SelectMany(u => u.Domain))
        {
            Expr left = r.Left.Substitute(values), right = r.Right.Substitute(values);
            if (!new[] { left, right }.All(side => side.FreeSymbols().All(inputs.Contains) && !side.Any(n => n is Call or Integral))) continue;
            var (difference, required) = r.Operator switch
            {
                RelationOperator.Less => (right - left, SignSet.Positive),
                RelationOperator.LessOrEqual => (right - left, SignSet.NonNegative),
                RelationOperator.Greater => (left - right, SignSet.Positive),
                RelationOperator.GreaterOrEqual => (left - right, SignSet.NonNegative),
                _ => (Expr.Zero, SignSet.Any),
            };
            if (required != SignSet.Any && context.Oracle.SignOf(difference).Within(required)) proved.Add(r);
        }
        return proved;
    }
}
