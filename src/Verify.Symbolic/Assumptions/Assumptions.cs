using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// A sign oracle built from relations such as sigma &gt; 1, rho &gt; sigma - 1, 0 &lt;= phi &lt; 1. It
/// answers the sign of an expression by combining three sound arguments and keeping what all of
/// them allow: the structural rules (<see cref="StructuralSign"/>), interval enclosures propagated
/// by monotonicity from each symbol's bounds, and exact linear reasoning (Fourier–Motzkin) that
/// treats every non-linear term of an expanded expression as an unknown atom, bounded by its own
/// enclosure. Every side condition it proves through <see cref="Proves"/> goes into its trace.
/// </summary>
/// <remarks>
/// Signs speak about the admissible points where the expression is defined (the evaluator's real
/// semantics); an expression defined nowhere admissible gets no claim at all. The namespace has the
/// class's name, so code outside it refers to the class with an alias, e.g.
/// <c>using Assumptions = Verify.Symbolic.Assumptions.Assumptions;</c> after its namespace line.
/// </remarks>
public sealed class Assumptions : ITracingOracle
{
    /// <summary>The largest expansion tried when reading an expression as a linear form.</summary>
    const int LinearExpansionLimit = 64;

    /// <summary>
    /// The largest sum (in nodes) whose sign is sought through its factored form. Factoring costs
    /// seconds at a thousand nodes and grows fast beyond (a log-normal slope of tens of thousands ran
    /// for hours); in every model under src/Models the largest sum it decided had 417 nodes. A larger
    /// sum keeps the sign its structure and interval give: less is proved, nothing false.
    /// </summary>
    public const long FactoringLimit = 800;

    readonly object _gate = new();
    readonly List<LinearConstraint> _constraints = [];
    readonly HashSet<Expr> _systemAtoms = [];
    readonly List<LinearForm> _nonZero = [];
    readonly Dictionary<Symbol, Interval> _bounds = [];
    readonly Dictionary<Expr, Interval> _intervals = [];
    readonly Dictionary<Expr, SignSet> _signs = [];
    readonly HashSet<Expr> _inProgress = [];
    readonly List<SideCondition> _trace = [];
    readonly HashSet<SideCondition> _traced = [];
    readonly List<TraceScope> _scopes = [];
    AdmissibleSampler? _sampler;

    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>The symbols the relations mention, then any declared in addition, in order of first appearance.</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>No assumptions beyond each symbol's declared sign.</summary>
    public static Assumptions None => new([]);

    /// <param name="relations">The assumed relations.</param>
    /// <param name="symbols">Further symbols to know about (for sampling) that no relation mentions.</param>
    /// <exception cref="ArgumentException">The relations contradict each other (as far as linear reasoning and bounds show).</exception>
    public Assumptions(IEnumerable<Relation> relations, IEnumerable<Symbol>? symbols = null)
    {
        ArgumentNullException.ThrowIfNull(relations);
        Relations = relations.ToList();
        if (Relations.Any(r => r is null)) throw new ArgumentException("A relation is null.", nameof(relations));
        var all = new List<Symbol>();
        foreach (var s in Relations.SelectMany(r => Ordered(r.Left).Concat(Ordered(r.Right))).Concat(symbols ?? []))
            if (!all.Contains(s)) all.Add(s);
        Symbols = all;

        foreach (var r in Relations)
        {
            var (difference, sign) = r.AsSign();
            var form = Linearize(difference);
            if (sign == SignSet.NonZero) _nonZero.Add(form);
            else AddConstraints(LinearConstraint.FromSign(form, sign, r.ToString()));
        }
        foreach (var s in Symbols)
            AddConstraints(LinearConstraint.FromSign(LinearForm.Of(s), IntervalRules.Declared(s), $"{s.Name} declared {s.Sign}"));
        foreach (var atom in _systemAtoms.Where(a => a is not Symbol).ToList())
            AddConstraints(LinearConstraint.FromSign(LinearForm.Of(atom), StructuralSign.Instance.SignOf(atom), $"structure of {atom}"));
        CheckConsistent();

        // Bounds of each symbol from the linear system, then enclosures of the other atoms from those
        // bounds, which sharpen the system; once more to carry that back to the symbols.
        for (int round = 0; round < 2; round++)
        {
            foreach (var s in Symbols)
            {
                var b = FourierMotzkin.Project(_constraints, LinearForm.Of(s)).Intersect(Interval.FromSign(IntervalRules.Declared(s)));
                if (b.IsEmpty) throw new ArgumentException($"The assumptions leave no possible value for {s.Name}: {Describe()}.", nameof(relations));
                _bounds[s] = b;
            }
            _intervals.Clear(); _signs.Clear();
            if (round == 1) break;
            foreach (var atom in _systemAtoms.Where(a => a is not Symbol).ToList())
                AddConstraints(LinearConstraint.FromInterval(LinearForm.Of(atom), IntervalOf(atom), $"bounds of {atom}"));
            CheckConsistent();
        }
    }

