using Verify.Claims;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Reports.Baselines;
using Verify.Reports.Content;
using Verify.Reports.Figures;
using Verify.Reports.Latex;
using Verify.Reports.Markdown;

namespace Verify.Reports;

/// <summary>
/// Makes a report: the model derived, the claims decided (the baseline), then every file
/// rendered in memory — README.md, one page per Result, report.tex, baseline.json and the
/// figures. Rendering depends only on the derivation, the claims and the baseline, so the
/// committed files can be rendered again from the committed baseline without re-running the claims.
/// </summary>
public static class ReportBuilder
{
    public sealed record Report(Baseline Baseline, IReadOnlyList<ReportFile> Files);

    /// <param name="derive">Gives a derivation of the model, each call objects of its own (the check's workers take one
    /// each): a stored one, say; derived afresh when null.</param>
    /// <param name="proofs">Symbolic proof attempts made before (see <see cref="ProofStore"/>).</param>
    public static Report Build(ReportSources sources, ReportOptions options, Func<ModelDerivation>? derive = null, ProofStore? proofs = null)
    {
        derive ??= () => ModelDeriver.Derive(sources.Model);
        var derivation = derive();
        var outcome = CheckRun.Run(sources.Model, sources.Claims, sources.Expected, new CheckOptions(options.Draws, options.Seed) { Proofs = proofs }, derive: derive);
        var baseline = BaselineBuilder.From(derivation, outcome.Claims, options.Draws, options.Seed);
        return new Report(baseline, Render(derivation, sources.Claims, baseline, options));
    }

    /// <summary>
    /// The report rendered again with the verdicts of an earlier baseline (its draws, seed and
    /// pinned verdicts) and everything else derived afresh: fast, and what the regression test
    /// compares with the committed files. Valid while the claims and the checker are unchanged.
    /// The pinned verdicts are read again from the sources.
    /// </summary>
    public static Report Rerender(ReportSources sources, Baseline previous, ReportOptions options, ModelDerivation? derivation = null)
    {
        derivation ??= ModelDeriver.Derive(sources.Model);
        // The pins are read afresh: they are the .expected file's, not the run's.
        var claims = previous.Claims.Select(c => c with { Pinned = sources.Expected?.Entries.GetValueOrDefault(c.Key)?.Verdict.Name() }).ToList();
        var baseline = previous with { Model = sources.Model.Name, Regimes = BaselineBuilder.Regimes(derivation), Claims = claims };
        return new Report(baseline, Render(derivation, sources.Claims, baseline, options with { Draws = previous.Draws, Seed = previous.Seed }));
    }

    public static IReadOnlyList<ReportFile> Render(ModelDerivation derivation, ClaimDocument claims, Baseline baseline, ReportOptions options)
    {
        var evaluator = new ModelEvaluator(derivation);
        var groups = ClaimGroups.Of(claims);
        var catalog = new FigureCatalog(evaluator, claims, baseline, groups);
        var figures = options.Figures ? catalog.Render() : [];
        var byClaim = figures.Where(f => !f.OnPage).SelectMany(f => f.Claims.Select(c => (Claim: c, Ref: f.Ref)))
            .GroupBy(x => x.Claim).ToDictionary(g => g.Key, g => (IReadOnlyList<FigureRef>)g.Select(x => x.Ref).ToList());
        var pages = new PageBuilder(derivation, evaluator, baseline, byClaim);
        var views = groups.Select(g => pages.Page(g, figures.Where(f => f.OnPage && f.Claims.Any(c => g.Claims.Any(x => x.Id == c))).Select(f => f.Ref).ToList())).ToList();
        var content = new ReportContent(derivation.Context.Model, baseline, views, figures.Select(f => f.Ref).ToList(),
            FigureCatalog.DefaultPointText, options.Command);

        var files = new List<ReportFile> { ReportFile.Text("README.md", IndexWriter.Write(content)) };
        var header = $"[All claims](README.md) · part of the report made by `verify report`; regenerate it rather than editing this page.";
        files.AddRange(views.Select(v => ReportFile.Text(v.File, PageWriter.Write(v, header))));
        files.Add(ReportFile.Text("report.tex", LatexWriter.Write(content)));
        files.Add(ReportFile.Text("baseline.json", BaselineJson.Write(baseline)));
        foreach (var f in figures)
        {
            files.Add(new ReportFile(f.Ref.File, f.Png));
            files.Add(ReportFile.Text(Path.ChangeExtension(f.Ref.File, ".json"), f.DataJson));
        }
        return files;
    }
}
