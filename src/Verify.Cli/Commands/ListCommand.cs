using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Listing;
using Verify.Cli.Modeling;

namespace Verify.Cli.Commands;

/// <summary>verify list [--regime R] [--model FILE] [--json]</summary>
public sealed class ListCommand(IAnsiConsole console) : Command<ListCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandOption("--regime <REGIME>")] [Description("Only this regime (e.g. relocation-entry).")]
        public string? Regime { get; init; }
        [CommandOption("--json")] [Description("Print the regimes, phases, quantities and thresholds as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var model = ModelSource.Load(settings.Model);
        if (settings.Regime is not null) ModelLookup.Regime(model, settings.Regime);
        var regimes = RegimeListing.Of(DerivationCache.For(model, settings.CacheDirectory), settings.Regime);
        if (settings.Json) console.Profile.Out.Writer.WriteLine(JsonOut.Of(new { model = model.Name, regimes }));
        else ListTables.Write(console, model.Name, regimes);
        return 0;
    }
}