    /// <summary>The free symbols in order of first appearance.</summary>
    static IEnumerable<Symbol> Ordered(Expr e) => e switch
    {
        Symbol s => [s],
        Integral i => Ordered(i.Body).Where(x => !x.Equals(i.Variable)).Concat(Ordered(i.Lower)).Concat(Ordered(i.Upper)),
        _ => e.Children.SelectMany(Ordered),
    };

    void AddConstraints(IEnumerable<LinearConstraint> cs)
    {
        foreach (var c in cs)
        {
            _constraints.Add(c);
            _systemAtoms.UnionWith(c.Form.Coefficients.Keys);
        }
    }

    void CheckConsistent()
    {
        if (!FourierMotzkin.IsFeasible(_constraints))
            throw new ArgumentException($"The assumptions contradict each other: {Describe()}.", "relations");
    }

    string Describe() => string.Join(", ", Relations.Select(r => r.ToString()));

    /// <summary>The expression as a linear form in its atoms, after multiplying out small products of sums.</summary>
    static LinearForm Linearize(Expr e)
    {
        Expansion.TryExpand(e, StructuralSign.Instance, LinearExpansionLimit, out var expanded);
        return LinearForm.Of(expanded);
    }

    // ---------- bounds ----------

    /// <summary>The interval a symbol is known to lie in (from its declared sign and the relations).</summary>
    public Interval BoundsOf(Symbol s)
    {
        lock (_gate) return _bounds.TryGetValue(s, out var b) ? b : Interval.FromSign(IntervalRules.Declared(s));
    }

