using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Text;

namespace Verify.Cli.Commands;

/// <summary>verify simplify "EXPR" [--assume "..."] [--latex] [--json]</summary>
public sealed class SimplifyCommand(IAnsiConsole console) : Command<SimplifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<EXPR>")] [Description("The expression, e.g. \"x^a*x^b/x\"; diff(e, x) is a derivative.")]
        public string Expression { get; init; } = "";
        [CommandOption("--assume <RELATIONS>")] [Description("Comma-separated relations, e.g. \"sigma>1, rho>sigma-1\".")]
        public string? Assume { get; init; }
        [CommandOption("--latex")] [Description("Print LaTeX.")] public bool Latex { get; init; }
        [CommandOption("--json")] [Description("Print {\"expression\": ..., \"latex\": ...}.")] public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var parse = ParseContext.Default;
        var assumptions = Inputs.Assumptions(settings.Assume, parse);
        var result = Simplifier.Simplify(Inputs.Expression(settings.Expression, parse), assumptions);
        var plain = PlainPrinter.Print(result);
        var latex = LatexPrinter.Print(result);
        if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(new { expression = plain, latex }));
        else console.Profile.Out.Writer.WriteLine(settings.Latex ? latex : plain);
        return 0;
    }
}
