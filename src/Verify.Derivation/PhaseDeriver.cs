using Verify.Derivation.Results;
using Verify.Derivation.Solving;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Calculus;
using Algebra = Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

/// <summary>
/// Derives one regime in one phase from its primitive conditions. The order of work:
/// (1) any condition left with a single unknown is solved for it; (2) otherwise the next hint
/// of the model file is carried out; (3) otherwise the first condition that can be solved for
/// one of its unknowns is (a linear solution preferred). Unknowns that no step can isolate stay
/// implicit: defined by their remaining conditions, root-found numerically. Every solution is
/// substituted back into every primitive condition afterwards (see <see cref="ConditionVerifier"/>).
/// </summary>
public sealed class PhaseDeriver(DerivationContext context, IReadOnlyDictionary<string, RegimeDerivation> earlier)
{
    /// <summary>Values up to this many nodes are substituted into the remaining conditions at once.</summary>
    const int SmallValue = 40;

    public PhaseDerivation Derive(Regime regime, Phase? phase)
    {
        var run = new Run(context, regime, phase);
        run.TakeKnownValues(earlier);
        run.PrepareConditions();
        run.Solve();
        return run.Finish();
    }

    sealed class Run(DerivationContext baseContext, Regime regime, Phase? phase)
    {
        DerivationContext context = baseContext;
        EquationSolver solver = new(baseContext);
        readonly List<DerivationStep> _steps = [];
        readonly Dictionary<Expr, Expr> _known = [];
        // Carried values stay symbols while solving (with their source's domains) and are substituted at the end.
        readonly Dictionary<Expr, Expr> _carried = [];
        readonly List<Relation> _carriedDomain = [];
        readonly Dictionary<Symbol, DerivedValue> _values = [];
        readonly List<Equation> _conditions = [];
        readonly List<Equation> _pending = [];
        readonly List<(Symbol Unknown, Expr Value)> _solved = [];
        readonly HashSet<string> _failedAttempts = [];
        readonly Dictionary<Symbol, string?> _lastFailure = [];
        ImplicitFunctions _implicits = new(baseContext.Oracle);
        readonly List<ImplicitUnknown> _implicitUnknowns = [];
        List<Symbol> _unknowns = [];
        List<Hint> _hints = [];
        int _nextHint;

        string Where => phase is null ? regime.Name : $"{regime.Name}, phase {phase.Name}";
        string Key => phase is null ? regime.Name : $"{regime.Name}.{phase.Name}";

        public void TakeKnownValues(IReadOnlyDictionary<string, RegimeDerivation> earlier)
        {
            foreach (var carry in regime.Carried)
            {
                if (!earlier.TryGetValue(carry.FromRegime, out var source))
                    throw new DerivationException($"{carry.Span}: regime '{carry.FromRegime}' must be derived before '{regime.Name}'");
                var from = source.Phases[0];
                foreach (var name in carry.Names)
                {
                    var v = from.Find(name.Name) ?? throw new DerivationException($"{carry.Span}: regime '{carry.FromRegime}' does not define '{name.Name}'");
                    if (v.Kind != FormKind.Closed)
                        throw new DerivationException($"{carry.Span}: '{name.Name}' has no closed form in '{carry.FromRegime}'; carrying implicit values is not supported");
                    _values[name] = new DerivedValue(name, v.Value, FormKind.Closed, $"carried from {carry.FromRegime}", v.Latex, v.Description);
                    // A carried unknown keeps its symbol and declared domain while solving; a carried
                    // quantity (no domain of its own) is substituted at once.
                    var declared = source.Regime.Unknowns.FirstOrDefault(x => x.Symbol == name);
                    if (declared is null) { _known[name] = v.Value; continue; }
                    _carried[name] = v.Value;
                    _carriedDomain.AddRange(declared.Domain);
                    _steps.Add(new DerivationStep($"carry {name.Name} from {carry.FromRegime}", null, new Relation(name, RelationOperator.Equal, v.Value), []));
                }
            }
            foreach (var fix in regime.Fixes.Concat(phase?.Fixes ?? []))
            {
                var conditions = new List<string>();
                var value = context.Prepare(fix.Value, _known, conditions);
                _known[fix.Symbol] = value;
                _values[fix.Symbol] = new DerivedValue(fix.Symbol, value, FormKind.Closed, "fixed by the model", null, fix.Description);
                _steps.Add(new DerivationStep($"fix {fix.Symbol.Name}", null, new Relation(fix.Symbol, RelationOperator.Equal, value), conditions));
            }
            _unknowns = regime.Unknowns.Select(u => u.Symbol).Where(s => !_known.ContainsKey(s) && !_carried.ContainsKey(s)).ToList();
            _hints = [.. regime.Hints, .. phase?.Hints ?? []];
        }

