using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Reporting;
using Verify.Reports;
using Verify.Reports.Baselines;

namespace Verify.Cli.Commands;

/// <summary>
/// verify compare --baseline DIR — an edited model re-derived and its claims re-checked (with the
/// baseline's draws and seed), and every change against the baseline printed: closed forms that
/// changed, quantities that became implicit or gained a closed form, thresholds, verdicts, claims
/// that can no longer be evaluated. Exit 0 when nothing changed, 1 otherwise.
/// </summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--baseline <DIR>")] [Description("The report folder (its baseline.json) or a baseline.json file to compare against.")]
        public string? Baseline { get; init; }
        [CommandOption("--draws <N>")] [Description("Draws per claim; by default the baseline's (fewer is faster, but a verdict may then differ for that reason alone).")]
        public int? Draws { get; init; }
        [CommandOption("--derivations-only")] [Description("Compare the derivations only; check no claim (seconds instead of minutes).")]
        public bool DerivationsOnly { get; init; }
        [CommandOption("--json")] [Description("Print the changes as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Baseline)) throw new ArgumentException("--baseline is required (e.g. --baseline proofs/)");
        if (settings.Draws is < 1) throw new ArgumentException("--draws must be at least 1");
        var path = Directory.Exists(settings.Baseline) ? Path.Combine(settings.Baseline, "baseline.json") : settings.Baseline;
        Baseline baseline;
        try { baseline = BaselineJson.Load(path); }
        catch (Exception e) when (e is FileNotFoundException or FormatException) { throw new ArgumentException(e.Message, e); }
        var inputs = ReportInputs.For(settings.Model, fallbackClaims: baseline.Model);
        var outcome = CompareRun.Run(baseline, inputs.Sources, settings.Draws, claims: !settings.DerivationsOnly);

        var output = console.Profile.Out.Writer;
        if (settings.Json)
            output.WriteLine(JsonOut.Of(new
            {
                model = inputs.Sources.Model.Name,
                claims = settings.DerivationsOnly ? "none (derivations only)" : inputs.ClaimsOrigin,
                baseline = new { model = baseline.Model, draws = baseline.Draws, seed = baseline.Seed },
                unchanged = outcome.Unchanged,
                changes = outcome.Changes.Select(c => new { kind = c.KindName, subject = c.Subject, old = c.Old, @new = c.New, detail = c.Detail }),
            }));
        else ChangeText.Write(output, baseline, outcome, inputs.Sources.Model.Name, settings.DerivationsOnly ? "none, derivations only" : inputs.ClaimsOrigin);
        return outcome.Unchanged ? 0 : 1;
    }
}
