using Verify.Claims.Sampling;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Claims.Checking;

/// <summary>
/// One claim in one regime, ready to check: its parameter space (with the claim's 'with'
/// substitutions), its 'where' restrictions compiled, and how a sample of drawn values becomes
/// the input vector of a point inside the claim's domain. A 'where' that bounds a parameter
/// by an expression of others (phi &lt; phiP) narrows that parameter's draw rather than
/// rejecting most points.
/// </summary>
public sealed class ClaimSetting
{
    public ClaimDefinition Claim { get; }
    public string Regime { get; }
    public ModelEvaluator Model { get; }
    public ParameterSpace Space { get; }
    public IReadOnlyDictionary<Expr, Expr> Reparametrise { get; }
    public IReadOnlyList<RelationCheck> Where { get; }

    public ClaimSetting(ModelEvaluator model, ClaimDefinition claim, string regime)
    {
        Claim = claim; Regime = regime; Model = model;
        var doc = model.Derivation.Context.Model;
        var with = new Dictionary<Expr, Expr>();
        foreach (var (name, value) in claim.With)
        {
            var target = doc.Parameters.FirstOrDefault(p => p.Symbol.Name == name)?.Symbol
                ?? throw new ClaimException(value.Span, $"'with {name} = ...': {name} is not a parameter of the model");
            with[target] = ParseExpression(value).Expr;
        }
        Reparametrise = with;
        Space = new ParameterSpace(model, with.ToDictionary(kv => (Symbol)kv.Key, kv => kv.Value));
        Where = claim.Where.Select(w => RelationCheck.Create(model, regime, ParseRelation(w), with)).ToList();
        _narrowed = Space.DrawnSymbols.Select((p, i) => (Index: i, Bounds: Where.Select(w => Bound(w, p)).OfType<(bool, QuantityExpression)>().ToList()))
            .Where(t => Model.Inputs.Contains(Space.DrawnSymbols[t.Index]) && t.Bounds.Count > 0).ToList();
    }

    /// <summary>
    /// Candidates tried while shrinking a counterexample: all of them, unless a threshold of the regime has
    /// no closed form; each candidate may then search for it again (a hundred solves of its phase), so
    /// shrinking stops after as many as a path claim tries.
    /// </summary>
    public int MaxShrinks => Model.Derivation.Regime(Regime)?.Thresholds.Any(t => t.Value is null) == true
        ? Paths.PathClaimChecker.MaxShrinks : int.MaxValue;

    /// <summary>The drawn parameters a 'where' bounds, with those bounds.</summary>
    readonly List<(int Index, List<(bool IsLower, QuantityExpression Other)> Bounds)> _narrowed;

    public ExpressionScope.Parsed ParseExpression(MathText text) =>
        Guard(text, () => ExpressionScope.Parse(Model.Derivation.Context.Model, Regime, text.Text, new TextPosition(text.Span.Line, text.Span.Column)));

    public ExpressionScope.ParsedRelation ParseRelation(MathText text) =>
        Guard(text, () => ExpressionScope.ParseRelation(Model.Derivation.Context.Model, Regime, text.Text, new TextPosition(text.Span.Line, text.Span.Column)));

    static T Guard<T>(MathText text, Func<T> parse)
    {
        try { return parse(); }
        catch (ParseException e) { throw new ClaimException(text.Span with { Line = e.Line, Column = e.Column }, e.Message); }
        catch (ArgumentException e) { throw new ClaimException(text.Span, e.Message); }
    }

    /// <summary>
    /// The input vector of a drawn sample inside the claim's domain, or null. Parameters bounded
    /// by a 'where' are moved into the allowed range (keeping their relative position; the drawn
    /// array is updated to match), then every 'where' must hold.
    /// </summary>
    public double[]? Point(double[] drawn)
    {
        var inputs = Space.Inputs(drawn);
        if (inputs is null) return null;
        try
        {
            foreach (var (index, bounds) in _narrowed)
            {
                inputs = Narrow(drawn, index, bounds, inputs);
                if (inputs is null) return null;
            }
            // A restriction of the domain is strict: a point on its boundary (within rounding) is outside.
            foreach (var w in Where)
                if (!w.HoldsClearly(inputs)) return null;
            return inputs;
        }
        catch (NumericFailure) { return null; }
    }

    /// <summary>A 'where' of the form p op e or e op p as (is lower bound, e).</summary>
    static (bool IsLower, QuantityExpression Other)? Bound(RelationCheck w, Symbol p)
    {
        bool less = w.Relation.Operator is RelationOperator.Less or RelationOperator.LessOrEqual;
        bool greater = w.Relation.Operator is RelationOperator.Greater or RelationOperator.GreaterOrEqual;
        if (!less && !greater) return null;
        if (w.Relation.Left.Equals(p) && !w.Relation.Right.Contains(p)) return (greater, w.Right);
        if (w.Relation.Right.Equals(p) && !w.Relation.Left.Contains(p)) return (less, w.Left);
        return null;
    }

    /// <summary>Moves p into the range its 'where' bounds allow (evaluated at the current point), keeping its relative place.</summary>
    double[]? Narrow(double[] drawn, int index, List<(bool IsLower, QuantityExpression Other)> bounds, double[] inputs)
    {
        var (oldLo, oldHi) = Space.Range(index, drawn);
        double lo = oldLo, hi = oldHi;
        foreach (var (isLower, other) in bounds)
        {
            var v = other.Evaluate(inputs);
            if (!double.IsFinite(v)) return null;
            if (isLower) lo = Math.Max(lo, v); else hi = Math.Min(hi, v);
        }
        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi)) return null;
        var t = double.IsFinite(oldLo) && double.IsFinite(oldHi) ? (drawn[index] - oldLo) / (oldHi - oldLo) : 0.5;
        drawn[index] = lo + (hi - lo) * Math.Clamp(t, 1e-6, 1 - 1e-6);
        return Space.Inputs(drawn);
    }

    /// <summary>Named values of a point, for reports: the drawn symbols and every parameter.</summary>
    public Dictionary<string, double> Describe(double[] drawn, double[] inputs)
    {
        var d = new Dictionary<string, double>();
        for (int i = 0; i < Model.Inputs.Count; i++) if (!double.IsNaN(inputs[i])) d[Model.Inputs[i].Name] = inputs[i];
        for (int i = 0; i < Space.DrawnSymbols.Count; i++) d[Space.DrawnSymbols[i].Name] = drawn[i];
        return d;
    }
}

/// <summary>A claim that cannot be checked as written; the message names the place in the claims file.</summary>
public sealed class ClaimException(Verify.Model.Language.SourceSpan span, string problem) : Exception($"{span}: {problem}")
{
    public Verify.Model.Language.SourceSpan Span { get; } = span;
}
