using System.Reflection;

namespace Verify.Claims;

/// <summary>
/// The verdicts pinned in the repository, one per line: "ID@regime verdict reason". verify check
/// compares against them, so that a change in a verdict is a failure and shows in a diff.
/// </summary>
public sealed class ExpectedVerdicts
{
    public sealed record Entry(string Key, Verdict Verdict, string Reason, int Line);

    public IReadOnlyDictionary<string, Entry> Entries { get; }
    public string File { get; }

    ExpectedVerdicts(string file, IReadOnlyDictionary<string, Entry> entries) { File = file; Entries = entries; }

    public static ExpectedVerdicts Parse(string text, string file)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3) throw new FormatException($"{file}:{i + 1}:1: expected 'ID@regime verdict reason' but found '{line}'");
            Verdict v;
            try { v = Verdicts.Parse(parts[1]); }
            catch (FormatException e) { throw new FormatException($"{file}:{i + 1}: {e.Message}"); }
            if (!entries.TryAdd(parts[0], new Entry(parts[0], v, parts[2], i + 1)))
                throw new FormatException($"{file}:{i + 1}:1: '{parts[0]}' is pinned twice");
        }
        return new ExpectedVerdicts(file, entries);
    }

    public static ExpectedVerdicts Load(string path) => Parse(System.IO.File.ReadAllText(path), Path.GetFileName(path));

    public static ExpectedVerdicts LoadBundled(string name = "baldwin-okubo-2014")
    {
        var resource = $"Models.{name}.expected";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException($"no pinned verdicts bundled for '{name}'");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{name}.expected");
    }
}
