using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Claims.Checking;
using Verify.Cli.Modeling;
using Verify.Cli.Reporting;
using Verify.Derivation;
using Verify.Reports;

namespace Verify.Cli.Commands;

/// <summary>
/// verify report — the derivation report in a folder (proofs/ by default): README.md with every
/// verdict, a page per Result, report.tex, figures and baseline.json. The same model, claims,
/// draws and seed give the same bytes.
/// </summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandOption("--out <DIR>")] [Description("Folder to write the report into (default proofs).")]
        public string Out { get; init; } = "proofs";
        [CommandOption("--draws <N>")] [Description("Random admissible draws per claim (default 10000, as verify check).")]
        public int Draws { get; init; } = ReportOptions.DefaultDraws;
        [CommandOption("--seed <S>")] [Description("Seed of the draws (default 20140101).")]
        public ulong Seed { get; init; } = ReportOptions.DefaultSeed;
        [CommandOption("--reuse-verdicts")] [Description("Render again with the verdicts of the baseline.json already in --out (its draws and seed) "
            + "instead of deciding the claims: seconds instead of minutes, for a change to the derivations or the report's layout; not after a change to the claims or the checker.")]
        public bool ReuseVerdicts { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Draws < 1) throw new ArgumentException("--draws must be at least 1");
        var clock = Stopwatch.StartNew();
        var inputs = ReportInputs.For(settings.Model);
        var options = new ReportOptions(settings.Draws, settings.Seed, settings.Model is null ? null : Path.GetFileName(settings.Model));
        // Stored derivations, as for verify check: the report's own and one for each of the check's workers.
        var cache = settings.CacheDirectory;
        ModelDerivation Derive() => DerivationCache.Fresh(inputs.Sources.Model, cache);
        var proofs = ProofStore.Open(cache, inputs.Sources.Model);
        var report = settings.ReuseVerdicts
            ? ReportBuilder.Rerender(inputs.Sources, LoadBaseline(settings.Out), options, Derive())
            : ReportBuilder.Build(inputs.Sources, options, Derive, proofs);
        proofs.Save();
        DerivationCache.SaveNotation();
        ReportWriter.Write(settings.Out, report.Files);
        var output = console.Profile.Out.Writer;
        var verdicts = report.Baseline.Claims.GroupBy(c => c.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"wrote {report.Files.Count} files to {settings.Out}: {report.Baseline.Claims.Count} claims ({string.Join(", ", verdicts)}), "
            + $"{report.Baseline.Draws} draws each, seed {report.Baseline.Seed}{(settings.ReuseVerdicts ? " (verdicts reused)" : "")}, {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    static Verify.Reports.Baselines.Baseline LoadBaseline(string folder)
    {
        try { return Verify.Reports.Baselines.BaselineJson.Load(Path.Combine(folder, "baseline.json")); }
        catch (Exception e) when (e is FileNotFoundException or FormatException) { throw new ArgumentException($"--reuse-verdicts: {e.Message}", e); }
    }
}
