using Verify.Claims.Sampling;
using Verify.Proofs;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Claims.Checking;

/// <summary>
/// A proof of L op R by interval branch and bound (<see cref="SignProver"/>) where the sign
/// oracle gives none: in every phase case (<see cref="PhaseCases"/>), L - R must have the
/// required sign on the claim's proof box (<see cref="ParameterSpace.Box"/>) wherever the model's
/// domain, the phase's conditions and the claim's 'where' hold. The box leaves out the open edges
/// of the domain and what lies beyond its ranges, and the evidence says so. Strict and weak
/// inequalities only; anything implicit, or holding an integral with no closed form, is not attempted.
/// </summary>
public static class IntervalProof
{
    public sealed record Outcome(bool Proved, string Evidence, IReadOnlyDictionary<Symbol, double>? Counterexample = null, ProofBox? Box = null);

    /// <summary>
    /// The attempt, or the one stored (<see cref="CheckOptions.Proofs"/>) for the same relation, domain and box budget;
    /// an attempt that found a counterexample is not stored (its point and box are not kept).
    /// </summary>
    public static Outcome Try(ClaimSetting setting, RelationCheck relation, CheckOptions options)
    {
        if (options.Proofs is not { } store) return Attempt(setting, relation, options);
        var key = ProofStore.Key($"interval, {options.ProofBoxes} boxes", setting, relation);
        if (store.TryGet(key) is { } known) return new Outcome(known.Proved, known.Evidence);
        var made = Attempt(setting, relation, options);
        if (made.Counterexample is null) store.Add(key, new ProofStore.Attempt(made.Proved, made.Evidence));
        return made;
    }

    static Outcome Attempt(ClaimSetting setting, RelationCheck relation, CheckOptions options)
    {
        if (Goal(relation.Relation.Operator) is not { } goal) return new(false, "no interval proof: it proves inequalities only");
        var box = setting.Space.Box(out var problem);
        if (box is null) return new(false, $"no interval proof: {problem}");
        var enumeration = PhaseCases.Of(setting, relation);
        if (enumeration.Problem is { } notAttempted) return new(false, $"no interval proof: {notAttempted}");

        var toCoordinates = new Dictionary<Expr, Expr>(box.Substitution);
        foreach (var (name, value) in setting.Reparametrise) toCoordinates.TryAdd(name, value);
        foreach (var (name, definition) in setting.Model.DerivedParameters)
            if (name is Symbol d && !box.Ranges.ContainsKey(d)) toCoordinates[name] = definition;
        Expr InBox(Expr e) => e.SubstituteDefinitions(toCoordinates);
        bool Boxed(Expr e) => e.FreeSymbols().All(box.Ranges.ContainsKey);
        // What holds on the box, to simplify with: an expression written once in each symbol encloses tighter.
        var onBox = new Assumptions(box.Ranges.SelectMany(r => new[]
        {
            new Relation(r.Key, RelationOperator.GreaterOrEqual, Expr.Num(Rational.FromDouble(r.Value.Lo))),
            new Relation(r.Key, RelationOperator.LessOrEqual, Expr.Num(Rational.FromDouble(r.Value.Hi))),
        }));

        var domain = setting.Model.Derivation.Context.Oracle.Relations;
        long boxes = 0, pruned = 0;
        int cases = 0, depth = 0, factored = 0, excluded = 0;
        foreach (var c in enumeration.Cases)
        {
            // A case whose conditions contradict the model's domain cannot occur (as in the symbolic proof).
            try { _ = new Assumptions(domain.Concat(c.Conditions)); }
            catch (ArgumentException) { excluded++; continue; }
            var difference = Simplifier.Simplify(InBox(Expr.Sub(c.Left, c.Right)), onBox);
            if (!Boxed(difference)) return new(false, $"no interval proof in {c.Phases}: {difference} names symbols outside the box");
            // A kept integral's enclosure is the mean-value bound (sound, see IntervalEvaluator), far too
            // wide to settle a sign by bisection: not attempted, and said.
            if (difference.Any(n => n is Integral))
                return new(false, $"no interval proof in {c.Phases}: it holds an integral with no closed form, whose enclosure (the mean-value bound) is sound but too wide to decide a sign");
            var (f, caseGoal) = UnknownFactors(difference, goal, onBox);
            if (!ReferenceEquals(f, difference)) factored++;
            var constraints = new List<DomainConstraint>();
            var widened = false;
            foreach (var r in domain.Concat(c.Conditions))
            {
                var constraint = Constraint(new Relation(InBox(r.Left), r.Operator, InBox(r.Right)));
                if (constraint is null) return new(false, $"no interval proof in {c.Phases}: the condition {r} is not an inequality");
                if (!Boxed(constraint.Expression)) { if (c.Conditions.Contains(r)) return new(false, $"no interval proof in {c.Phases}: the condition {r} names symbols outside the box"); continue; }
                var g = Simplifier.Simplify(constraint.Expression, onBox);
                if (onBox.SignOf(g).Within(constraint.Sign)) continue;   // holds on the whole box
                // A condition on symbols f does not depend on only shapes the domain in directions f ignores:
                // leaving it out proves f's sign on a larger set, and keeps the search in f's own dimensions.
                if (!g.FreeSymbols().IsSubsetOf(difference.FreeSymbols())) { widened = true; continue; }
                constraints.Add(constraint with { Expression = g });
            }
            var result = SignProver.Prove(f, box.Ranges, caseGoal, new ProofOptions
            {
                Constraints = constraints,
                MaxBoxes = options.ProofBoxes,
                MaxBoxesWithoutProgress = options.ProofBoxes / 10,
                TimeBudget = TimeSpan.FromMinutes(10),   // a safety net; the box budget is what limits a proof, so the verdict does not depend on the machine
            });
            // Found in the wider set, a failing point may lie outside the claim's domain: it refutes nothing.
            if (result.Outcome == ProofOutcome.Counterexample && widened)
                return new(false, $"no interval proof in {c.Phases}: it fails at a point of the wider set searched (conditions on symbols it does not depend on left out)");
            if (result.Outcome == ProofOutcome.Counterexample)
                return new(false, $"the interval search in {c.Phases} found a point where it fails after {Count(result.BoxesExamined)} boxes", result.Counterexample, box);
            if (!result.IsProved)
                return new(false, $"no interval proof in {c.Phases}: undecided on {Count(result.BoxesUndecided)} boxes ({result.StopReason ?? result.UndecidedBoxes.FirstOrDefault()?.Reason}), proved on {Count(result.BoxesProved)}");
            boxes += result.BoxesProved;
            pruned += result.BoxesPruned;
            depth = Math.Max(depth, result.MaxDepth);
            cases++;
        }
        if (cases == 0) return new(false, "no interval proof: no phase combination has a meaning here");
        return new(true,
            $"interval branch and bound proves the sign in every phase ({cases} case{(cases == 1 ? "" : "s")}{(excluded > 0 ? $", {excluded} excluded by the domain" : "")}): {Count(boxes)} boxes proved{(pruned > 0 ? $", {Count(pruned)} outside the domain" : "")}, max depth {depth}, " +
            $"on {box.Description}; the rest of the open domain (its edges, and beyond these ranges) is not covered by the proof" +
            (factored > 0 ? $"; in {factored} case{(factored == 1 ? "" : "s")} the sign oracle gives the signs of some factors and the boxes prove the rest" : ""), null, box);
    }

