using Verify.Model.Language;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// A dynamic regime's expressions made ready to evaluate: the file's functions inlined, the
/// quantities substituted down to states, unknowns and parameters, the integrals in closed form
/// (each side condition proved from the declared domains, as in a static derivation), and each law
/// read as a + b·rate, linear in its state's rate (checked, not assumed).
/// </summary>
public sealed class DynamicForms
{
    public DynamicRegime Regime { get; }
    public IReadOnlyList<(string Label, Expr Left, Expr Right)> Conditions { get; }
    /// <summary>For each law, in the order of the states: its state, the part free of the rate and the rate's coefficient.</summary>
    public IReadOnlyList<(Symbol State, Expr Constant, Expr Coefficient)> Laws { get; }
    public IReadOnlyList<(Symbol Name, Expr Definition)> Quantities { get; }

    public DynamicForms(ModelDocument model, DynamicRegime regime)
    {
        Regime = regime;
        var oracle = new DerivationContext(model).With(Domains(regime)).Oracle;
        var definitions = new Dictionary<Expr, Expr>();
        foreach (var d in model.Derived) definitions[d.Symbol] = d.Definition;
        // Quantities may use one another; substitute until none is left.
        foreach (var q in regime.Quantities) definitions[q.Symbol] = model.Inline(q.Definition);

        Expr Ready(Expr e, string where)
        {
            var resolved = model.Inline(e).SubstituteDefinitions(definitions);
            var integrated = Integration.Evaluate(resolved, oracle);
            if (!integrated.IsComplete)
                throw new DerivationException($"{regime.Name}: {where}: cannot integrate in closed form: {string.Join("; ", integrated.Unevaluated)}");
            return integrated.Value;
        }

        Conditions = regime.Conditions.Select(c => (c.Label, Ready(c.Left, $"condition '{c.Label}'"), Ready(c.Right, $"condition '{c.Label}'"))).ToList();
        Quantities = regime.Quantities.Select(q => (q.Symbol, Ready(q.Definition, $"quantity '{q.Symbol.Name}'"))).ToList();
        var laws = new List<(Symbol, Expr, Expr)>();
        foreach (var law in regime.Laws)
        {
            var rate = DynamicRegime.RateOf(law.State);
            var residual = Ready(Expr.Sub(law.Left, law.Right), $"law '{law.Label}'");
            var coefficient = Differentiation.Derivative(residual, rate, oracle: oracle);
            if (coefficient.FreeSymbols().Contains(rate))
                throw new DerivationException($"{regime.Name}: law '{law.Label}' is not linear in diff({law.State.Name}, t)");
            var constant = residual.Substitute(rate, Expr.Zero, oracle);
            laws.Add((law.State, constant, coefficient));
        }
        Laws = laws;
    }

    /// <summary>The regime's declared domains: its parameters', states' and unknowns'.</summary>
    public static IEnumerable<Relation> Domains(DynamicRegime regime) =>
        regime.Parameters.SelectMany(p => p.Domain)
            .Concat(regime.States.SelectMany(s => s.Domain))
            .Concat(regime.Unknowns.SelectMany(u => u.Domain));
}