        public void PrepareConditions()
        {
            var dropped = phase?.Dropped ?? [];
            foreach (var c in regime.Conditions.Where(c => !dropped.Contains(c.Label)).Concat(phase?.Conditions ?? []))
            {
                var conditions = new List<string>();
                var prepared = new Equation(c.Label, context.Prepare(c.Left, _known, conditions), context.Prepare(c.Right, _known, conditions));
                _conditions.Add(prepared);
                _pending.Add(prepared);
                _steps.Add(new DerivationStep($"{c.Label}: inline the model's functions, substitute known values, evaluate the integrals",
                    new Relation(c.Left, RelationOperator.Equal, c.Right), prepared.AsRelation(), conditions));
            }
            // The phase's own conditions hold while it is derived, with the power facts they imply.
            var assumed = _carriedDomain.Concat(regime.Unknowns.SelectMany(u => u.Domain)).Concat(phase?.When ?? []).Select(r => new Relation(
                r.Left.Substitute(_known, context.Oracle), r.Operator, r.Right.Substitute(_known, context.Oracle))).ToList();
            if (assumed.Count > 0)
            {
                var facts = context.PowerFacts(assumed, _pending.SelectMany(e => new[] { e.Left, e.Right })).ToList();
                context = context.With(assumed.Concat(facts));
                solver = new EquationSolver(context);
                _steps.Add(new DerivationStep($"assume, in {Where}: {string.Join(", ", assumed.Concat(facts))}", null, null, []));
            }
            if (_pending.Count < _unknowns.Count)
                throw new DerivationException($"{regime.Span}: {Where} has {_unknowns.Count} unknowns but {_pending.Count} conditions");
        }

        List<Symbol> Unsolved(Equation e) => _unknowns.Where(u => !_solved.Any(s => s.Unknown == u) && (e.Left.Contains(u) || e.Right.Contains(u))).ToList();

        public void Solve()
        {
            while (_pending.Count > 0 && _solved.Count < _unknowns.Count)
            {
                if (SolveSingle() || NextHint() || SolveGreedy()) continue;
                break;
            }
        }

        bool SolveSingle()
        {
            foreach (var e in _pending)
            {
                var vars = Unsolved(e);
                if (vars.Count != 1) continue;
                if (TrySolve(e, vars[0], out var outcome)) { Apply(e, vars[0], outcome, ""); return true; }
            }
            return false;
        }

        bool SolveGreedy()
        {
            foreach (var e in _pending.OrderBy(e => Unsolved(e).Count))
            {
                SolveOutcome? best = null; Symbol? bestUnknown = null;
                foreach (var u in Unsolved(e))
                {
                    if (!TrySolve(e, u, out var outcome)) continue;
                    if (best is null || (outcome.Method.StartsWith("linear") && !best.Method.StartsWith("linear"))) { best = outcome; bestUnknown = u; }
                }
                if (best is not null) { Apply(e, bestUnknown!, best, ""); return true; }
            }
            return false;
        }

        bool TrySolve(Equation e, Symbol u, out SolveOutcome outcome)
        {
            var key = $"{e}|{u.Name}";
            outcome = SolveOutcome.Failed("");
            if (_failedAttempts.Contains(key)) return false;
            outcome = solver.Solve(e, u);
            if (!outcome.Success) { _failedAttempts.Add(key); _lastFailure[u] = outcome.Reason; }
            return outcome.Success;
        }

        bool NextHint()
        {
            while (_nextHint < _hints.Count)
            {
                var hint = _hints[_nextHint++];
                if (TryHint(hint)) return true;
            }
            return false;
        }

