using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Reports.Baselines;

/// <summary>
/// baseline.json: indented, camelCase, readable characters, "\n" line ends and a final newline,
/// so that the same baseline is always the same bytes and a change reads well in a diff.
/// </summary>
public static class BaselineJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NewLine = "\n",
    };

    public static string Write(Baseline baseline) => JsonSerializer.Serialize(baseline, Options) + "\n";

    /// <summary>Reads a baseline; a file that is not one is an error that names it.</summary>
    public static Baseline Read(string text, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Baseline>(text, Options)
                ?? throw new FormatException($"{file} holds no baseline");
        }
        catch (JsonException e) { throw new FormatException($"{file} is not a baseline: {e.Message}", e); }
    }

    public static Baseline Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"no baseline at {path} (run 'verify report' to make one)", path);
        return Read(File.ReadAllText(path), Path.GetFileName(path));
    }
}
