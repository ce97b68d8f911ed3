namespace Verify.Symbolic.Text;

/// <summary>
/// Malformed math text: where (1-based <see cref="Line"/> and <see cref="Column"/>), what the
/// parser <see cref="Expected"/> there and what it <see cref="Found"/> instead. The message
/// reads "line:column: expected X but found Y", or "line:column: description" when a plainer
/// sentence says it better (an unknown name, say).
/// </summary>
public sealed class ParseException : Exception
{
    public int Line { get; }
    public int Column { get; }
    public string Expected { get; }
    public string Found { get; }

    public ParseException(TextPosition at, string expected, string found, string? description = null, Exception? inner = null)
        : base($"{at}: {description ?? $"expected {expected} but found {found}"}", inner)
    {
        Line = at.Line; Column = at.Column; Expected = expected; Found = found;
    }

    public TextPosition Position => new(Line, Column);
}