        bool TryHint(Hint hint)
        {
            switch (hint)
            {
                case SolveHint { Conditions.Count: 1, Targets: [Symbol u] } h:
                {
                    var e = _pending.FirstOrDefault(p => p.Label == h.Conditions[0]);
                    if (e is null || !Unsolved(e).Contains(u)) return false;
                    if (!TrySolve(e, u, out var outcome))
                        throw new DerivationException($"{h.Span}: hint 'solve {e.Label} for {u.Name}' fails in {Where}: {outcome.Reason}");
                    Apply(e, u, outcome, $"hint at {h.Span}: ");
                    return true;
                }
                case SolveHint h:
                {
                    var equations = h.Conditions.Select(l => _pending.FirstOrDefault(p => p.Label == l)).ToList();
                    if (equations.Any(e => e is null)) return false;
                    var inner = h.Targets.Select(t => t.FreeSymbols().Where(s => _unknowns.Contains(s) && !_solved.Any(x => x.Unknown == s)).ToList()).ToList();
                    if (inner.Any(i => i.Count != 1)) return false;
                    var (values, reason, conditions) = solver.SolveLinear(equations!, h.Targets, inner.Select(i => i[0]).ToList());
                    if (values is null) throw new DerivationException($"{h.Span}: hint fails in {Where}: {reason}");
                    _steps.Add(new DerivationStep(
                        $"hint at {h.Span}: {string.Join(" and ", h.Conditions)} are linear in {string.Join(", ", h.Targets)}; solve by Cramer's rule",
                        null, null, conditions,
                        string.Join("; ", h.Targets.Select((t, i) => $"{t} = {values[i]}"))));
                    foreach (var e in equations) _pending.Remove(e!);
                    for (int i = 0; i < values.Count; i++)
                    {
                        var u = inner[i][0];
                        var atomEquation = new Equation($"{h.Conditions[i]}'", h.Targets[i], values[i]);
                        var outcome = solver.SolveAtom(atomEquation, u);
                        if (!outcome.Success) throw new DerivationException($"{h.Span}: cannot solve {atomEquation} for {u.Name}: {outcome.Reason}");
                        _pending.Add(atomEquation);
                        Apply(atomEquation, u, outcome, "");
                    }
                    return true;
                }
                case CombineHint h:
                {
                    var first = _pending.FirstOrDefault(p => p.Label == h.First);
                    var second = _pending.FirstOrDefault(p => p.Label == h.Second);
                    if (first is null || second is null) return false;
                    var combined = h.Operation switch
                    {
                        CombineOperation.Add => new Equation($"{first.Label}+{second.Label}", first.Left + second.Left, first.Right + second.Right),
                        CombineOperation.Subtract => new Equation($"{first.Label}-{second.Label}", first.Left - second.Left, first.Right - second.Right),
                        _ => new Equation($"{first.Label}/{second.Label}", first.Left / second.Left, first.Right / second.Right),
                    };
                    combined = combined.Map(context.Simplify);
                    _pending[_pending.IndexOf(first)] = combined;
                    _steps.Add(new DerivationStep($"hint at {h.Span}: {h.Operation.ToString().ToLowerInvariant()} {first.Label} and {second.Label}",
                        first.AsRelation(), combined.AsRelation(), []));
                    return true;
                }
            }
            return false;
        }

        void Apply(Equation e, Symbol u, SolveOutcome outcome, string prefix)
        {
            var value = outcome.Value!;
            _steps.Add(new DerivationStep($"{prefix}solve {e.Label} for {u.Name}: {outcome.Method}",
                e.AsRelation(), new Relation(u, RelationOperator.Equal, value), outcome.Conditions));
            _solved.Add((u, value));
            _pending.Remove(e);
            // A large value free of unsolved unknowns stays a symbol in the other conditions: it is
            // substituted at the end, so cancellations among its powers happen on the symbol. Small
            // values are substituted at once, so the oracle sees them when it proves signs.
            if (Algebra.Simplifier.Size(value) > SmallValue && !_unknowns.Any(x => x != u && value.Contains(x) && !_solved.Any(s => s.Unknown == x)))
            {
                // Two unknowns with the same closed form are the same number: keep one symbol.
                var twin = _solved.FirstOrDefault(s => s.Unknown != u && s.Value.Equals(value)).Unknown;
                if (twin is null) return;
                _steps.Add(new DerivationStep($"{u.Name} and {twin.Name} have the same closed form: write {twin.Name} for {u.Name}", null, new Relation(u, RelationOperator.Equal, twin), []));
                value = twin;
            }
            for (int i = _pending.Count - 1; i >= 0; i--)
            {
                var next = _pending[i].Map(x => context.Simplify(x.Substitute(u, value, context.Oracle)));
                if (context.Simplify(next.Residual).Equals(Expr.Zero))
                {
                    _steps.Add(new DerivationStep($"{next.Label} holds identically once {u.Name} is substituted", _pending[i].AsRelation(), null, []));
                    _pending.RemoveAt(i);
                }
                else _pending[i] = next;
            }
        }

