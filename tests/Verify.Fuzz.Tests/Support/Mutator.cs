using System.Text;

namespace Verify.Fuzz.Tests.Support;

/// <summary>
/// Applies <see cref="Mutation"/>s to the bytes of an input. Text-level damage decodes the bytes
/// (invalid sequences become U+FFFD, as File.ReadAllText does) and encodes the result again;
/// byte-level damage (truncation, invalid UTF-8) works on the bytes themselves.
/// </summary>
public sealed class Mutator(IReadOnlyList<string> keywords)
{
    static readonly string[] Operators =
        ["+", "-", "*", "/", "^", "(", ")", "[", "]", ",", ":", "=", "<", "<=", ">", ">=", "!=", "≤", "≥", "≠", "'", "@", "\"", "#", ".", "->", "\n", "\t", "_", "!"];

    static readonly string[] Functions = ["ln", "log", "exp", "sqrt", "abs", "max", "min", "diff", "integral", "latex"];

    // Numbers at the edges of what the readers accept: huge, tiny, long, malformed.
    static readonly string[] ExtremeNumbers =
    [
        "0", "00000", "1e9999", "1e-9999", "1e10000", "1e-10000", "1.5e+3000", "1e308", "1e-324", "4.9e-324",
        "1.7976931348623157e308", "2e308", "123456789012345678901234567890123456789", new string('9', 5000),
        "0." + new string('0', 2000) + "1", "1.", ".5", "1e", "1e+", "0x1F", "1_000", "NaN", "Infinity", "-0", "1e4", "2^99999",
        "10^10^10", "(1e9999)^(1e9999)", "0^-1", "0/0", "1/0",
    ];

    static readonly byte[][] Bytes =
    [
        [0x00], [0xFF], [0xFE, 0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0x0D], [0x0B], [0x0C], [0x7F],
        [0xE2, 0x80, 0xA8], [0xC2, 0x85], [0xEF, 0xBF, 0xBF], [0xF0, 0x9F, 0x98, 0x80], [0x00, 0x00, 0x00, 0x00],
    ];

    static readonly int[] Depths = [2, 10, 50, 199, 200, 201, 500, 2_000, 20_000];

    readonly IReadOnlyList<string> _keywords = keywords;

    public byte[] Apply(byte[] input, IEnumerable<Mutation> mutations) =>
        mutations.Aggregate(input, (bytes, m) => Apply(bytes, m));

    public byte[] Apply(byte[] bytes, Mutation m)
    {
        switch (m.Kind)
        {
            case MutationKind.Truncate:
                return bytes[..Pick(m.Where, bytes.Length + 1)];
            case MutationKind.InsertBytes:
            {
                var at = Pick(m.Where, bytes.Length + 1);
                return [.. bytes[..at], .. Bytes[Pick(m.What, Bytes.Length)], .. bytes[at..]];
            }
            default:
                return Encoding.UTF8.GetBytes(ApplyToText(Encoding.UTF8.GetString(bytes), m));
        }
    }

    string ApplyToText(string text, Mutation m)
    {
        if (m.Kind is MutationKind.SwapLines or MutationKind.DeleteLine or MutationKind.DuplicateLines) return ApplyToLines(text, m);
        var tokens = Tokens.Split(text);
        var solid = Enumerable.Range(0, tokens.Count).Where(i => !Tokens.IsSpace(tokens[i])).ToList();
        var at = Pick(m.Where, tokens.Count + 1);
        switch (m.Kind)
        {
            case MutationKind.InsertToken:
                tokens.Insert(at, Spaced(Vocabulary(m.What, tokens)));
                break;
            case MutationKind.MisplaceKeyword:
            {
                var keyword = _keywords.Count == 0 ? Functions[Pick(m.What, Functions.Length)] : _keywords[Pick(m.What, _keywords.Count)];
                // Half the time at the start of a line, where a statement is expected; else anywhere.
                var lineStarts = Enumerable.Range(0, tokens.Count).Where(i => i == 0 || tokens[i - 1] == "\n").ToList();
                var where = m.What % 2 == 0 && lineStarts.Count > 0 ? lineStarts[Pick(m.Where, lineStarts.Count)] : at;
                tokens.Insert(where, keyword + " ");
                break;
            }
            case MutationKind.DeleteToken when solid.Count > 0:
                tokens.RemoveAt(solid[Pick(m.Where, solid.Count)]);
                break;
            case MutationKind.SwapTokens when solid.Count > 1:
            {
                int i = solid[Pick(m.Where, solid.Count)], j = solid[Pick(m.What, solid.Count)];
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
            }
            case MutationKind.ReplaceToken when solid.Count > 1:
                tokens[solid[Pick(m.Where, solid.Count)]] = tokens[solid[Pick(m.What, solid.Count)]];
                break;
            case MutationKind.ExtremeNumber:
            {
                var numbers = solid.Where(i => char.IsAsciiDigit(tokens[i][0])).ToList();
                var number = ExtremeNumbers[Pick(m.What, ExtremeNumbers.Length)];
                if (numbers.Count > 0) tokens[numbers[Pick(m.Where, numbers.Count)]] = number;
                else tokens.Insert(at, number);
                break;
            }
            case MutationKind.DeepNesting when solid.Count > 0:
            {
                var i = solid[Pick(m.Where, solid.Count)];
                tokens[i] = Nest(tokens[i], Depths[Pick(m.What, Depths.Length)], m.What % 5);
                break;
            }
        }
        return string.Concat(tokens);
    }

    static string ApplyToLines(string text, Mutation m)
    {
        var lines = text.Split('\n').ToList();
        int i = Pick(m.Where, lines.Count), j = Pick(m.What, lines.Count);
        switch (m.Kind)
        {
            case MutationKind.SwapLines:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
            case MutationKind.DeleteLine:
                lines.RemoveAt(i);
                break;
            case MutationKind.DuplicateLines:
                var (from, to) = (Math.Min(i, j), Math.Min(Math.Max(i, j), Math.Min(i, j) + 40));
                lines.InsertRange(to, lines.GetRange(from, to - from));
                break;
        }
        return string.Join('\n', lines);
    }

    /// <summary>A token wrapped <paramref name="depth"/> times in one of five nestings.</summary>
    static string Nest(string token, int depth, int how) => how switch
    {
        0 => new string('(', depth) + token + new string(')', depth),
        1 => new string('-', depth) + token,
        2 => string.Concat(Enumerable.Repeat(token + "^", depth)) + token,
        3 => string.Concat(Enumerable.Repeat("exp(", depth)) + token + new string(')', depth),
        _ => string.Join("+", Enumerable.Repeat(token, depth)),
    };

    string Vocabulary(int what, List<string> tokens)
    {
        var pool = _keywords.Count + Operators.Length + Functions.Length;
        var k = Pick(what, pool + 1);
        if (k < _keywords.Count) return _keywords[k];
        k -= _keywords.Count;
        if (k < Operators.Length) return Operators[k];
        k -= Operators.Length;
        if (k < Functions.Length) return Functions[k];
        return tokens.Count == 0 ? "x" : tokens[Pick(what / 7, tokens.Count)];
    }

    static string Spaced(string token) => token.Length > 0 && char.IsLetterOrDigit(token[0]) ? " " + token + " " : token;

    static int Pick(int draw, int count) => count <= 0 ? 0 : (int)((uint)draw % (uint)count);
}
