using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Deriving;
using Verify.Cli.Modeling;
using System.Text.RegularExpressions;
using Verify.Derivation.Evaluation;
using Verify.Symbolic.Text;

namespace Verify.Cli.Commands;

/// <summary>verify derive NAME --regime R [--phase P] [--all] [--latex] [--json] [--model FILE]</summary>
public sealed partial class DeriveCommand(IAnsiConsole console) : Command<DeriveCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandArgument(0, "<NAME>")] [Description("A derived name of the regime (aD, aX, abarS, Wstar, ...), a threshold (phiP, phiS), or any expression over its names (\"diff(abarS, phi)\", \"Wstar - Wstar@entry\").")]
        public string Name { get; init; } = "";
        [CommandOption("--regime <REGIME>")] [Description("The regime (autarky, entry, onset, relocation, relocation-entry).")]
        public string? Regime { get; init; }
        [CommandOption("--phase <PHASE>")] [Description("Only this phase (e.g. XX, DD); by default every phase that defines NAME.")]
        public string? Phase { get; init; }
        [CommandOption("--all")] [Description("Show every step of the phase, not only the steps that mention NAME.")]
        public bool All { get; init; }
        [CommandOption("--latex")] [Description("Print equations and the final form in LaTeX.")]
        public bool Latex { get; init; }
        [CommandOption("--json")] [Description("Print the steps and the final form as JSON (equations in LaTeX with --latex).")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var model = ModelSource.Load(settings.Model);
        var regime = ModelLookup.Regime(model, settings.Regime);
        var phase = ModelLookup.Phase(regime, settings.Phase);
        var isName = PlainName().IsMatch(settings.Name);
        // An expression is parsed before deriving, so that a mistake in it is reported at once.
        var parsed = isName ? null : ParseExpression(model, regime.Name, settings.Name);
        var threshold = isName ? DerivationReporter.Validate(model, regime, phase, settings.Name) : null;

        var derivation = DerivationCache.For(model, settings.CacheDirectory);
        var derived = derivation.Regime(regime.Name)!;
        var reporter = new DerivationReporter(model, settings.Latex ? Notation.Latex(model) : Notation.Plain, settings.All, derivation.Context.Presenter);
        var report = parsed is not null ? reporter.Expression(new ModelEvaluator(derivation), derived, settings.Name, parsed, phase)
            : threshold is not null ? reporter.Threshold(derived, settings.Name) : reporter.Quantity(derived, phase, settings.Name);

        var output = console.Profile.Out.Writer;
        if (settings.Json) output.WriteLine(JsonOut.Of(report));
        else DerivationText.Write(output, report, settings.Latex);
        return 0;
    }

    static ExpressionScope.Parsed ParseExpression(Verify.Model.Language.ModelDocument model, string regime, string text)
    {
        try { return ExpressionScope.Parse(model, regime, text); }
        catch (ParseException e)
        {
            throw new ArgumentException($"in the expression, {e.Message} (verify list --regime {regime} shows its names)", e);
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
