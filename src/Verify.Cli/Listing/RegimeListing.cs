using Verify.Derivation;
using Verify.Derivation.Results;
using Verify.Symbolic.Presentation;

namespace Verify.Cli.Listing;

/// <summary>What 'verify list' reports for one regime; serialised as is for --json.</summary>
sealed record RegimeListing(string Name, string? Description, IReadOnlyList<PhaseListing> Phases, IReadOnlyList<ThresholdListing> Thresholds)
{
    public static RegimeListing Of(RegimeDerivation regime, Presenter presenter) => new(
        regime.Regime.Name,
        regime.Regime.Description,
        regime.Phases.Select(PhaseListing.Of).ToList(),
        regime.Thresholds.Select(t => ThresholdListing.Of(t, presenter)).ToList());

    public static IReadOnlyList<RegimeListing> Of(ModelDerivation model, string? regime) =>
        model.Regimes.Where(r => regime is null || r.Regime.Name == regime).Select(r => Of(r, model.Context.Presenter)).ToList();
}

/// <summary>One phase (or the whole regime, when it has no phases: Name is then null).</summary>
sealed record PhaseListing(string? Name, string Key, string? Description, IReadOnlyList<string> When, IReadOnlyList<QuantityListing> Quantities)
{
    public static PhaseListing Of(PhaseDerivation phase) => new(
        phase.Phase?.Name,
        phase.Key,
        phase.Phase?.Description,
        phase.When.Select(r => r.ToString()).ToList(),
        phase.Values.Values.Select(QuantityListing.Of).ToList());
}

/// <summary>A derived name: Form is "closed" (explicit in the parameters) or "implicit" (involves a root found numerically).</summary>
sealed record QuantityListing(string Name, string Form, string Origin, string? Description, string? Latex)
{
    public static QuantityListing Of(DerivedValue v) => new(v.Symbol.Name, FormName(v.Kind), v.Origin, v.Description, v.Latex);

    public static string FormName(FormKind kind) => kind == FormKind.Closed ? "closed" : "implicit";
}

/// <summary>A threshold: its value when derived (Form closed or implicit), else Form null and the Failure.</summary>
sealed record ThresholdListing(string Name, string Phase, string? Form, string? Value, string? Failure, string? Description, string? Latex)
{
    /// <param name="presenter">Shows the value in the model's notation.</param>
    public static ThresholdListing Of(ThresholdDerivation t, Presenter presenter) => new(
        t.Threshold.Symbol.Name,
        t.PhaseKey,
        t.Value is null ? null : QuantityListing.FormName(t.Kind),
        t.Value is null ? null : presenter.Text(t.Value),
        t.Failure,
        t.Threshold.Description,
        t.Threshold.Latex);
}
