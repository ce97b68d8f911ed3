namespace Verify.Cli.Deriving;

/// <summary>
/// What 'verify derive' reports for one name; serialised as is for --json. Kind is "quantity"
/// (any derived name of a regime) or "threshold". Relations in Steps and Implicit are in the
/// notation asked for (plain, or LaTeX with --latex); Value is always plain, Latex always LaTeX.
/// </summary>
sealed record DerivationReport(string Name, string Regime, string Kind, string? Description, string Selection,
    IReadOnlyList<PhaseReport> Derivations, IReadOnlyList<string> UndefinedIn);

/// <summary>The derivation in one phase: Form closed or implicit, or null with a Failure when nothing was derived.</summary>
sealed record PhaseReport(string Phase, string? PhaseDescription, string? Form, string? Origin, string? Value, string? Latex,
    string? Failure, IReadOnlyList<StepReport> Steps, IReadOnlyList<ImplicitReport> Implicit);

/// <summary>One step; Number is its position among all the phase's steps, Defines marks the steps that define the name.</summary>
sealed record StepReport(int Number, string Rule, string? Before, string? After, IReadOnlyList<string> Conditions, string? Note, bool Defines);

/// <summary>An implicit unknown the final form relies on: Function is the root of Condition within Domain.</summary>
sealed record ImplicitReport(string Unknown, string Function, string Condition, IReadOnlyList<string> Domain);
