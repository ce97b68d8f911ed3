using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verify.Cli.Commands;

/// <summary>Machine-readable output: indented, readable characters (no \u escapes for + or &lt;), invariant numbers.</summary>
static class JsonOut
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
