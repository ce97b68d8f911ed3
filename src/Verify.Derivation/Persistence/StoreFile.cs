using System.Security.Cryptography;
using System.Text;

namespace Verify.Derivation.Persistence;

/// <summary>
/// Keyed entries kept in one text file beside the stored derivations: a header naming what the file holds and
/// for which model and engine, one line per entry (tab-separated fields, escaped), and "end" with the SHA-256
/// of the entries. A file is read whole or not at all (damaged, truncated or foreign: null) and written
/// atomically; a directory that cannot be written is no error, the entries are only not kept.
/// </summary>
public static class StoreFile
{
    /// <summary>The entries, each with <paramref name="fields"/> fields, or null when the file is missing or does not read whole.</summary>
    public static List<string[]>? Read(string path, string header, int fields)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        var lines = text.Split('\n');
        // Header, entries, "end <checksum>", and the empty string after the last newline.
        if (lines.Length < 3 || lines[0] != header || lines[^1] != "" || !lines[^2].StartsWith("end ", StringComparison.Ordinal)) return null;
        var entries = lines[1..^2];
        if (lines[^2] != $"end {Checksum(string.Concat(entries.Select(l => l + "\n")))}") return null;
        var read = new List<string[]>(entries.Length);
        foreach (var line in entries)
        {
            var parts = line.Split('\t');
            if (parts.Length != fields) return null;
            read.Add([.. parts.Select(Unescape)]);
        }
        return read;
    }

    /// <summary>Writes the entries (in the order given) under the header, atomically.</summary>
    public static void Write(string path, string header, IEnumerable<string[]> entries)
    {
        var body = new StringBuilder();
        foreach (var entry in entries) body.AppendJoin('\t', entry.Select(Escape)).Append('\n');
        var text = $"{header}\n{body}end {Checksum(body.ToString())}\n";
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }

    static string Checksum(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    static string Unescape(string s)
    {
        var b = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { b.Append(s[i]); continue; }
            b.Append(s[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return b.ToString();
    }
}
