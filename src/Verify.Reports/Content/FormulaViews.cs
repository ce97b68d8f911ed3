using Verify.Claims.Checking;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Reports.Content;

/// <summary>
/// A formula claim's derived form beside the paper's, and the derived form of every derivative a
/// claim's relations take (d abar*/d phi, ...), in each phase that occurs in the claim's domain
/// (found on a small seeded sample, as the checker finds them), shown in the model's notation.
/// </summary>
public sealed class FormulaViews(ModelEvaluator evaluator, MathNotation notation, Formalisation formalisation, ulong seed)
{
    const int PhaseDraws = 100;

    public IReadOnlyList<FormulaView> For(ClaimDefinition claim) =>
        claim.Assertions.OfType<FormulaAssertion>().SelectMany(a => claim.Regimes.SelectMany(r => For(claim, a, r)))
            .Concat(claim.Regimes.SelectMany(r => Derivatives(claim, r))).ToList();

    IEnumerable<FormulaView> For(ClaimDefinition claim, FormulaAssertion a, string regime)
    {
        var derivedText = formalisation.Expression(regime, a.Derived);
        var paper = formalisation.Expression(regime, a.Paper);
        List<(string Phases, string Form)> forms;
        try
        {
            var setting = new ClaimSetting(evaluator, claim, regime);
            forms = Forms(setting, setting.ParseExpression(a.Derived), regime);
        }
        catch (Exception e) when (e is ClaimException or NumericFailure or ArgumentException)
        {
            return [new FormulaView(regime, "", derivedText, null, paper, a.UpToPositiveFactor, e.Message)];
        }
        return forms.Select(f => new FormulaView(regime, f.Phases, derivedText, f.Form, paper, a.UpToPositiveFactor, null));
    }

    /// <summary>Each distinct derivative diff(e, x) in the claim's other assertions, with its derived form.</summary>
    IEnumerable<FormulaView> Derivatives(ClaimDefinition claim, string regime)
    {
        var views = new List<FormulaView>();
        ClaimSetting setting;
        try { setting = new ClaimSetting(evaluator, claim, regime); }
        catch (Exception e) when (e is ClaimException or NumericFailure or ArgumentException) { return views; }
        var seen = new HashSet<Expr>();
        foreach (var text in claim.Assertions.Where(a => a is not FormulaAssertion).SelectMany(ClaimMath.Texts))
        {
            if (Parse(setting, text) is not var (parts, aliases)) continue;
            var parsed = new ExpressionScope.Parsed(Expr.Zero, aliases);
            var calls = new List<Expr>();
            foreach (var part in parts)
                part.Any(n => { if (n is Call { Name: DeferredDerivatives.Name } && seen.Add(n)) calls.Add(n); return false; });
            foreach (var call in calls)
            {
                var one = new ExpressionScope.Parsed(call, parsed.Aliases);
                var shown = notation.WithAliases(parsed.Aliases).Print(call);
                try
                {
                    views.AddRange(Forms(setting, one, regime).Select(f => new FormulaView(regime, f.Phases, shown, f.Form, null, false, null)));
                }
                catch (Exception e) when (e is ClaimException or NumericFailure or ArgumentException or DifferentiationException)
                {
                    views.Add(new FormulaView(regime, "", shown, null, null, false, e.Message));
                }
            }
        }
        return views;
    }

    /// <summary>A piece of the claim's math read as an expression, or as a relation (both sides); null when it reads as neither.</summary>
    static (IReadOnlyList<Expr> Parts, IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)> Aliases)? Parse(ClaimSetting setting, MathText text)
    {
        try { var e = setting.ParseExpression(text); return ([e.Expr], e.Aliases); }
        catch (Exception ex) when (ex is ClaimException or ArgumentException) { }
        try { var r = setting.ParseRelation(text); return ([r.Relation.Left, r.Relation.Right], r.Aliases); }
        catch (Exception ex) when (ex is ClaimException or ArgumentException) { return null; }
    }

    List<(string Phases, string Form)> Forms(ClaimSetting setting, ExpressionScope.Parsed parsed, string regime)
    {
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
            var form = n.ShowSimplified(derived.InPhases(phases));
            var label = string.Join(", ", keys.Select(k => k.Key));
            var same = forms.FindIndex(f => f.Form == form);
            if (same >= 0) forms[same] = (forms[same].Phases + ", " + label, form);
            else forms.Add((label, form));
        }
        return forms;
    }
}
