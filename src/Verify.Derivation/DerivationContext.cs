using Verify.Model.Language;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;

namespace Verify.Derivation;

/// <summary>
/// What every derivation of one model shares: the model, the sign oracle built from every
/// declared domain, and the pipeline that turns a model expression into a plain one
/// (inline the file's functions, evaluate the integrals, simplify).
/// </summary>
public sealed class DerivationContext
{
    public ModelDocument Model { get; }
    public Assumptions Oracle { get; }

    public DerivationContext(ModelDocument model) : this(model, new Assumptions(DeclaredRelations(model))) { }

    DerivationContext(ModelDocument model, Assumptions oracle)
    {
        Model = model;
        Oracle = oracle;
        _presenter = new Lazy<Presenter>(() => new Presenter(Oracle, Abbreviations(model), Simplify));
    }

    readonly Lazy<Presenter> _presenter;

    /// <summary>How results are shown: in the model's own notation (its derived parameters written back), laid out as a paper would.</summary>
    public Presenter Presenter => _presenter.Value;

    /// <summary>The model's derived parameters, each with its definition in the parameters alone.</summary>
    static List<Abbreviation> Abbreviations(ModelDocument m)
    {
        var definitions = m.Derived.ToDictionary(d => (Expr)d.Symbol, d => d.Definition);
        return m.Derived.Select(d => new Abbreviation(d.Symbol, d.Definition.SubstituteDefinitions(definitions))).ToList();
    }

    /// <summary>The same model with further relations assumed (a phase's conditions, say).</summary>
    public DerivationContext With(IEnumerable<Relation> relations)
    {
        var extra = relations.Where(r => !Oracle.Relations.Contains(r)).ToList();
        return extra.Count == 0 ? this : new DerivationContext(Model, new Assumptions(Oracle.Relations.Concat(extra)));
    }

    /// <summary>
    /// x^p op y^p for each relation x op y between positive symbols and each exponent p with which
    /// x or y appears in <paramref name="within"/> (reversed for p &lt; 0): powers are monotone on
    /// the positives, and linear reasoning over the atoms x^p, y^p needs the fact spelled out.
    /// </summary>
    public IEnumerable<Relation> PowerFacts(IEnumerable<Relation> relations, IEnumerable<Expr> within)
    {
        var exprs = within.ToList();
        foreach (var r in relations)
        {
            if (r.Left is not Symbol x || r.Right is not Symbol y) continue;
            bool nonNegative = Oracle.SignOf(x).Within(SignSet.NonNegative) && Oracle.SignOf(y).Within(SignSet.NonNegative);
            bool positive = Oracle.SignOf(x).Within(SignSet.Positive) && Oracle.SignOf(y).Within(SignSet.Positive);
            if (!nonNegative) continue;
            var exponents = new HashSet<Expr>();
            foreach (var e in exprs)
                e.Any(n => { if (n is Power { Base: Symbol b } p && (b == x || b == y) && p.Exponent is not Number { Value.IsInteger: true }) exponents.Add(p.Exponent); return false; });
            foreach (var k in exponents)
            {
                var sign = Oracle.SignOf(k);
                if (sign.Within(SignSet.Positive)) yield return new Relation(Expr.Pow(x, k), r.Operator, Expr.Pow(y, k));
                else if (positive && sign.Within(SignSet.Negative)) yield return new Relation(Expr.Pow(y, k), r.Operator, Expr.Pow(x, k));
            }
        }
    }

    /// <summary>Every relation the file declares: parameter and variable domains, constraints, derived bounds, unknown domains.</summary>
    static IEnumerable<Relation> DeclaredRelations(ModelDocument m)
    {
        foreach (var p in m.Parameters) foreach (var r in p.Domain) yield return r;
        foreach (var c in m.Constraints) foreach (var r in c.Relations) yield return r;
        foreach (var d in m.Derived) foreach (var r in d.Claims) yield return r;
        foreach (var regime in m.Regimes)
            foreach (var u in regime.Unknowns)
                foreach (var r in u.Domain)
                    if (!r.Right.FreeSymbols().Union(r.Left.FreeSymbols()).Any(s => s != u.Symbol && regime.Unknowns.Any(v => v.Symbol == s)))
                        yield return r;
    }

