using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Cli.Modeling;

/// <summary>Finding regimes, phases and names a user typed, with errors that list what exists.</summary>
static class ModelLookup
{
    public static Regime Regime(ModelDocument model, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"--regime is required; the regimes of {model.Name} are {RegimeNames(model)}");
        return model.FindRegime(name)
            ?? throw new ArgumentException($"no regime '{name}' in {model.Name}; the regimes are {RegimeNames(model)}");
    }

    /// <summary>The named phase, or null when no name is given.</summary>
    public static Phase? Phase(Regime regime, string? name)
    {
        if (name is null) return null;
        if (regime.Phases.Count == 0) throw new ArgumentException($"regime {regime.Name} has no phases; drop --phase");
        return regime.Phases.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"regime {regime.Name} has no phase '{name}'; its phases are {string.Join(", ", regime.Phases.Select(p => p.Name))}");
    }

    /// <summary>The names of a regime that are derived (not parameters): unknowns, fixed, carried, quantities, thresholds.</summary>
    public static IReadOnlyList<string> DerivedNames(ModelDocument model, Regime regime)
    {
        var primitive = model.Parameters.Select(p => p.Symbol.Name)
            .Concat(model.Derived.Select(d => d.Symbol.Name))
            .Append(model.Variable?.Symbol.Name)
            .ToHashSet();
        return ExpressionScope.NamesOf(model, regime).Select(s => s.Name).Where(n => !primitive.Contains(n)).ToList();
    }

    static string RegimeNames(ModelDocument model) => string.Join(", ", model.Regimes.Select(r => r.Name));
}
