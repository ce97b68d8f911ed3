using System.Globalization;
using System.Numerics;
using System.Text;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// Splits math text into tokens on demand, so that errors surface in reading order. Positions
/// are reported relative to <c>origin</c>, the place of the text's first character in a bigger file.
/// </summary>
sealed class Lexer
{
    // Decimal exponents beyond this would build numbers too large to be meant literally.
    const int MaxExponentDigits = 4;

    readonly string _text;
    readonly TextPosition _origin;
    int _index, _line, _lineStart;

    public Lexer(string text, TextPosition origin)
    {
        _text = text; _origin = origin;
    }

    TextPosition PositionOf(int index)
    {
        // Only the first line is shifted by the origin's column; later lines start at column 1.
        var column = index - _lineStart + 1;
        return new TextPosition(_origin.Line + _line, _line == 0 ? _origin.Column + column - 1 : column);
    }

    /// <summary>True when <paramref name="name"/> reads as one identifier token: a letter, then letters, digits or underscores.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    public Token Next()
    {
        SkipWhitespace();
        var at = PositionOf(_index);
        if (_index >= _text.Length) return new Token(TokenKind.End, "", at);
        var c = _text[_index];
        if (char.IsAsciiDigit(c)) return LexNumber(at);
        if (char.IsLetter(c)) return LexIdentifier(at);
        var two = _index + 1 < _text.Length ? _text.Substring(_index, 2) : null;
        switch (two)
        {
            case "<=": return Take(TokenKind.LessOrEqual, 2, at);
            case ">=": return Take(TokenKind.GreaterOrEqual, 2, at);
            case "!=": return Take(TokenKind.NotEqual, 2, at);
        }
        switch (c)
        {
            case '+': return Take(TokenKind.Plus, 1, at);
            case '-': return Take(TokenKind.Minus, 1, at);
            case '*': return Take(TokenKind.Star, 1, at);
            case '/': return Take(TokenKind.Slash, 1, at);
            case '^': return Take(TokenKind.Caret, 1, at);
            case '(': return Take(TokenKind.OpenParen, 1, at);
            case ')': return Take(TokenKind.CloseParen, 1, at);
            case '[': return Take(TokenKind.OpenBracket, 1, at);
            case ']': return Take(TokenKind.CloseBracket, 1, at);
            case ',': return Take(TokenKind.Comma, 1, at);
            case '\'': return Take(TokenKind.Prime, 1, at);
            case '<': return Take(TokenKind.Less, 1, at);
            case '>': return Take(TokenKind.Greater, 1, at);
            case '=': return Take(TokenKind.Equal, 1, at);
            case '≤': return Take(TokenKind.LessOrEqual, 1, at);
            case '≥': return Take(TokenKind.GreaterOrEqual, 1, at);
            case '≠': return Take(TokenKind.NotEqual, 1, at);
            case '!':
                throw new ParseException(PositionOf(_index + 1), "'=' after '!'", DescribeAt(_index + 1));
            case '.':
                throw new ParseException(at, "a digit before the decimal point", "'.'");
        }
        throw new ParseException(at, "a number, name, operator or bracket", DescribeAt(_index));
    }

    void SkipWhitespace()
    {
        while (_index < _text.Length && char.IsWhiteSpace(_text[_index]))
        {
            // Only '\n' starts a line, as in the model and claims files' own numbering: a lone '\r' is
            // white space (and "\r\n" one line break).
            if (_text[_index++] == '\n') { _line++; _lineStart = _index; }
        }
    }

    Token Take(TokenKind kind, int length, TextPosition at)
    {
        var token = new Token(kind, _text.Substring(_index, length), at);
        _index += length;
        return token;
    }

    Token LexIdentifier(TextPosition at)
    {
        var start = _index;
        while (_index < _text.Length && (char.IsLetterOrDigit(_text[_index]) || _text[_index] == '_')) _index++;
        return new Token(TokenKind.Identifier, _text[start.._index], at);
    }

    /// <summary>digits ['.' digits] [('e'|'E') ['+'|'-'] digits], read as an exact rational.</summary>
    Token LexNumber(TextPosition at)
    {
        var start = _index;
        var digits = new StringBuilder(ReadDigits());
        var scale = 0;
        if (Peek(0) == '.')
        {
            _index++;
            if (!char.IsAsciiDigit(Peek(0)))
                throw new ParseException(PositionOf(_index), "a digit after the decimal point", DescribeAt(_index));
            var fraction = ReadDigits();
            digits.Append(fraction);
            scale = -fraction.Length;
        }
        if (Peek(0) is 'e' or 'E' && StartsExponent())
        {
            _index++;
            var negative = Peek(0) == '-';
            if (Peek(0) is '+' or '-') _index++;
            if (!char.IsAsciiDigit(Peek(0)))
                throw new ParseException(PositionOf(_index), $"a digit in the exponent of '{_text[start.._index]}'", DescribeAt(_index));
            var exponentAt = _index;
            var exponent = ReadDigits().TrimStart('0');
            if (exponent.Length > MaxExponentDigits)
                throw new ParseException(PositionOf(exponentAt), $"an exponent of at most {MaxExponentDigits} digits",
                    $"'{_text[start.._index]}'");
            var e = exponent.Length == 0 ? 0 : int.Parse(exponent, CultureInfo.InvariantCulture);
            scale += negative ? -e : e;
        }
        if (Peek(0) == '.')
            throw new ParseException(PositionOf(_index), $"the end of the number '{_text[start.._index]}'", "'.'");
        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        var value = scale >= 0
            ? new Rational(mantissa * BigInteger.Pow(10, scale), 1)
            : new Rational(mantissa, BigInteger.Pow(10, -scale));
        return new Token(TokenKind.Number, _text[start.._index], at, value);
    }

    /// <summary>An 'e' after digits opens an exponent unless a name follows (so "2exp(x)" is 2 then exp).</summary>
    bool StartsExponent()
    {
        var next = Peek(1);
        return next == '\0' || !(char.IsLetter(next) || next == '_');
    }

    string ReadDigits()
    {
        var start = _index;
        while (char.IsAsciiDigit(Peek(0))) _index++;
        return _text[start.._index];
    }

    char Peek(int ahead) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';

    string DescribeAt(int index)
    {
        if (index >= _text.Length) return "end of input";
        if (Rune.DecodeFromUtf16(_text.AsSpan(index), out var rune, out _) != System.Buffers.OperationStatus.Done)
            return $"character U+{(int)_text[index]:X4}";
        if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)) return $"character U+{rune.Value:X4}";
        return $"'{rune}'";
    }
}
