using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Reports.Content;

/// <summary>
/// A claim's formalisation as running text with math: its regimes, its 'with' and 'where', and
/// each assertion in words and LaTeX. Math that cannot be read in the regime's scope (a name the
/// model no longer has) is shown as written.
/// </summary>
public sealed class Formalisation(ModelDocument model, MathNotation notation)
{
    public IReadOnlyList<IReadOnlyList<Segment>> Lines(ClaimDefinition claim)
    {
        var regime = claim.Regimes[0];
        var lines = new List<IReadOnlyList<Segment>>();
        lines.Add([Segment.Words($"Checked in regime{(claim.Regimes.Count > 1 ? "s" : "")} {string.Join(", ", claim.Regimes)}.")]);
        foreach (var (name, value) in claim.With)
            lines.Add([Segment.Words("With "), Segment.Math($"{notation.Symbol(name)} = {Expression(regime, value)}"),
                Segment.Words(" (a reparametrisation: the other parameters held fixed).")]);
        if (claim.Where.Count > 0)
        {
            var where = new List<Segment> { Segment.Words("Where ") };
            for (int i = 0; i < claim.Where.Count; i++)
            {
                if (i > 0) where.Add(Segment.Words(", "));
                where.Add(Segment.Math(Relation(regime, claim.Where[i])));
            }
            where.Add(Segment.Words("."));
            lines.Add(where);
        }
        foreach (var a in claim.Assertions) lines.Add(Assertion(regime, a));
        if (claim.DeclaredVerdict is { } declared) lines.Add([Segment.Words($"Declared {declared}: the checks run, but the verdict stays {declared}.")]);
        return lines;
    }

    IReadOnlyList<Segment> Assertion(string regime, Assertion a) => a switch
    {
        UniversalAssertion u => [Segment.Words("Assert, at every admissible point: "), Segment.Math(Relation(regime, u.Relation))],
        ExistsAssertion e => [Segment.Words("Assert that some admissible point has "), Segment.Math(Relation(regime, e.Relation))],
        ForAllAssertion f => [
            Segment.Words("Assert, at every admissible point: "),
            Segment.Math($@"\forall {notation.Symbol(f.Variable)} \in \left({Expression(regime, f.Lower)}, {Expression(regime, f.Upper)}\right)"
                + (f.Condition is null ? "" : $@" \text{{ with }} {Relation(regime, f.Condition)}") + $": {Relation(regime, f.Relation)}")],
        MonotoneAssertion m => [
            Segment.Words($"Assert that "), Segment.Math(Expression(regime, m.Expression)),
            Segment.Words($" is strictly {(m.Increasing ? "increasing" : "decreasing")} in "), Segment.Math(notation.Symbol(m.Variable)),
            Segment.Words(" over "), Segment.Math($@"\left({Expression(regime, m.Lower)}, {Expression(regime, m.Upper)}\right)"),
            .. (m.Condition is null ? Array.Empty<Segment>() : [Segment.Words(" where "), Segment.Math(Relation(regime, m.Condition))])],
        LimitAssertion l => [
            Segment.Words("Assert the limit "),
            Segment.Math($@"\lim_{{{notation.Symbol(l.Variable)} \to \infty}} {Expression(regime, l.Expression)} = {Expression(regime, l.Value)}")],
        FormulaAssertion f => [
            Segment.Words("Assert the formula "),
            Segment.Math($"{Expression(regime, f.Derived)} = {Expression(regime, f.Paper)}"),
            Segment.Words(f.UpToPositiveFactor ? " up to a positive factor" : " exactly")],
        _ => [Segment.Words(a.GetType().Name)],
    };

    public string Expression(string regime, MathText text)
    {
        try
        {
            var parsed = ExpressionScope.Parse(model, regime, text.Text);
            return notation.WithAliases(parsed.Aliases).Print(parsed.Expr);
        }
        catch (Exception e) when (e is ParseException or ArgumentException) { return AsWritten(text.Text); }
    }

    public string Relation(string regime, MathText text)
    {
        try
        {
            var parsed = ExpressionScope.ParseRelation(model, regime, text.Text);
            return notation.WithAliases(parsed.Aliases).Print(parsed.Relation);
        }
        catch (Exception e) when (e is ParseException or ArgumentException) { return AsWritten(text.Text); }
    }

    /// <summary>Math that cannot be read, set in typewriter type.</summary>
    static string AsWritten(string text) => $@"\texttt{{{Tex.EscapeText(text)}}}";
}
