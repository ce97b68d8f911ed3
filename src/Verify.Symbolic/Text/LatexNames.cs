using System.Collections.Immutable;

namespace Verify.Symbolic.Text;

/// <summary>
/// How names become LaTeX. By default a Greek name spelled out becomes its command (sigma →
/// \sigma; phi → \varphi and epsilon → \varepsilon, the forms economics papers use), an
/// underscore starts a subscript (s_E → s_{E}), trailing digits become a subscript (x1 → x_{1}),
/// and any other name of several letters is set as one word (\mathit{sE} for a symbol,
/// \operatorname{aX} for a function; plain letters inside a subscript, f_IX → f_{IX}). Overrides replace the whole rendering of one name
/// (sE → s_E, abarS → \bar{a}^{*}). Immutable: <see cref="WithSymbol"/> and
/// <see cref="WithFunction"/> return a new instance.
/// </summary>
public sealed class LatexNames
{
    readonly ImmutableDictionary<string, string> _symbols;
    readonly ImmutableDictionary<string, string> _functions;

    LatexNames(ImmutableDictionary<string, string> symbols, ImmutableDictionary<string, string> functions)
    {
        _symbols = symbols; _functions = functions;
    }

    public static readonly LatexNames Default = new(
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));

    public LatexNames WithSymbol(string name, string latex) => new(_symbols.SetItem(Checked(name), Checked(latex)), _functions);

    public LatexNames WithFunction(string name, string latex) => new(_symbols, _functions.SetItem(Checked(name), Checked(latex)));

    /// <summary>The LaTeX for the symbol called <paramref name="name"/>.</summary>
    public string Symbol(string name) => _symbols.TryGetValue(name, out var latex) ? latex : Render(name, "\\mathit");

    /// <summary>The LaTeX for the function called <paramref name="name"/> (without its arguments).</summary>
    public string Function(string name) => _functions.TryGetValue(name, out var latex) ? latex : Render(name, "\\operatorname");

    /// <summary>True when the symbol's LaTeX is a multi-letter word, which needs a thin space beside other factors.</summary>
    internal bool IsWord(string name) => !_symbols.ContainsKey(name) && Render(name, "\\mathit").StartsWith("\\mathit", StringComparison.Ordinal);

    static string Checked(string s) =>
        string.IsNullOrWhiteSpace(s) ? throw new ArgumentException("A name and its LaTeX must not be empty.") : s;

    static readonly ImmutableDictionary<string, string> Greek = new Dictionary<string, string>
    {
        ["alpha"] = @"\alpha", ["beta"] = @"\beta", ["gamma"] = @"\gamma", ["delta"] = @"\delta",
        ["epsilon"] = @"\varepsilon", ["varepsilon"] = @"\varepsilon", ["zeta"] = @"\zeta", ["eta"] = @"\eta",
        ["theta"] = @"\theta", ["vartheta"] = @"\vartheta", ["iota"] = @"\iota", ["kappa"] = @"\kappa",
        ["lambda"] = @"\lambda", ["mu"] = @"\mu", ["nu"] = @"\nu", ["xi"] = @"\xi", ["pi"] = @"\pi",
        ["rho"] = @"\rho", ["varrho"] = @"\varrho", ["sigma"] = @"\sigma", ["tau"] = @"\tau",
        ["upsilon"] = @"\upsilon", ["phi"] = @"\varphi", ["varphi"] = @"\varphi", ["chi"] = @"\chi",
        ["psi"] = @"\psi", ["omega"] = @"\omega",
        ["Gamma"] = @"\Gamma", ["Delta"] = @"\Delta", ["Theta"] = @"\Theta", ["Lambda"] = @"\Lambda",
        ["Xi"] = @"\Xi", ["Pi"] = @"\Pi", ["Sigma"] = @"\Sigma", ["Upsilon"] = @"\Upsilon",
        ["Phi"] = @"\Phi", ["Psi"] = @"\Psi", ["Omega"] = @"\Omega",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Renders a name; <paramref name="wordCommand"/> wraps multi-letter words (null inside subscripts, where s_{EX} reads fine).</summary>
    static string Render(string name, string? wordCommand, bool digitsAsSubscript = true)
    {
        var underscore = name.IndexOf('_');
        if (underscore > 0 && underscore < name.Length - 1)
            return $"{Render(name[..underscore], wordCommand, digitsAsSubscript: false)}_{{{Render(name[(underscore + 1)..], null)}}}";
        var letters = name.TrimEnd("0123456789".ToCharArray());
        // (Not before an underscore: x1_E must not get two subscripts.)
        if (digitsAsSubscript && letters.Length > 0 && letters.Length < name.Length)
            return $"{Render(letters, wordCommand)}_{{{name[letters.Length..]}}}";
        if (Greek.TryGetValue(name, out var command)) return command;
        var escaped = name.Replace("_", @"\_");
        if (name.Length == 1 || wordCommand is null) return escaped;
        return $"{wordCommand}{{{escaped}}}";
    }
}
