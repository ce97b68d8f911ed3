using System.Text;

namespace Verify.Fuzz.Tests.Support;

/// <summary>Bytes read as the loaders read a file (File.ReadAllText): UTF-8 unless a byte-order mark says otherwise, invalid sequences as U+FFFD.</summary>
public static class FileText
{
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The text for a failure message: short inputs whole, long ones cut, control characters visible.</summary>
    public static string Show(string text)
    {
        var shown = text.Length <= 4000 ? text : text[..2000] + $"\n... ({text.Length - 4000} characters) ...\n" + text[^2000..];
        return string.Concat(shown.Select(c => char.IsControl(c) && c != '\n' ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
