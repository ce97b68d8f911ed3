using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Cli.Commands;

/// <summary>verify eval "EXPR" --at x=2,beta=3 [--assume "..."] [--json]</summary>
public sealed class EvalCommand(IAnsiConsole console) : Command<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<EXPR>")] [Description("The expression; diff(e, x) is a derivative.")]
        public string Expression { get; init; } = "";
        [CommandOption("--at <POINT>")] [Description("Values, e.g. x=2,beta=3.")]
        public string? At { get; init; }
        [CommandOption("--assume <RELATIONS>")] [Description("Domain of the symbols; a point outside it is an error.")]
        public string? Assume { get; init; }
        [CommandOption("--json")] [Description("Print {\"value\": ...}.")] public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var parse = ParseContext.Default;
        var expr = Inputs.Expression(settings.Expression, parse);
        var assumptions = Inputs.Assumptions(settings.Assume, parse);
        var given = Inputs.Point(settings.At);
        var point = new Dictionary<Symbol, double>();
        foreach (var s in expr.FreeSymbols().Concat(assumptions.Symbols).Distinct())
        {
            if (given.TryGetValue(s.Name, out var v)) point[s] = v;
        }
        var missing = expr.FreeSymbols().Where(s => !point.ContainsKey(s)).Select(s => s.Name).OrderBy(n => n).ToList();
        if (missing.Count > 0) throw new ArgumentException($"no value given for {string.Join(", ", missing)} (use --at {missing[0]}=...)");
        if (assumptions.Violation(point) is { } violated)
            throw new ArgumentException($"the point is outside the domain: {violated} does not hold");
        var value = Evaluator.Evaluate(expr, point);
        if (!double.IsFinite(value))
            throw new ArgumentException($"the expression is undefined at this point (its value is {value.ToString(CultureInfo.InvariantCulture)})");
        if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(new { value }));
        else console.Profile.Out.Writer.WriteLine(value.ToString("R", CultureInfo.InvariantCulture));
        return 0;
    }
}
