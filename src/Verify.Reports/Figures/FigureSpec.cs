namespace Verify.Reports.Figures;

/// <summary>A line of a standard figure: an expression over a regime, with its legend label.</summary>
public sealed record Line(string Regime, string Expression, string Label, bool Dashed = false, int Colour = -1);

/// <summary>A vertical line at the value of an expression over a regime (a threshold).</summary>
public sealed record MarkerSpec(string Regime, string Expression, string Label);

/// <summary>
/// One of the report's standard figures: lines against phi at the default point, the markers,
/// and the claims (by id prefix) whose pages show it.
/// </summary>
public sealed record FigureSpec(string File, string Title, string YLabel, IReadOnlyList<Line> Lines, IReadOnlyList<MarkerSpec> Markers, IReadOnlyList<string> ClaimPrefixes);
