using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Modeling;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Cli.Commands;

/// <summary>
/// verify eval "EXPR" --at x=2,beta=3 [--assume "..."] [--json], or over a regime's names:
/// verify eval "EXPR" --regime R --at sigma=3,rho=4,... [--model FILE] [--json].
/// </summary>
public sealed class EvalCommand(IAnsiConsole console) : Command<EvalCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandArgument(0, "<EXPR>")] [Description("The expression; diff(e, x) is a derivative; with --regime, name@regime is another regime's name.")]
        public string Expression { get; init; } = "";
        [CommandOption("--at <POINT>")] [Description("Values, e.g. x=2,beta=3; with --regime every model parameter (and a, if the expression needs it).")]
        public string? At { get; init; }
        [CommandOption("--assume <RELATIONS>")] [Description("Domain of the symbols; a point outside it is an error (without --regime).")]
        public string? Assume { get; init; }
        [CommandOption("--regime <REGIME>")] [Description("Evaluate over this regime's derived names (aD, abarS, phiS, ...), in the phase that holds at the point.")]
        public string? Regime { get; init; }
        [CommandOption("--json")] [Description("Print {\"value\": ...} (with --regime also the phase that holds).")] public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Regime is null && Model is not null) return ValidationResult.Error("--model needs --regime (plain expressions use no model)");
            if (Regime is not null && Assume is not null) return ValidationResult.Error("--assume is for plain expressions; with --regime the model's own domains apply");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Regime is not null)
        {
            var result = RegimeEval.Evaluate(ModelSource.Load(settings.Model), settings.Regime, settings.Expression, settings.At, settings.CacheDirectory);
            if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(result));
            else console.Profile.Out.Writer.WriteLine(Number(result.Value));
            return 0;
        }
        var value = EvaluatePlain(settings);
        if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(new { value }));
        else console.Profile.Out.Writer.WriteLine(Number(value));
        return 0;
    }

    static double EvaluatePlain(Settings settings)
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
            throw new ArgumentException($"the expression is undefined at this point (its value is {Number(value)})");
        return value;
    }

    static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
