using System.Text.RegularExpressions;
using Verify.Model.Claims;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Claims.Paths;

/// <summary>
/// A relation of a claim over paths: end(x) is the long-run (steady-state) value of x on the path
/// of the claim's dynamic regime, end(x@other) on the path of another dynamic regime at the same
/// parameters, pv(x) the discounted integral ∫₀^∞ e^(−r t) x(t) dt with the claim's discount rate;
/// other names are parameters (the model's, the regimes' and the discount rate).
/// </summary>
public sealed partial class PathRelation
{
    /// <summary>A path value the relation needs: which functional, of which series, on which regime's path.</summary>
    public sealed record Reference(string Function, string Name, string Regime);

    readonly Relation _relation;
    readonly Dictionary<Symbol, Reference> _references = [];

    public MathText Text { get; }
    public IReadOnlyCollection<Reference> References => _references.Values;

    public PathRelation(MathText text, string regime)
    {
        Text = text;
        // name@regime becomes one name of the same length, so parse errors still point at the right column.
        var aliases = new Dictionary<string, (string Name, string Regime)>(StringComparer.Ordinal);
        var plain = Alias().Replace(text.Text, m =>
        {
            var at = m.Value.IndexOf('@');
            var alias = m.Value.Replace('@', '_').Replace('-', '_');
            aliases[alias] = (m.Value[..at], m.Value[(at + 1)..]);
            return alias;
        });
        var context = ParseContext.Default with
        {
            Functions = ParseContext.Default.Functions.SetItem("end", 1).SetItem("pv", 1),
            UnknownSymbols = UnknownSymbolPolicy.CreateReal,
        };
        Relation relation;
        try { relation = Parser.ParseRelation(plain, context.At(text.Span.Line, text.Span.Column)); }
        catch (ParseException e) { throw new Checking.ClaimEvaluationException($"{text.Span}: {e.Message}"); }
        Expr Replace(Expr e) => Canonical.Transform(e, node =>
        {
            if (node is not Call { Name: "end" or "pv" } call) return node;
            if (call.Arguments.Length != 1 || call.Arguments[0] is not Symbol s)
                throw new Checking.ClaimEvaluationException($"{text.Span}: {call.Name}(...) takes one name, a series of a path (end(sn), pv(Wstar@slow-entry))");
            var (name, of) = aliases.TryGetValue(s.Name, out var a) ? a : (s.Name, regime);
            var reference = new Reference(call.Name, name, of);
            var placeholder = Expr.Sym($"{call.Name}({name}@{of})");
            _references[placeholder] = reference;
            return placeholder;
        }, StructuralSign.Instance);
        _relation = relation with { Left = Replace(relation.Left), Right = Replace(relation.Right) };
        foreach (var s in _relation.Left.FreeSymbols().Concat(_relation.Right.FreeSymbols()))
            if (aliases.TryGetValue(s.Name, out var bare))
                throw new Checking.ClaimEvaluationException($"{text.Span}: '{bare.Name}@{bare.Regime}' is a path's series: write end(...) or pv(...) around it");
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*@[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*")]
    private static partial Regex Alias();

    /// <summary>Both sides at a point: path values from <paramref name="value"/>, the other names from <paramref name="parameters"/>.</summary>
    public (double Left, double Right) Sides(Func<Reference, double> value, IReadOnlyDictionary<string, double> parameters)
    {
        var values = new Dictionary<Symbol, double>();
        foreach (var s in _relation.Left.FreeSymbols().Concat(_relation.Right.FreeSymbols()).Distinct())
        {
            if (_references.TryGetValue(s, out var r)) values[s] = value(r);
            else if (parameters.TryGetValue(s.Name, out var p)) values[s] = p;
            else throw new Checking.ClaimEvaluationException($"{Text.Span}: unknown name '{s.Name}' (a parameter, or end(x)/pv(x) of a path's series)");
        }
        return (Evaluator.Evaluate(_relation.Left, values), Evaluator.Evaluate(_relation.Right, values));
    }

    public RelationOperator Operator => _relation.Operator;

    /// <summary>How a relation stands at a draw, given the paths' accuracy.</summary>
    public enum Standing { Holds, Unresolved, Fails }

    /// <summary>
    /// The relation at a draw when sides closer than <paramref name="margin"/> cannot be told apart (the
    /// paths are accurate only to their tolerance): a strict inequality holds with a gap wider than the
    /// margin, fails with one as wide the other way, and is unresolved in between; equality holds
    /// within the margin and fails outside it.
    /// </summary>
    public Standing Judge(double left, double right, double margin)
    {
        var d = left - right;
        return Operator switch
        {
            RelationOperator.Greater => d > margin ? Standing.Holds : d >= -margin ? Standing.Unresolved : Standing.Fails,
            RelationOperator.Less => d < -margin ? Standing.Holds : d <= margin ? Standing.Unresolved : Standing.Fails,
            RelationOperator.GreaterOrEqual => d >= -margin ? Standing.Holds : Standing.Fails,
            RelationOperator.LessOrEqual => d <= margin ? Standing.Holds : Standing.Fails,
            RelationOperator.Equal => Math.Abs(d) <= margin ? Standing.Holds : Standing.Fails,
            _ => Math.Abs(d) > margin ? Standing.Holds : Standing.Unresolved,
        };
    }
}
