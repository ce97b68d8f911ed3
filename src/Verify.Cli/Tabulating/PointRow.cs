namespace Verify.Cli.Tabulating;

/// <summary>One point of verify table: the values it was given, each expression's value (null where it failed), the phases, the first error.</summary>
sealed record PointRow(
    IReadOnlyDictionary<string, double> At,
    IReadOnlyDictionary<string, double?> Values,
    IReadOnlyDictionary<string, string> Phases,
    string? Error);
