using Verify.Derivation.Results;
using Verify.Derivation.Solving;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

/// <summary>
/// Derives a threshold such as the sustain point: the value of one parameter at which two
/// derived quantities meet. Implicit unknowns are first treated as plain positive symbols: the
/// ratio Left/Right is simplified, and if it no longer involves them it is solved directly. If it
/// does, the equation is solved for the implicit unknown and the result substituted into the
/// unknown's own defining condition — elimination — which is then solved for the parameter.
/// </summary>
public sealed class ThresholdDeriver(DerivationContext context)
{
    readonly EquationSolver _solver = new(context);

    public ThresholdDerivation Derive(Threshold t, PhaseDerivation phase)
    {
        var steps = new List<DerivationStep>();
        try
        {
            // Implicit unknowns enter as plain (positive) symbols: every call of theirs becomes the symbol.
            var byName = phase.ImplicitUnknowns.ToDictionary(i => i.FunctionName, i => (Expr)i.Unknown);
            Expr AsSymbols(Expr v) => Canonical.Transform(v, n => n is Call c && c.Partials.IsEmpty && byName.TryGetValue(c.Name, out var s) ? s : n, context.Oracle);
            Expr ValueOf(Expr e)
            {
                var conditions = new List<string>();
                var map = phase.Values.Where(kv => !kv.Value.Origin.StartsWith("carried")).ToDictionary(kv => (Expr)kv.Key, kv => AsSymbols(kv.Value.Value));
                return context.Prepare(e, map, conditions);
            }
            var left = ValueOf(t.Left);
            var right = ValueOf(t.Right);
            // Dividing the sides cancels what they share, but only sides proved positive may be divided.
            const string RuleDivide = "L = R with L, R > 0 is L/R = 1";
            var divide = context.Oracle.Proves(left, SignSet.Positive, RuleDivide) && context.Oracle.Proves(right, SignSet.Positive, RuleDivide);
            var equation = divide
                ? new Equation(t.Symbol.Name, context.Together(Expr.Div(left, right)), Expr.One)
                : new Equation(t.Symbol.Name, context.Together(Expr.Sub(left, right)), Expr.Zero);
            var ratio = equation.Left;
            steps.Add(new DerivationStep($"{t.Symbol.Name}: set {t.Left} = {t.Right} in phase {phase.Key}; " + (divide ? "divide the sides (both positive)" : "subtract the sides"),
                new Relation(t.Left, RelationOperator.Equal, t.Right), equation.AsRelation(), []));

            var involved = phase.ImplicitUnknowns.Where(i => ratio.Contains(i.Unknown)).ToList();
            if (involved.Count > 1)
                return Failed(t, phase, steps, $"the condition involves several implicit unknowns ({string.Join(", ", involved.Select(i => i.Unknown.Name))})");
            if (involved.Count == 1)
            {
                var y = involved[0];
                var inner = _solver.Solve(equation, y.Unknown);
                if (!inner.Success) return Failed(t, phase, steps, $"cannot eliminate {y.Unknown.Name}: {inner.Reason}");
                steps.Add(new DerivationStep($"eliminate the implicit {y.Unknown.Name}: solve for it ({inner.Method})",
                    equation.AsRelation(), new Relation(y.Unknown, RelationOperator.Equal, inner.Value!), inner.Conditions));
                var defining = context.Simplify(y.Residual.Substitute(y.Unknown, inner.Value!, context.Oracle));
                equation = new Equation(t.Symbol.Name, defining, Expr.Zero);
                steps.Add(new DerivationStep($"substitute into the condition that defines {y.Unknown.Name}",
                    new Relation(y.Residual, RelationOperator.Equal, Expr.Zero), equation.AsRelation(), []));
            }
            var outcome = _solver.Solve(equation, t.For);
            if (!outcome.Success) return Failed(t, phase, steps, $"cannot solve for {t.For.Name}: {outcome.Reason}");
            steps.Add(new DerivationStep($"solve for {t.For.Name}: {outcome.Method}", equation.AsRelation(),
                new Relation(t.Symbol, RelationOperator.Equal, outcome.Value!), outcome.Conditions));
            // Carried values stayed symbols while solving; substitute them now.
            var carried = phase.Values.Where(kv => kv.Value.Origin.StartsWith("carried")).ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
            var value = context.Simplify(outcome.Value!.Substitute(carried, context.Oracle));
            if (!value.Equals(outcome.Value))
                steps.Add(new DerivationStep("substitute the carried values", new Relation(t.Symbol, RelationOperator.Equal, outcome.Value!), new Relation(t.Symbol, RelationOperator.Equal, value), []));
            var kind = phase.ImplicitUnknowns.Any(i => value.Contains(i.Unknown)) ? FormKind.Implicit : FormKind.Closed;
            return new ThresholdDerivation(t, phase.Key, value, kind, steps, null);
        }
        catch (DerivationException e) { return Failed(t, phase, steps, e.Message); }
    }

    static ThresholdDerivation Failed(Threshold t, PhaseDerivation phase, List<DerivationStep> steps, string why) =>
        new(t, phase.Key, null, FormKind.Implicit, steps, why);
}
