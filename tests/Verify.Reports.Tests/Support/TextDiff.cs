namespace Verify.Reports.Tests.Support;

/// <summary>A readable account of where two texts first differ: the line number and a few lines of each.</summary>
public static class TextDiff
{
    public static string? FirstDifference(string expected, string actual, int context = 3)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i]) i++;
        string Lines(string[] lines) => string.Join("\n", lines.Skip(i).Take(context).Select((l, k) => $"  {i + k + 1,5}: {Clip(l)}"));
        return $"first difference at line {i + 1} ({e.Length} lines committed, {a.Length} regenerated)\n committed:\n{Lines(e)}\n regenerated:\n{Lines(a)}";
    }

    static string Clip(string line) => line.Length <= 300 ? line : line[..300] + "…";
}
