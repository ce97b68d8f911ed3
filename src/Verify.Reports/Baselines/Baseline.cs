namespace Verify.Reports.Baselines;

/// <summary>
/// The machine-readable record of one report (proofs/baseline.json): every derived quantity in
/// plain text with its kind, every threshold, and every claim's decision with the draws and seed
/// that gave it. 'verify compare' sets a fresh run against it; the report pages are rendered
/// from it, so the committed pages can be checked without re-running the claims.
/// </summary>
public sealed record Baseline(
    string Model,
    int Draws,
    ulong Seed,
    IReadOnlyList<RegimeRecord> Regimes,
    IReadOnlyList<ClaimRecord> Claims);

public sealed record RegimeRecord(string Name, IReadOnlyList<PhaseRecord> Phases, IReadOnlyList<ThresholdRecord> Thresholds);

/// <summary>One phase of a regime (Key is the regime's name when it has no phases).</summary>
public sealed record PhaseRecord(string Key, IReadOnlyList<QuantityRecord> Quantities);

/// <summary>A derived name: Kind "closed" or "implicit", Form its value in plain text.</summary>
public sealed record QuantityRecord(string Name, string Kind, string Form);

/// <summary>A threshold: its form and kind when derived, else Form null and the Failure.</summary>
public sealed record ThresholdRecord(string Name, string Phase, string? Kind, string? Form, string? Failure);

/// <summary>
/// One claim in one regime as decided: Pinned is the verdict pinned in the .expected file when
/// the report was made (null when none was pinned).
/// </summary>
public sealed record ClaimRecord(
    string Key,
    string Id,
    string Regime,
    string Verdict,
    string? Pinned,
    string Evidence,
    IReadOnlyList<string> Details,
    IReadOnlyList<NamedValue>? Counterexample,
    int Draws);

/// <summary>A value of a named input, kept in the order the checker gave (a counterexample's point).</summary>
public sealed record NamedValue(string Name, double Value);
