using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Reports.Baselines;

namespace Verify.Reports.Content;

/// <summary>
/// Builds the pages of a report: for each group of claims, each claim's words, formalisation,
/// verdicts, formulas and figures, and the derivations of every quantity the group's claims use,
/// once per page (every phase of each regime involved, and the thresholds used).
/// </summary>
public sealed class PageBuilder
{
    readonly ModelDocument _model;
    readonly ModelDerivation _derivation;
    readonly Baseline _baseline;
    readonly Formalisation _formalisation;
    readonly FormulaViews _formulas;
    readonly DerivationViews _derivations;
    readonly IReadOnlyDictionary<string, IReadOnlyList<FigureRef>> _figures;

    /// <param name="figures">The figures of single claims (a refuted claim's), by claim id.</param>
    public PageBuilder(ModelDerivation derivation, ModelEvaluator evaluator, Baseline baseline, IReadOnlyDictionary<string, IReadOnlyList<FigureRef>> figures)
    {
        _model = derivation.Context.Model;
        _derivation = derivation;
        _baseline = baseline;
        var notation = MathNotation.For(_model, derivation.Context.Presenter);
        _formalisation = new Formalisation(_model, notation);
        _formulas = new FormulaViews(evaluator, notation, _formalisation, baseline.Seed);
        _derivations = new DerivationViews(notation);
        _figures = figures;
    }

    public Formalisation Formalisation => _formalisation;

    public PageView Page(ClaimGroups.Group group, IReadOnlyList<FigureRef> figures)
    {
        var uses = group.Claims.SelectMany(c => c.Regimes.SelectMany(r => Uses(c, r))).Distinct().ToList();
        var views = new Dictionary<string, DerivationView>();
        var order = new List<string>();
        foreach (var regime in _derivation.Regimes)
        {
            var names = uses.Where(u => u.Regime == regime.Regime.Name).Select(u => u.Name).ToList();
            if (names.Count == 0) continue;
            var withParts = DerivationViews.WithParts(_model, regime.Regime, names);
            foreach (var phase in regime.Phases.Where(p => withParts.Any(n => p.Find(n) is not null)))
                Add(_derivations.Phase(phase, withParts));
            foreach (var t in regime.Thresholds.Where(t => withParts.Contains(t.Threshold.Symbol.Name)))
                Add(_derivations.Threshold(regime, t));
        }
        void Add(DerivationView v) { if (views.TryAdd(v.Anchor, v)) order.Add(v.Anchor); }

        var claims = group.Claims.Select(c => Claim(c, views)).ToList();
        return new PageView(group.File, group.Key, group.Title, claims, order.Select(a => views[a]).ToList(), figures);
    }

    IEnumerable<(string Regime, string Name)> Uses(ClaimDefinition claim, string regime) =>
        _model.FindRegime(regime) is null ? [] : ClaimMath.Uses(_model, claim, regime);

    ClaimView Claim(ClaimDefinition claim, IReadOnlyDictionary<string, DerivationView> views)
    {
        // The sections of this claim: the phases and thresholds of the regimes its names live in.
        var regimes = claim.Regimes.SelectMany(r => Uses(claim, r)).Select(u => u.Regime).Distinct().ToHashSet();
        var names = claim.Regimes.SelectMany(r => Uses(claim, r)).Select(u => u.Name).ToHashSet();
        var mine = views.Values.Where(v => _derivation.Regimes.Any(r => regimes.Contains(r.Regime.Name)
            && (r.Phases.Any(p => DerivationViews.PhaseAnchor(p) == v.Anchor)
                || r.Thresholds.Any(t => names.Contains(t.Threshold.Symbol.Name) && DerivationViews.ThresholdAnchor(r, t) == v.Anchor)))).ToList();
        return new ClaimView(claim.Id, claim.Quote, claim.Reading, claim.Regimes, _formalisation.Lines(claim),
            VerdictViews.For(_baseline, claim.Id, claim.Regimes), _formulas.For(claim), mine,
            _figures.GetValueOrDefault(claim.Id) ?? []);
    }
}
