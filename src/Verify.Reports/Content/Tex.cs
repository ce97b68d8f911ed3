using System.Text;

namespace Verify.Reports.Content;

/// <summary>Escaping of plain text for LaTeX (running text and \texttt inside math).</summary>
public static class Tex
{
    public static string EscapeText(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '$' => @"\$",
                '&' => @"\&",
                '#' => @"\#",
                '%' => @"\%",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '<' => @"\textless{}",
                '>' => @"\textgreater{}",
                '|' => @"\textbar{}",
                '§' => @"\S{}",
                '…' => @"\dots{}",
                '—' => "---",
                '–' => "--",
                '→' => @"$\to$",
                '≠' => @"$\ne$",
                '≤' => @"$\le$",
                '≥' => @"$\ge$",
                '∂' => @"$\partial$",
                '×' => @"$\times$",
                '’' => "'",
                '‘' => "`",
                '“' => "``",
                '”' => "''",
                _ => c < 128 ? c.ToString() : "?",
            });
        }
        return sb.ToString();
    }
}
