namespace Verify.Model.Language;

/// <summary>
/// A model file's text with its comments blanked out (replaced by spaces, so every offset keeps
/// its line and column), and the map from offsets to 1-based line:column for error messages.
/// </summary>
sealed class SourceText
{
    readonly List<int> _lineStarts = [0];

    public string File { get; }
    public string Original { get; }

    /// <summary>The text with each '#' comment replaced by spaces; strings are left intact.</summary>
    public string Clean { get; }

    public SourceText(string file, string text)
    {
        File = file;
        Original = text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
        Clean = BlankComments(text);
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public ModelException Error(int offset, string problem)
    {
        var (line, column) = Position(offset);
        return new ModelException(File, line, column, problem);
    }

    public SourceSpan Span(int offset)
    {
        var (line, column) = Position(offset);
        return new SourceSpan(File, line, column);
    }

    string BlankComments(string text)
    {
        var chars = text.ToCharArray();
        var inString = false;
        var stringStart = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is '\n' or '\r')
            {
                // Strings cannot span lines: an open one here was never closed.
                if (inString) throw Error(stringStart, "unterminated string: expected a closing '\"' before the end of the line");
                continue;
            }
            if (inString) { if (c == '"') inString = false; continue; }
            if (c == '"') { inString = true; stringStart = i; continue; }
            if (c == '#')
            {
                int j = i;
                for (; j < chars.Length && chars[j] is not ('\n' or '\r'); j++) chars[j] = ' ';
                i = j - 1;
            }
        }
        if (inString) throw Error(stringStart, "unterminated string: expected a closing '\"' before the end of the line");
        return new string(chars);
    }
}
