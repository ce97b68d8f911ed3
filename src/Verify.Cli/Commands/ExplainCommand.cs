using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Claims;
using Verify.Claims.Checking;
using Verify.Cli.Checking;
using Verify.Cli.Modeling;

namespace Verify.Cli.Commands;

/// <summary>
/// verify explain ID[@regime] — one claim decided as verify check decides it (same draws and seed),
/// with the whole evidence: the paper's words, the reading, every detail, the point in full precision.
/// </summary>
public sealed class ExplainCommand(IAnsiConsole console) : Command<ExplainCommand.Settings>
{
    public sealed class Settings : DrawSettings
    {
        [CommandArgument(0, "<ID>")] [Description("A claim id (R3.order), or id@regime for one of its regimes (R3.order@relocation).")]
        public string Claim { get; init; } = "";
        [CommandOption("--json")] [Description("Print the claims as verify check --json does.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        settings.CheckDraws();
        var model = ModelSource.Load(settings.Model);
        var (claims, expected) = ClaimSources.For(model, settings.Model);
        var at = settings.Claim.IndexOf('@');
        var id = (at < 0 ? settings.Claim : settings.Claim[..at]).Trim();
        var regime = at < 0 ? null : settings.Claim[(at + 1)..].Trim();
        var claim = claims.Claims.FirstOrDefault(c => c.Id == id)
            ?? throw new ArgumentException($"no claim '{id}'; the claims are {string.Join(", ", claims.Claims.Select(c => c.Id))}");
        if (regime is not null && !claim.Regimes.Contains(regime))
            throw new ArgumentException($"{id} is not checked in '{regime}'; its regimes are {string.Join(", ", claim.Regimes)}");

        var cache = settings.CacheDirectory;
        var proofs = ProofStore.Open(cache, model);
        var options = new CheckOptions(settings.Draws, settings.Seed) { Proofs = proofs };
        var outcome = CheckRun.Run(model, claims, expected, options, [id], derive: () => DerivationCache.Fresh(model, cache));
        proofs.Save();
        var shown = outcome.Claims.Where(c => regime is null || c.Result.Regime == regime).ToList();
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonOut.Of(CheckJson.Of(outcome with { Claims = shown })));
            return shown.All(c => c.Matches) ? 0 : 1;
        }
        console.MarkupLine($"[bold]{Markup.Escape(claim.Id)}[/]");
        if (claim.Quote is { } quote) Field("paper", $"\"{quote}\"");
        if (claim.Reading is { } reading) Field("reading", reading);
        foreach (var c in shown)
        {
            console.WriteLine();
            var pinned = c.Expected is null ? "none pinned" : c.Matches ? "as pinned" : $"pinned {c.Expected.Verdict.Name()}";
            console.MarkupLine($"[bold]{Markup.Escape(c.Result.Key)}[/]: {Markup.Escape(c.Result.Verdict.Name())} ({Markup.Escape(pinned)})");
            Field("headline", Headline.Of(c.Result));
            Field("evidence", c.Result.Evidence);
            foreach (var d in c.Result.Details) Field("detail", d);
            if (c.Result.Counterexample is { } point)
                Field(c.Result.Verdict == Verdict.Refuted ? "counterexample" : "point",
                    string.Join(", ", point.Select(kv => $"{kv.Key} = {kv.Value.ToString("R", CultureInfo.InvariantCulture)}")));
            Field("draws", $"{c.Result.Draws}, seed {c.Result.Seed}");
        }
        return shown.All(c => c.Matches) ? 0 : 1;

        void Field(string name, string text) =>
            console.Write(new Grid().AddColumn(new GridColumn().Width(17).NoWrap()).AddColumn()
                .AddRow(new Text("  " + name), new Text(text)));
    }
}
