using System.Globalization;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Text;

namespace Verify.Cli.Modeling;

/// <summary>The value of an expression over a regime's names, and the phase of each regime involved that holds at the point.</summary>
sealed record RegimeValue(double Value, string Expression, string Regime, IReadOnlyDictionary<string, string> Phases);

/// <summary>
/// 'verify eval --regime': the point is read and checked against the model's domains, the
/// expression parsed over the regime's names — both before deriving, so mistakes are reported
/// at once — then the expression is evaluated in the phases that hold at the point.
/// </summary>
static class RegimeEval
{
    public static RegimeValue Evaluate(ModelDocument model, string regimeName, string text, string? at, string? cacheDirectory = null)
    {
        var regime = ModelLookup.Regime(model, regimeName);
        ExpressionScope.Parsed parsed;
        try { parsed = ExpressionScope.Parse(model, regime.Name, text); }
        catch (ParseException e)
        {
            throw new ArgumentException($"in the expression, {e.Message} (verify list --regime {regime.Name} shows its names)", e);
        }
        var point = ModelPoint.Read(model, at, RegimeInputs.Needed(model, RegimeInputs.Of(regime.Name, parsed)));
        if (model.Variable is { } v && !point.ContainsKey(v.Symbol.Name) && VariableUse.Needs(model, regime, parsed))
            throw new ArgumentException($"the expression depends on {v.Symbol.Name} ({v.Description ?? "the model's variable"}); add {v.Symbol.Name}=... to --at");

        var evaluator = new ModelEvaluator(DerivationCache.For(model, cacheDirectory));
        var quantity = new QuantityExpression(evaluator, regime.Name, parsed.Expr, parsed.Aliases);
        var inputs = ModelInputs.Vector(evaluator, point);
        var regimes = parsed.Aliases.Values.Select(a => a.Regime).Prepend(regime.Name).Distinct();
        var phases = regimes.ToDictionary(r => r, r =>
        {
            var e = evaluator.Regime(r);
            return e.Phases[e.Select(inputs)].Phase.Key;
        });
        double value;
        try { value = quantity.Evaluate(inputs); }
        catch (ArgumentException e)
        {
            // A name defined only in some phases (abarN) asked for where another phase holds.
            throw new ArgumentException($"{e.Message}: at this point the phase that holds is {string.Join(", ", phases.Values)}", e);
        }
        if (!double.IsFinite(value))
            throw new ArgumentException($"the expression is undefined at this point in {string.Join(", ", phases.Values)} (its value is {value.ToString(CultureInfo.InvariantCulture)})");
        return new RegimeValue(value, text, regime.Name, phases);
    }
}
