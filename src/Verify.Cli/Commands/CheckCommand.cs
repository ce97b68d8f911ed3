using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Claims;
using Verify.Claims.Checking;
using Verify.Cli.Checking;
using Verify.Cli.Modeling;
using Verify.Derivation;

namespace Verify.Cli.Commands;

/// <summary>
/// verify check — the main job: every claim of the model's claims file decided, a table of
/// verdicts and evidence, and exit code 0 only when every verdict is the pinned one.
/// </summary>
public sealed class CheckCommand(IAnsiConsole console) : Command<CheckCommand.Settings>
{
    public sealed class Settings : DrawSettings
    {
        [CommandOption("--claims <IDS>")] [Description("Only these claim ids, comma-separated (e.g. R3.sustain,R4.limit).")]
        public string? Claims { get; init; }
        [CommandOption("--json")] [Description("Print {\"claims\": [[...]], \"seconds\": ...} instead of the table.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        settings.CheckDraws();
        var model = ModelSource.Load(settings.Model);
        var (claims, expected) = ClaimSources.For(model, settings.Model);
        var ids = settings.Claims?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        if (ids is not null && ids.FirstOrDefault(id => claims.Claims.All(c => c.Id != id)) is { } unknown)
            throw new ArgumentException($"no claim '{unknown}'; the claims are {string.Join(", ", claims.Claims.Select(c => c.Id))}");
        var options = new CheckOptions(settings.Draws, settings.Seed);
        var total = claims.Claims.Where(c => ids is null || ids.Contains(c.Id)).Sum(c => c.Regimes.Count);

        var cache = settings.CacheDirectory;
        ModelDerivation Derive() => DerivationCache.Fresh(model, cache);
        // Symbolic proof attempts are stored beside the derivations, as they are as costly and as fixed.
        var proofs = ProofStore.Open(cache, model);
        options = options with { Proofs = proofs };
        CheckRun.Outcome outcome;
        if (settings.Json || !console.Profile.Capabilities.Interactive)
            outcome = CheckRun.Run(model, claims, expected, options, ids, derive: Derive);
        else
            outcome = console.Progress().Start(p =>
            {
                var task = p.AddTask($"checking {total} claims", maxValue: total);
                return CheckRun.Run(model, claims, expected, options, ids, _ => task.Increment(1), Derive);
            });

        proofs.Save();
        if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(CheckJson.Of(outcome)));
        else CheckTable.Write(console, outcome, options);
        return outcome.AllMatch ? 0 : 1;
    }
}
