using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Deriving;
using Verify.Cli.Modeling;

namespace Verify.Cli.Commands;

/// <summary>verify derive NAME --regime R [--phase P] [--all] [--latex] [--json] [--model FILE]</summary>
public sealed class DeriveCommand(IAnsiConsole console) : Command<DeriveCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandArgument(0, "<NAME>")] [Description("A derived name of the regime (aD, aX, abarS, Wstar, ...) or a threshold (phiP, phiS).")]
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
        var threshold = DerivationReporter.Validate(model, regime, phase, settings.Name);

        var derived = DerivationCache.For(model, settings.CacheDirectory).Regime(regime.Name)!;
        var reporter = new DerivationReporter(model, settings.Latex ? Notation.Latex(model) : Notation.Plain, settings.All);
        var report = threshold is not null ? reporter.Threshold(derived, settings.Name) : reporter.Quantity(derived, phase, settings.Name);

        var output = console.Profile.Out.Writer;
        if (settings.Json) output.WriteLine(JsonOut.Of(report));
        else DerivationText.Write(output, report, settings.Latex);
        return 0;
    }
}
