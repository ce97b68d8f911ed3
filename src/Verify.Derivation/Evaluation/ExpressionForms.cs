using Verify.Derivation.Results;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// The derived form of any expression over a regime's names (diff(abarS, phi), Wstar -
/// Wstar@entry): in each combination of phases of the regimes it names, every name replaced by
/// its derived form, derivatives taken (through the implicit function theorem where a name is
/// implicit), and the result simplified.
/// </summary>
public static class ExpressionForms
{
    /// <summary>The form in one combination of phases; Form is null, with the reason, where the expression has no meaning there.</summary>
    public sealed record PhaseForm(string Phases, Expr? Form, FormKind Kind, string? Undefined);

    public static IReadOnlyList<PhaseForm> Of(ModelEvaluator evaluator, string regime, ExpressionScope.Parsed parsed, string? onlyPhase = null)
    {
        var quantity = new QuantityExpression(evaluator, regime, parsed.Expr, parsed.Aliases);
        var context = evaluator.Derivation.Context;
        var phases = quantity.Regimes.Select(r => evaluator.Regime(r).Phases).ToList();
        var forms = new List<PhaseForm>();
        foreach (var combination in PhaseCombinations(phases.Select(p => p.Count).ToArray()))
        {
            var keys = string.Join(", ", combination.Select((k, i) => phases[i][k].Phase.Key));
            if (onlyPhase is not null && phases[0][combination[0]].Phase.Phase?.Name != onlyPhase) continue;
            try
            {
                var form = context.Simplify(quantity.InPhases(combination));
                var implicitNames = combination.SelectMany((k, i) => phases[i][k].Phase.ImplicitUnknowns.Select(u => u.FunctionName)).ToHashSet();
                var kind = form.Any(n => n is Call c && implicitNames.Contains(c.Name)) ? FormKind.Implicit : FormKind.Closed;
                forms.Add(new PhaseForm(keys, form, kind, null));
            }
            catch (Exception e) when (e is UndefinedInPhase or DifferentiationException or WorkLimitException)
            {
                forms.Add(new PhaseForm(keys, null, FormKind.Closed, e.Message));
            }
        }
        return forms;
    }

    /// <summary>Every combination of one phase index per regime, the last regime's varying fastest.</summary>
    public static IEnumerable<int[]> PhaseCombinations(int[] counts)
    {
        var current = new int[counts.Length];
        while (true)
        {
            yield return (int[])current.Clone();
            int k = counts.Length - 1;
            while (k >= 0 && ++current[k] == counts[k]) current[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