        public PhaseDerivation Finish()
        {
            var unsolved = _unknowns.Where(u => !_solved.Any(s => s.Unknown == u)).ToList();
            _implicits = new ImplicitFunctions(context.Oracle) { DeferUnprovedSlopes = true };
            var final = new Dictionary<Expr, Expr>(_known);
            foreach (var (k, v) in _carried) final[k] = v;
            DefineImplicit(unsolved, final);

            // Solutions refer to unknowns solved later (eliminated) or earlier (kept as symbols):
            // substitute until none is left; the dependencies are acyclic by construction.
            var open = _solved.ToDictionary(s => s.Unknown, s => s.Value);
            while (open.Count > 0)
            {
                var ready = open.Where(kv => !open.Keys.Any(k => k != kv.Key && kv.Value.Contains(k))).Select(kv => kv.Key).ToList();
                if (ready.Count == 0) throw new DerivationException($"{regime.Span}: {Where}: circular solutions for {string.Join(", ", open.Keys.Select(k => k.Name))}");
                foreach (var u in ready)
                {
                    final[u] = context.Simplify(open[u].Substitute(final, context.Oracle));
                    open.Remove(u);
                }
            }
            // Fixed values may name carried ones (fix aR = aD): resolve them too.
            foreach (var (s, fixedValue) in _values.Where(kv => kv.Value.Origin == "fixed by the model").ToList())
            {
                var resolved = context.Simplify(fixedValue.Value.Substitute(final, context.Oracle));
                _values[s] = fixedValue with { Value = resolved };
                final[s] = resolved;
            }
            foreach (var u in regime.Unknowns)
            {
                if (!final.TryGetValue(u.Symbol, out var v) || _values.ContainsKey(u.Symbol)) continue;
                var implicitNow = unsolved.Contains(u.Symbol);
                _values[u.Symbol] = new DerivedValue(u.Symbol, v, KindOf(v), implicitNow ? "implicit: root of its condition" : "solved", u.Latex, u.Description);
            }
            foreach (var q in MergedQuantities())
            {
                // Integrate while the unknowns are still symbols (positive, with their domains), then substitute.
                var conditions = new List<string>();
                var v = context.Simplify(context.Prepare(q.Definition, _known, conditions).Substitute(final, context.Oracle));
                final[q.Symbol] = v;
                _values[q.Symbol] = new DerivedValue(q.Symbol, v, KindOf(v), "defined by the model", q.Latex, q.Description);
                _steps.Add(new DerivationStep($"quantity {q.Symbol.Name}: substitute the derived values", new Relation(q.Symbol, RelationOperator.Equal, q.Definition),
                    new Relation(q.Symbol, RelationOperator.Equal, v), conditions));
            }
            return new PhaseDerivation
            {
                Regime = regime, Phase = phase, Values = _values, Steps = _steps, Conditions = _conditions,
                ImplicitUnknowns = _implicitUnknowns, Implicits = _implicits,
            };
        }

        FormKind KindOf(Expr v) =>
            _implicitUnknowns.Any(i => v.Any(n => n is Call c && c.Name == i.FunctionName)) ? FormKind.Implicit : FormKind.Closed;

        IEnumerable<Quantity> MergedQuantities()
        {
            var local = phase?.Quantities ?? [];
            return regime.Quantities.Where(q => !local.Any(l => l.Symbol == q.Symbol)).Concat(local);
        }

        void DefineImplicit(List<Symbol> unsolved, Dictionary<Expr, Expr> final)
        {
            if (unsolved.Count == 0) return;
            var defining = _pending.Where(e => unsolved.Any(u => e.Left.Contains(u) || e.Right.Contains(u))).Take(unsolved.Count).ToList();
            if (defining.Count < unsolved.Count)
                throw new DerivationException($"{regime.Span}: {Where}: {string.Join(", ", unsolved.Select(u => u.Name))} are not pinned down by the remaining conditions");
            var parameters = defining.SelectMany(e => e.Residual.FreeSymbols()).Distinct()
                .Where(s => !unsolved.Contains(s)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            for (int i = 0; i < unsolved.Count; i++)
            {
                var u = unsolved[i];
                var domain = regime.Unknowns.First(x => x.Symbol == u).Domain;
                var residual = context.Simplify(defining[i].Residual);
                // Named by regime and phase, so that quantities of several regimes can meet in one expression.
                var name = $"{u.Name}_{Key.Replace('-', '_').Replace('.', '_')}";
                var implicitUnknown = new ImplicitUnknown(u, name, parameters, residual, domain) { Condition = defining[i] };
                _implicitUnknowns.Add(implicitUnknown);
                if (unsolved.Count == 1) _implicits.Define(name, u, parameters, residual);
                // The call's arguments are symbols; known and carried ones take their values.
                final[u] = implicitUnknown.Call.Substitute(final, context.Oracle);
                _lastFailure.TryGetValue(u, out var reason);
                _steps.Add(new DerivationStep(
                    $"{u.Name} has no closed form ({reason ?? "no step isolates it"}): it stays implicit, the root of {defining[i].Label}",
                    defining[i].AsRelation(), null, [],
                    unsolved.Count == 1 ? $"derivatives of {u.Name} follow from the implicit function theorem" : "solved jointly with " + string.Join(", ", unsolved.Where(x => x != u).Select(x => x.Name))));
            }
        }
    }
}
