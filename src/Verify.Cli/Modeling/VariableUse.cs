using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Cli.Modeling;

/// <summary>
/// Whether an expression over a regime's names needs the model's integration variable (a firm's
/// cost a): directly, or through a quantity defined with it (the relocation gain). Decided from
/// the model's definitions, so a missing value is reported before anything is derived.
/// </summary>
static class VariableUse
{
    public static bool Needs(ModelDocument model, Regime home, ExpressionScope.Parsed parsed)
    {
        if (model.Variable?.Symbol is not { } variable) return false;
        var seen = new HashSet<(string, string)>();
        return parsed.Expr.FreeSymbols().Any(s => parsed.Aliases.TryGetValue(s, out var alias)
            ? Uses(model.FindRegime(alias.Regime), alias.Name.Name)
            : Uses(home, s.Name));

        bool Uses(Regime? regime, string name)
        {
            if (name == variable.Name) return true;
            if (regime is null || !seen.Add((regime.Name, name))) return false;
            return regime.Quantities.Concat(regime.Phases.SelectMany(p => p.Quantities))
                .Where(q => q.Symbol.Name == name)
                .SelectMany(q => q.Definition.FreeSymbols())
                .Any(s => Uses(regime, s.Name));
        }
    }
}