    /// <summary>
    /// A product's factors whose sign the oracle proves on the box (strictly) are set aside, the
    /// goal flipped for each negative one: the boxes then only have to decide the rest, whose
    /// enclosures are not widened by the others (a power with an exponent that grows as beta -> 1).
    /// </summary>
    static (Expr Undecided, SignGoal Goal) UnknownFactors(Expr f, SignGoal goal, Assumptions onBox)
    {
        if (f is not Product p) return (f, goal);
        var unknown = new List<Expr>();
        var flip = false;
        foreach (var factor in p.Factors)
        {
            var sign = onBox.SignOf(factor);
            if (sign.Within(SignSet.Positive)) continue;
            if (sign.Within(SignSet.Negative)) { flip = !flip; continue; }
            unknown.Add(factor);
        }
        if (unknown.Count == p.Factors.Length) return (f, goal);
        return (Expr.Mul(unknown), !flip ? goal : goal switch
        {
            SignGoal.Positive => SignGoal.Negative,
            SignGoal.Negative => SignGoal.Positive,
            SignGoal.NonNegative => SignGoal.NonPositive,
            _ => SignGoal.NonNegative,
        });
    }

    /// <summary>The drawn values at a counterexample of the interval search (symbols it did not name at the middle of their range).</summary>
    public static double[] Drawn(ClaimSetting setting, Outcome outcome)
    {
        var box = outcome.Box!;
        var at = box.Ranges.ToDictionary(kv => kv.Key, kv => outcome.Counterexample!.TryGetValue(kv.Key, out var v) ? v : (kv.Value.Lo + kv.Value.Hi) / 2);
        return setting.Space.DrawnSymbols.Select(x => box.Substitution.TryGetValue(x, out var e)
            ? Verify.Symbolic.Numbers.Evaluator.Evaluate(e, at)
            : at[x]).ToArray();
    }

    static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    static SignGoal? Goal(RelationOperator op) => op switch
    {
        RelationOperator.Greater => SignGoal.Positive,
        RelationOperator.GreaterOrEqual => SignGoal.NonNegative,
        RelationOperator.Less => SignGoal.Negative,
        RelationOperator.LessOrEqual => SignGoal.NonPositive,
        _ => null,
    };

    /// <summary>l op r as g &gt; 0 or g &gt;= 0.</summary>
    static DomainConstraint? Constraint(Relation r) => r.Operator switch
    {
        RelationOperator.Greater => DomainConstraint.Positive(Expr.Sub(r.Left, r.Right)),
        RelationOperator.GreaterOrEqual => DomainConstraint.NonNegative(Expr.Sub(r.Left, r.Right)),
        RelationOperator.Less => DomainConstraint.Positive(Expr.Sub(r.Right, r.Left)),
        RelationOperator.LessOrEqual => DomainConstraint.NonNegative(Expr.Sub(r.Right, r.Left)),
        _ => null,
    };
}
