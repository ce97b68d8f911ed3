namespace Verify.Model.Language;

/// <summary>
/// Cuts a file of the model language, or of a language written the same way (claims), into
/// statements. A statement starts on a non-blank line and continues on the following lines
/// while a parenthesis is open, or while the next non-blank line starts with a binary operator
/// (+ - * / ^), the word latex, or a quoted string (its attributes); a line that starts with
/// one of the language's keywords never continues.
/// </summary>
static class StatementSplitter
{
    /// <summary>Splits a model file (its keywords are <see cref="Statement.Keywords"/>).</summary>
    public static List<Statement> Split(SourceText source) => Split(source, Statement.Keywords);

    public static List<Statement> Split(SourceText source, IReadOnlySet<string> keywords)
    {
        var text = source.Clean;
        var lines = Lines(text);
        var statements = new List<Statement>();
        int i = 0;
        while (i < lines.Count)
        {
            if (lines[i].IsBlank) { i++; continue; }
            var first = lines[i];
            var depth = first.ParenDelta;
            var last = first;
            var lastIndex = i;
            int j = i + 1;
            for (; j < lines.Count; j++)
            {
                var next = lines[j];
                if (next.IsBlank) continue;
                var word = LeadingWord(text, next.FirstChar);
                // A keyword always opens a new statement, so an unclosed '(' is reported where it is.
                if (keywords.Contains(word)) break;
                var continues = depth > 0 || text[next.FirstChar] is '+' or '-' or '*' or '/' or '^' or '"' || word == "latex";
                if (!continues) break;
                depth += next.ParenDelta;
                last = next;
                lastIndex = j;
            }
            statements.Add(new Statement(first.FirstChar, last.LastChar + 1, LeadingWord(text, first.FirstChar)));
            i = lastIndex + 1;
        }
        return statements;
    }

    sealed record Line(int FirstChar, int LastChar, int ParenDelta)
    {
        public bool IsBlank => FirstChar < 0;
    }

    static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            int first = -1, last = -1, delta = 0;
            var inString = false;
            for (int k = start; k < end; k++)
            {
                var c = text[k];
                if (!char.IsWhiteSpace(c)) { if (first < 0) first = k; last = k; }
                if (c == '"') inString = !inString;
                else if (!inString && c == '(') delta++;
                else if (!inString && c == ')') delta--;
            }
            lines.Add(new Line(first, last, delta));
            if (end == text.Length) break;
            start = end + 1;
        }
        return lines;
    }

    /// <summary>The identifier that starts at <paramref name="offset"/>, or "" when none does.</summary>
    public static string LeadingWord(string text, int offset, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        int k = offset;
        if (k >= end || !char.IsLetter(text[k])) return "";
        while (k < end && (char.IsLetterOrDigit(text[k]) || text[k] == '_')) k++;
        return text[offset..k];
    }
}
