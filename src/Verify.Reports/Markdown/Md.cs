using System.Text;
using Verify.Reports.Content;

namespace Verify.Reports.Markdown;

/// <summary>Markdown building blocks: escaped text, GitHub math ($…$ inline, $$…$$ on lines of their own), table cells.</summary>
public static class Md
{
    /// <summary>Text with every character Markdown (or GitHub's math) would read as markup escaped.</summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '$' or '~') sb.Append('\\');
            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return sb.ToString();
    }

    public static string Inline(string latex) => $"${latex}$";

    /// <summary>A display equation: a blank line, $$, the math, $$, a blank line.</summary>
    public static void Display(StringBuilder sb, string latex)
    {
        sb.Append("\n$$\n").Append(latex).Append("\n$$\n\n");
    }

    public static string Segments(IEnumerable<Segment> segments) =>
        string.Concat(segments.Select(s => s.IsMath ? Inline(s.Text) : Text(s.Text)));

    /// <summary>One line of a table cell, shortened to at most <paramref name="max"/> characters.</summary>
    public static string Cell(string text, int max = 200) => Text(Short(text, max));

    public static string Short(string text, int max)
    {
        var line = string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }

    public static string Code(string text) => $"`{text.Replace("`", "'")}`";

    public static string Anchor(string id) => $"<a id=\"{id}\"></a>";

    public static string ClaimAnchor(string id) => "claim-" + new string(id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
