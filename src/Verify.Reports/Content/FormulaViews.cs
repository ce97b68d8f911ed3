using Verify.Claims.Checking;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Symbolic.Algebra;

namespace Verify.Reports.Content;

/// <summary>
/// A formula claim's derived form beside the paper's, in each phase that occurs in the claim's
/// domain (found on a small seeded sample, as the checker finds them).
/// </summary>
public sealed class FormulaViews(ModelEvaluator evaluator, MathNotation notation, Formalisation formalisation, ulong seed)
{
    const int PhaseDraws = 100;

    public IReadOnlyList<FormulaView> For(ClaimDefinition claim) =>
        claim.Assertions.OfType<FormulaAssertion>().SelectMany(a => claim.Regimes.SelectMany(r => For(claim, a, r))).ToList();

    IEnumerable<FormulaView> For(ClaimDefinition claim, FormulaAssertion a, string regime)
    {
        var derivedText = formalisation.Expression(regime, a.Derived);
        var paper = formalisation.Expression(regime, a.Paper);
        List<(string Phases, string Form)> forms;
        try { forms = Forms(claim, a, regime); }
        catch (Exception e) when (e is ClaimException or NumericFailure or ArgumentException)
        {
            return [new FormulaView(regime, "", derivedText, null, paper, a.UpToPositiveFactor, e.Message)];
        }
        return forms.Select(f => new FormulaView(regime, f.Phases, derivedText, f.Form, paper, a.UpToPositiveFactor, null));
    }

    List<(string Phases, string Form)> Forms(ClaimDefinition claim, FormulaAssertion a, string regime)
    {
        var setting = new ClaimSetting(evaluator, claim, regime);
        var parsed = setting.ParseExpression(a.Derived);
        var derived = new QuantityExpression(evaluator, regime, parsed.Expr, parsed.Aliases, setting.Reparametrise);
        var seen = new List<int[]>();
        CounterexampleSearch.Run(setting, (_, inputs) =>
        {
            var phases = derived.PhasesAt(inputs);
            if (!seen.Any(s => s.SequenceEqual(phases))) seen.Add(phases);
            return true;
        }, PhaseDraws, seed);
        var oracle = evaluator.Derivation.Context.Oracle;
        var forms = new List<(string Phases, string Form)>();
        foreach (var phases in seen.OrderBy(p => string.Join(",", p)))
        {
            var keys = derived.Regimes.Select((r, i) => evaluator.Regime(r).Phases[phases[i]].Phase).ToList();
            var n = keys.Aggregate(notation.WithAliases(parsed.Aliases), (acc, p) => acc.In(p));
            var form = n.Print(Simplifier.Simplify(derived.InPhases(phases), oracle));
            var label = string.Join(", ", keys.Select(k => k.Key));
            var same = forms.FindIndex(f => f.Form == form);
            if (same >= 0) forms[same] = (forms[same].Phases + ", " + label, form);
            else forms.Add((label, form));
        }
        return forms;
    }
}
