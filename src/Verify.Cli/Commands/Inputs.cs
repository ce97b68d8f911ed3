using System.Globalization;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Cli.Commands;

/// <summary>Reading the command line's expressions, assumptions and points, with errors a user can act on.</summary>
static class Inputs
{
    public static Expr Expression(string text, ParseContext context) => Parser.Parse(text, context);

    public static Assumptions Assumptions(string? text, ParseContext context) =>
        string.IsNullOrWhiteSpace(text) ? Symbolic.Assumptions.Assumptions.None : new(Parser.ParseRelations(text, context));

    /// <summary>Parses "x=2,beta=3" into symbol values; the symbols are the context's (or new real ones).</summary>
    public static Dictionary<string, double> Point(string? text)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return values;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--at: expected name=value but found '{part}'");
            var name = part[..eq].Trim();
            var valueText = part[(eq + 1)..].Trim();
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new ArgumentException($"--at: '{valueText}' is not a number (for {name})");
            if (!values.TryAdd(name, value)) throw new ArgumentException($"--at: {name} is given twice");
        }
        return values;
    }
}
