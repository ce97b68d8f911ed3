using System.Collections.Concurrent;
using System.Globalization;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Values of thresholds found numerically, by threshold and point (the other inputs; the threshold does not depend on its
/// own variable), failures included. A search costs a hundred solves of its phase, and the claims of a regime draw the
/// same points from the same seed: one store may serve every claim and both workers of a check. A threshold's value is a
/// function of its point, so a stored one is exactly what a new search would give.
/// </summary>
public sealed class ThresholdValues
{
    /// <summary>Beyond this many entries nothing more is stored (about 10,000 draws for each of a dozen thresholds).</summary>
    const int Capacity = 200_000;

    readonly ConcurrentDictionary<string, (double Value, string? Failure)> _values = new(StringComparer.Ordinal);

    public static string Key(string function, double[] inputs, int variable) =>
        function + "|" + string.Join(",", inputs.Select((x, i) => i == variable ? "" : x.ToString("R", CultureInfo.InvariantCulture)));

    public bool TryGet(string key, out double value, out string? failure)
    {
        var found = _values.TryGetValue(key, out var entry);
        (value, failure) = entry;
        return found;
    }

    public void Add(string key, double value, string? failure)
    {
        if (_values.Count < Capacity) _values.TryAdd(key, (value, failure));
    }
}
