using Verify.Claims.Checking;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;

namespace Verify.Claims;

/// <summary>
/// Decides claims against a derived model. Each claim is checked in each of its regimes; its
/// verdict there combines its assertions: refuted if any is refuted, undecided if any is,
/// proved if all are, holds otherwise. A claim declared not-derivable keeps that verdict, with
/// its assertions' outcomes as the evidence for why.
/// </summary>
/// <param name="paths">Paths of dynamic regimes already followed, shared with other checkers of the same model
/// (see <see cref="Paths.PathStore"/>); a store of its own when null.</param>
public sealed class ClaimChecker(ModelEvaluator model, CheckOptions options, Paths.PathStore? paths = null)
{
    public CheckOptions Options => options;

    public IEnumerable<ClaimResult> Check(ClaimDefinition claim) => claim.Regimes.Select(r => Check(claim, r));

    Paths.PathClaimChecker? _paths;

    public ClaimResult Check(ClaimDefinition claim, string regime)
    {
        // A claim over the paths of a dynamic regime is decided by following them (Paths/).
        if (model.Derivation.Context.Model.FindDynamic(regime) is not null)
            return (_paths ??= new Paths.PathClaimChecker(model, options, paths)).Check(claim, regime);
        var setting = new ClaimSetting(model, claim, regime);
        var outcomes = claim.Assertions.Select(a => Decide(setting, a)).ToList();
        var verdict = Combine(outcomes.Select(x => x.Verdict));
        var counterexample = outcomes.FirstOrDefault(x => x.Verdict == verdict && x.Point is not null)?.Point;
        var draws = outcomes.Count == 0 ? 0 : outcomes.Max(x => x.Draws);
        if (claim.DeclaredVerdict is "not-derivable")
            return new ClaimResult(claim.Id, regime, Verdict.NotDerivable,
                $"the static model cannot settle it (see the reading); evidence: {string.Join("; ", outcomes.Select(x => $"{x.Verdict.Name()}: {x.Evidence}"))}",
                outcomes.Select(x => x.Evidence).ToList(), counterexample, options.Seed, draws);
        var lead = outcomes.First(x => x.Verdict == verdict);
        return new ClaimResult(claim.Id, regime, verdict, lead.Evidence, outcomes.Select(x => $"{x.Verdict.Name()}: {x.Evidence}").ToList(), counterexample, options.Seed, draws);
    }

    AssertionOutcome Decide(ClaimSetting s, Assertion a)
    {
        try { return DecideKind(s, a); }
        catch (ClaimEvaluationException e) { return new AssertionOutcome(Verdict.Undecided, $"cannot be evaluated: {e.Message}"); }
        // A name the derivation did not give (a threshold not derived, say) leaves the claim undecided, with the reason.
        catch (Verify.Derivation.Evaluation.UndefinedInPhase e) { return new AssertionOutcome(Verdict.Undecided, $"cannot be evaluated: {e.Message}"); }
    }

    AssertionOutcome DecideKind(ClaimSetting s, Assertion a) => a switch
    {
        UniversalAssertion u => UniversalDecider.Decide(s, u, options),
        ExistsAssertion e => ExistsDecider.Decide(s, e, options),
        ForAllAssertion f => ForAllDecider.Decide(s, f, options),
        MonotoneAssertion m => MonotoneDecider.Decide(s, m, options),
        LimitAssertion l => LimitDecider.Decide(s, l, options),
        FormulaAssertion f => FormulaDecider.Decide(s, f, options),
        _ => throw new NotSupportedException(a.GetType().Name),
    };

    static Verdict Combine(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();
        if (all.Contains(Verdict.Refuted)) return Verdict.Refuted;
        if (all.Contains(Verdict.Undecided)) return Verdict.Undecided;
        if (all.All(v => v == Verdict.Proved)) return Verdict.Proved;
        return Verdict.Holds;
    }
}