    /// <summary>Inline the file's functions, substitute the given values, evaluate integrals, simplify.</summary>
    public Expr Prepare(Expr e, IReadOnlyDictionary<Expr, Expr> values, List<string> conditions)
    {
        var inlined = Model.Inline(e);
        var substituted = inlined.Substitute(values, Oracle);
        var integrated = Integration.Evaluate(substituted, Oracle);
        foreach (var c in integrated.Conditions) conditions.Add(c.ToString());
        // An integral with no closed form stays an integral (its limits may hold unknowns): the
        // equations it enters are solved where the rest allows and are implicit otherwise, its
        // derivatives go through the Leibniz rule, and its values through quadrature.
        foreach (var u in integrated.Unevaluated) conditions.Add($"kept as an integral (no closed form): {u}");
        return Simplify(integrated.Value);
    }

    public Expr Simplify(Expr e)
    {
        if (e.Any(IsOpaque)) return SimplifyAroundAtoms(e);
        return SimplifyPlain(e);
    }

    /// <summary>
    /// Kept integrals, and special functions of the unknowns (the erfs of a log-normal model's
    /// partial moments), are atoms to the simplifier: each is simplified once on its own (its body
    /// and limits, its arguments), then stands for a fresh symbol, with the sign the oracle proves
    /// for it, while the expression around it is simplified, so the rewrites do not walk every
    /// integrand or argument again at every step of a derivation.
    /// </summary>
    Expr SimplifyAroundAtoms(Expr e)
    {
        var atoms = new Dictionary<Expr, Expr>();
        var back = new Dictionary<Expr, Expr>();
        foreach (var node in OutermostOpaque(e).Distinct())
        {
            var sign = node is Integral ? SymbolSign.Real
                : Oracle.Proves(node, SignSet.Positive, RuleAtomSign) ? SymbolSign.Positive : SymbolSign.Real;
            var atom = Expr.Sym($"{(node is Integral ? "integral" : "special")}_{atoms.Count + 1}_", sign);
            atoms[node] = atom;
            back[atom] = node is Integral i ? SimplifiedIntegral(i) : SimplifiedCall((Call)node);
        }
        return SimplifyPlain(e.Substitute(atoms, Oracle)).Substitute(back, Oracle);
    }

    const string RuleAtomSign = "a special function's sign, kept while it stands as an atom";

    static bool IsOpaque(Expr n) =>
        n is Integral || n is Call { Partials.IsEmpty: true } c && Verify.Symbolic.Numbers.SpecialFunctions.IsSpecial(c.Name) && c.Arguments.Any(a => a is not Number);

    static IEnumerable<Expr> OutermostOpaque(Expr e)
    {
        if (IsOpaque(e)) { yield return e; yield break; }
        foreach (var child in e.Children)
            foreach (var inner in OutermostOpaque(child)) yield return inner;
    }

    readonly System.Collections.Concurrent.ConcurrentDictionary<Call, Expr> _simplifiedCalls = new();

    Expr SimplifiedCall(Call c) =>
        _simplifiedCalls.GetOrAdd(c, x => Canonical.Call(x.Name, x.Arguments.Select(Simplify).ToArray(), x.Partials));

    // Phases may be derived in parallel, sharing a context.
    readonly System.Collections.Concurrent.ConcurrentDictionary<Integral, Expr> _simplifiedIntegrals = new();

    Expr SimplifiedIntegral(Integral i) =>
        _simplifiedIntegrals.GetOrAdd(i, x => Canonical.Integral(Simplify(x.Body), x.Variable, Simplify(x.Lower), Simplify(x.Upper)));

    Expr SimplifyPlain(Expr e)
    {
        // Merging powers makes new exponents; normalise until nothing changes (a few rounds at most).
        var current = e;
        for (int round = 0; round < 4; round++)
        {
            var next = NormalizeExponents(Simplifier.Simplify(NormalizeExponents(current), Oracle));
            if (next.Equals(current)) break;
            current = next;
        }
        return current;
    }

    /// <summary>
    /// Brings every symbolic exponent to one cancelled fraction with an expanded numerator, so that
    /// equal exponents written differently ((1 - sigma)/rho + 1 and (rho - sigma + 1)/rho) merge.
    /// </summary>
    public Expr NormalizeExponents(Expr e) => Canonical.Transform(e, node =>
        node is Power { Exponent: not Number } p
            ? Canonical.Pow(p.Base, Rationals.Cancel(Expansion.Expand(p.Exponent, Oracle), Oracle), Oracle)
            : node, Oracle);

    /// <summary>The expression as one fraction with common factors cancelled.</summary>
    public Expr Together(Expr e) => Rationals.Cancel(Rationals.Together(e, Oracle), Oracle);
}

/// <summary>A derivation that cannot proceed, with the reason.</summary>
public sealed class DerivationException(string message) : Exception(message);
