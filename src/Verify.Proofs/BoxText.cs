using System.Globalization;
using Verify.Symbolic.Core;

namespace Verify.Proofs;

/// <summary>How boxes, points and counts are written in reports (invariant culture, symbols by name).</summary>
internal static class BoxText
{
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Boxes(long n) => Count(n) + (n == 1 ? " box" : " boxes");

    public static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Ranges(IReadOnlyDictionary<Symbol, (double Lo, double Hi)> ranges) =>
        string.Join(", ", ranges.OrderBy(r => r.Key.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Key.Name} in [{Number(r.Value.Lo)}, {Number(r.Value.Hi)}]"));

    public static string Point(IReadOnlyDictionary<Symbol, double> point) =>
        string.Join(", ", point.OrderBy(p => p.Key.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Key.Name} = {Number(p.Value)}"));
}