    /// <summary>An interval holding every value <paramref name="e"/> takes at admissible points where it is defined.</summary>
    public Interval IntervalOf(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            if (e is Number n) return Interval.Point(n.Value);
            if (e is Symbol s) return BoundsOf(s);
            if (_intervals.TryGetValue(e, out var cached)) return cached;
            if (!_inProgress.Add(e)) return Interval.Full;
            try
            {
                var result = IntervalRules.Of(e, IntervalOf);
                if (e is Sum || _systemAtoms.Contains(e)) result = result.Intersect(LinearRange(e));
                _intervals[e] = result;
                return result;
            }
            finally { _inProgress.Remove(e); }
        }
    }

    /// <summary>The values the linear system allows for e read as a linear form; atoms new to the system bring their enclosures.</summary>
    Interval LinearRange(Expr e)
    {
        var form = Linearize(e);
        if (form.IsConstant) return Interval.Point(form.Constant);
        var extra = new List<LinearConstraint>();
        foreach (var atom in form.Coefficients.Keys)
            if (!_systemAtoms.Contains(atom) && !atom.Equals(e))
                extra.AddRange(LinearConstraint.FromInterval(LinearForm.Of(atom), IntervalOf(atom), $"bounds of {atom}"));
        return FourierMotzkin.Project(_constraints.Concat(extra), form);
    }

    // ---------- signs ----------

    public SignSet SignOf(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e is Number n) return SignSets.Of(n.Value.Sign);
        lock (_gate)
        {
            if (_signs.TryGetValue(e, out var cached)) return cached;
            var s = StructuralSign.Of(e, this) & IntervalOf(e).Sign;
            if ((s & SignSet.Zero) != 0 && _nonZero.Count > 0 && (e is Sum or Symbol))
            {
                var form = Linearize(e);
                if (_nonZero.Any(form.IsMultipleOf)) s &= ~SignSet.Zero;
            }
            // A sum of mixed signs may still have a plain sign once its common factor is out.
            if (e is Sum && s is not (SignSet.Positive or SignSet.Negative or SignSet.Zero) && e.Size <= FactoringLimit && _factoring.Add(e))
            {
                try { s &= FactoredSign(e); }
                finally { _factoring.Remove(e); }
            }
            // Nowhere defined at an admissible point: claim nothing rather than everything.
            if (s == SignSet.None) s = SignSet.Any;
            _signs[e] = s;
            return s;
        }
    }

    readonly HashSet<Expr> _factoring = [];

    /// <summary>The sign of a sum through its factored form (inner sums shrunk, the common factor pulled out); Any when that does not help.</summary>
    SignSet FactoredSign(Expr e)
    {
        var quiet = new Silent(this);
        var factored = Algebra.Factoring.FactorCommon(Algebra.Simplifier.SimplifySums(e, quiet), quiet);
        if (factored is Sum) factored = Algebra.Rationals.Cancel(factored, quiet);   // one fraction: sign of numerator and denominator
        if (factored is Product p) return p.Factors.Aggregate(SignSet.Positive, (acc, f) => acc.Times(SignOf(f)));
        if (factored is Sum)
        {
            var linear = LinearEndpointSign(factored, quiet);
            return linear != SignSet.Any ? linear : LinearFactorSign(factored, quiet);
        }
        return factored.Equals(e) ? SignSet.Any : SignOf(factored);
    }

    /// <summary>
    /// a*x + b = a*(x + b/a), an identity whatever a and b contain; when b/a simplifies, the sign
    /// is sign(a)*sign(x + b/a): phi^beta*sigma - 1 - phi^beta + sigma = (phi^beta + 1)*(sigma - 1).
    /// </summary>
    SignSet LinearFactorSign(Expr e, ISignOracle quiet)
    {
        var symbols = e.FreeSymbols().OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        if (symbols.Count == 0 || !Algebra.Expansion.TryExpand(e, quiet, Algebra.Expansion.DefaultMaxTerms, out var expanded)) return SignSet.Any;
        foreach (var x in symbols)
        {
            var parts = Algebra.Collection.Collect(expanded, x);
            if (parts.Count != 2 || !parts.TryGetValue(Expr.One, out var slope) || !parts.TryGetValue(Expr.Zero, out var constant)) continue;
            var slopeSign = SignOf(slope);
            if (!slopeSign.Within(SignSet.Positive) && !slopeSign.Within(SignSet.Negative)) continue;
            var shift = Algebra.Simplifier.Simplify(Expr.Div(constant, slope), quiet);
            if (Algebra.Simplifier.Size(shift) > 12) continue;   // only when the quotient is simple
            var rest = SignOf(Expr.Add(x, shift));
            if (rest == SignSet.Any) continue;
            return slopeSign.Times(rest);
        }
        return SignSet.Any;
    }

    /// <summary>
    /// A sum that is linear in a bounded symbol x, a*x + b, lies between its values at the ends of
    /// x's range: when both ends agree in sign, so does the sum; with the slope's sign known, an
    /// open end makes the inequality strict there ((1 - sE)*phi + sE - 1 &lt; 0 for phi &lt; 1).
    /// </summary>
    SignSet LinearEndpointSign(Expr e, ISignOracle quiet)
    {
        Expr? expanded = null;   // expanded once, when a bounded symbol first asks for it
        var weak = SignSet.Any;  // a non-strict sign from one symbol; another symbol may still give a strict one
        foreach (var x in e.FreeSymbols().OrderBy(x => x.Name, StringComparer.Ordinal))
        {
            var bounds = BoundsOf(x);
            if (bounds.Lo is null && bounds.Hi is null) continue;
            if (expanded is null && !Algebra.Expansion.TryExpand(e, quiet, Algebra.Expansion.DefaultMaxTerms, out expanded)) return SignSet.Any;
            var parts = Algebra.Collection.Collect(expanded, x);
            if (parts.Keys.Any(k => !k.Equals(Expr.Zero) && !k.Equals(Expr.One)) || !parts.TryGetValue(Expr.One, out var slope)) continue;
            if (parts.Values.Any(c => c.Contains(x))) continue;   // x also inside a coefficient (sqrt(x^2), say): not linear
            // An infinite end tells nothing by itself; with a known slope only the finite end matters.
            var atLo = bounds.Lo is { } lo ? SignOf(e.Substitute(x, Expr.Num(lo), quiet)) : SignSet.Any;
            var atHi = bounds.Hi is { } hi ? SignOf(e.Substitute(x, Expr.Num(hi), quiet)) : SignSet.Any;
            // Whatever the slope, a linear function lies between its values at the ends.
            foreach (var both in new[] { SignSet.Positive, SignSet.Negative })
                if (atLo.Within(both) && atHi.Within(both)) return both;
            var slopeSign = SignOf(slope);
            if (!slopeSign.Within(SignSet.Positive) && !slopeSign.Within(SignSet.Negative))
            {
                foreach (var both in new[] { SignSet.NonNegative, SignSet.NonPositive })
                    if (atLo.Within(both) && atHi.Within(both)) weak &= both;
                continue;
            }
            // Increasing in x: the least value is at lo, the greatest at hi (mirrored when decreasing).
            var (least, leastClosed, greatest, greatestClosed) = slopeSign.Within(SignSet.Positive)
                ? (atLo, bounds.LoClosed, atHi, bounds.HiClosed) : (atHi, bounds.HiClosed, atLo, bounds.LoClosed);
            if (least.Within(SignSet.Positive) || (least.Within(SignSet.NonNegative) && !leastClosed)) return SignSet.Positive;
            if (greatest.Within(SignSet.Negative) || (greatest.Within(SignSet.NonPositive) && !greatestClosed)) return SignSet.Negative;
            if (least.Within(SignSet.NonNegative)) weak &= SignSet.NonNegative;
            else if (greatest.Within(SignSet.NonPositive)) weak &= SignSet.NonPositive;
        }
        return weak == SignSet.None ? SignSet.Any : weak;
    }

    /// <summary>This oracle without recording: the factoring is a means to a sign, not a step of the derivation.</summary>
    sealed class Silent(Assumptions inner) : ISignOracle
    {
        public SignSet SignOf(Expr e) => inner.SignOf(e);
    }

    /// <summary>True when e's sign is proved to lie in <paramref name="required"/>; the proof is recorded as a side condition of <paramref name="rule"/>.</summary>
    public bool Proves(Expr e, SignSet required, string rule)
    {
        var ok = SignOf(e).Within(required);
        if (ok && e is not Number) Record(new SideCondition(rule, e, required));
        return ok;
    }

    /// <summary>True when the relation holds at every admissible point (where its sides are defined); recorded like <see cref="Proves(Expr, SignSet, string)"/>.</summary>
    public bool Proves(Relation relation, string rule = "assumed relation")
    {
        ArgumentNullException.ThrowIfNull(relation);
        var (difference, sign) = relation.AsSign();
        return Proves(difference, sign, rule);
    }

    public IReadOnlyList<Relation> DomainOf(Symbol x) =>
        [.. Relations.Where(r => (r.Left.Equals(x) && !r.Right.Contains(x)) || (r.Right.Equals(x) && !r.Left.Contains(x)))];

    // ---------- trace ----------

    /// <summary>Every side condition proved so far, each once, in the order first proved.</summary>
    public IReadOnlyList<SideCondition> Trace { get { lock (_gate) return [.. _trace]; } }

    public void ClearTrace() { lock (_gate) { _trace.Clear(); _traced.Clear(); } }

    /// <summary>Opens a scope that collects the side conditions proved until it is disposed.</summary>
    public TraceScope BeginTrace()
    {
        lock (_gate)
        {
            var scope = new TraceScope(s => { lock (_gate) _scopes.Remove(s); });
            _scopes.Add(scope);
            return scope;
        }
    }

    public void Record(SideCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        lock (_gate)
        {
            if (_traced.Add(condition)) _trace.Add(condition);
            foreach (var scope in _scopes) scope.Add(condition);
        }
    }

    // ---------- points ----------

    /// <summary>
    /// <paramref name="count"/> random points satisfying every relation, over <see cref="Symbols"/> and
    /// any <paramref name="extraSymbols"/> (drawn by their declared sign). Bounded symbols are drawn
    /// uniformly with extra weight near (and on closed) ends; unbounded ones log-uniformly up to ~100
    /// beyond their bound. Throws <see cref="InvalidOperationException"/> if admissible points are too rare to find.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<Symbol, double>> Sample(Random rng, int count, IEnumerable<Symbol>? extraSymbols = null)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate) _sampler ??= new AdmissibleSampler(Relations, Symbols, BoundsOf);
        return _sampler.Sample(rng, count, extraSymbols ?? []);
    }

    /// <summary>The first relation the point violates (as text, with the values of its sides), or null if it satisfies all.</summary>
    /// <exception cref="ArgumentException">The point gives no value for a symbol a relation needs.</exception>
    public string? Violation(IReadOnlyDictionary<Symbol, double> point) => AdmissibleSampler.Violation(Relations, point);

    public override string ToString() => Relations.Count == 0 ? "(no assumptions)" : Describe();
}
