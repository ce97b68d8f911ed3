namespace Verify.Model.Language;

/// <summary>A name as written in the file, with the offset of its first character.</summary>
sealed record Name(string Text, int Offset);

/// <summary>A stretch of math text in the file, handed to the expression parser as it stands (Start to End, exclusive).</summary>
sealed record Piece(int Start, int End);

/// <summary>The optional trailing attributes of a statement: latex "..." and a "description".</summary>
sealed record Attributes(string? Latex, string? Description)
{
    public static readonly Attributes None = new(null, null);
}

/// <summary>
/// Reads the words, punctuation, strings and math pieces of one statement. Math pieces are not
/// tokenised here: they run to the next word or character that ends them outside parentheses,
/// and the expression parser reads them in place so its errors point into the file.
/// </summary>
sealed class StatementCursor
{
    readonly SourceText _source;
    readonly string _text;
    readonly int _end;
    int _pos;

    public Statement Statement { get; }

    public StatementCursor(SourceText source, Statement statement)
    {
        _source = source; _text = source.Clean; Statement = statement;
        _pos = statement.Start; _end = statement.End;
    }

    public int Offset { get { SkipSpace(); return _pos; } }

    public bool AtEnd { get { SkipSpace(); return _pos >= _end; } }

    void SkipSpace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos])) _pos++;
    }

    char Current => _pos < _end ? _text[_pos] : '\0';

    /// <summary>A name: a letter, then letters, digits or underscores.</summary>
    public Name Word(string expected) => ReadName(expected, joiners: "");

    /// <summary>A label (condition, regime or model name): like a name, but '-' may join its parts.</summary>
    public Name Label(string expected) => ReadName(expected, joiners: "-");

    /// <summary>An id (of a claim, e.g. R5.dd-south): like a name, but '.' or '-' may join its parts.</summary>
    public Name Id(string expected) => ReadName(expected, joiners: ".-");

    Name ReadName(string expected, string joiners)
    {
        SkipSpace();
        if (!char.IsLetter(Current)) throw Fail(expected);
        var start = _pos;
        while (_pos < _end && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'
                               || joiners.Contains(_text[_pos]) && _pos + 1 < _end && char.IsLetterOrDigit(_text[_pos + 1])))
            _pos++;
        return new Name(_text[start.._pos], start);
    }

    /// <summary>Consumes <paramref name="word"/> when it is the next whole word.</summary>
    public bool TryWord(string word)
    {
        SkipSpace();
        if (PeekWord() != word) return false;
        _pos += word.Length;
        return true;
    }

    public void ExpectWord(string word, string expected)
    {
        if (!TryWord(word)) throw Fail(expected);
    }

    public string PeekWord() => StatementSplitter.LeadingWord(_text, Offset, _end);

    public bool TryChar(char c)
    {
        SkipSpace();
        if (Current != c) return false;
        _pos++;
        return true;
    }

    public void ExpectChar(char c, string expected)
    {
        if (!TryChar(c)) throw Fail(expected);
    }

    public string String(string expected)
    {
        SkipSpace();
        if (Current != '"') throw Fail(expected);
        var close = _text.IndexOf('"', _pos + 1);
        var value = _text[(_pos + 1)..close];
        _pos = close + 1;
        return value;
    }

    /// <summary>
    /// Math text up to (not including) the first of: a quoted string, the word latex, one of
    /// <paramref name="stopWords"/> or <paramref name="stopChars"/> outside parentheses, or the end of the statement.
    /// With <paramref name="closeEnds"/>, also a ')' that closes a parenthesis opened before the
    /// piece (for a piece written inside parentheses, such as the bounds of a range).
    /// </summary>
    public Piece Math(string expected, string[]? stopWords = null, string? stopChars = null, bool closeEnds = false)
    {
        SkipSpace();
        var start = _pos;
        var depth = 0;
        var k = _pos;
        while (k < _end)
        {
            var c = _text[k];
            if (c == '"') break;
            if (c == '(') depth++;
            else if (c == ')') { if (closeEnds && depth == 0) break; depth--; }
            else if (depth <= 0 && stopChars is not null && stopChars.Contains(c)) break;
            else if (char.IsLetter(c) && (k == 0 || !(char.IsLetterOrDigit(_text[k - 1]) || _text[k - 1] == '_')))
            {
                var word = StatementSplitter.LeadingWord(_text, k, _end);
                if (depth <= 0 && (word == "latex" || stopWords is not null && stopWords.Contains(word))) break;
                k += word.Length;
                continue;
            }
            k++;
        }
        var end = k;
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        if (end == start) throw Fail(expected);
        _pos = k;
        return new Piece(start, end);
    }

    /// <summary>The trailing [latex "..."] ["description"], in that order; then the statement must end.</summary>
    public Attributes Attributes(bool latexAllowed)
    {
        string? latex = null, description = null;
        if (latexAllowed && TryWord("latex")) latex = String("a quoted LaTeX string after 'latex'");
        SkipSpace();
        if (Current == '"') description = String("a quoted description");
        ExpectEnd(latexAllowed && latex is null && description is null
            ? "latex \"...\", a quoted description or the end of the statement"
            : description is null ? "a quoted description or the end of the statement" : "the end of the statement");
        return new Attributes(latex, description);
    }

    public void ExpectEnd(string expected)
    {
        if (!AtEnd) throw Fail(expected);
    }

    public ModelException Fail(string expected) => _source.Error(Offset, $"expected {expected} but found {Describe()}");

    public ModelException Error(int offset, string problem) => _source.Error(offset, problem);

    string Describe()
    {
        SkipSpace();
        if (_pos >= _end) return "the end of the statement";
        if (Current == '"') return "a quoted string";
        var word = PeekWord();
        return word.Length > 0 ? $"'{word}'" : $"'{Current}'";
    }
}
