using System.Text.RegularExpressions;

namespace Verify.Fuzz.Tests.Support;

/// <summary>
/// Splits text into the pieces a mutation moves around: quoted strings, names, numbers, runs of
/// white space (line breaks kept apart) and single other characters. Joined again they give the text back.
/// </summary>
public static partial class Tokens
{
    [GeneratedRegex("\"[^\"\\n]*\"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|\\n|[ \\t\\r]+|.", RegexOptions.Singleline)]
    private static partial Regex Piece();

    public static List<string> Split(string text) => Piece().Matches(text).Select(m => m.Value).ToList();

    public static bool IsSpace(string token) => token.Length > 0 && token.All(char.IsWhiteSpace);
}
