using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Cli.Commands;

/// <summary>Machine-readable output: indented, camelCase names, readable characters (no \u escapes for + or &lt;), invariant numbers.</summary>
static class JsonOut
{
    static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
