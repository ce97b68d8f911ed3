using Verify.Derivation.Results;
using Verify.Derivation.Solving;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Calculus;
using Algebra = Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

/// <summary>
/// Derives one regime in one phase from its primitive conditions. The order of work: (1) any
/// condition left with a single unknown is solved for it; (2) otherwise the next hint of the model
/// file is carried out (hints are advice: one that cannot be carried out is reported and skipped);
/// (3) otherwise the structure decides (<see cref="Structure.BlockDecomposition"/>): the first block
/// of the block-triangular order is solved, as a system linear in powers of its unknowns or by
/// solving one of its conditions for one of its unknowns; a block nothing solves stays implicit and
/// the blocks after it are solved in terms of it. A side condition the oracle cannot prove does not
/// block a closed form: a non-zero one is stated, a positive one becomes a condition of the phase's
/// existence. Every solution is substituted back into every primitive condition afterwards (see
/// <see cref="ConditionVerifier"/>).
/// </summary>
public sealed partial class PhaseDeriver(DerivationContext context, IReadOnlyDictionary<string, RegimeDerivation> earlier)
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

    sealed partial class Run(DerivationContext baseContext, Regime regime, Phase? phase)
    {
        DerivationContext context = baseContext;
        EquationSolver solver = new(baseContext);
        EquationSolver conditional = new EquationSolver(baseContext).Conditional();
        readonly List<DerivationStep> _steps = [];
        readonly Dictionary<Expr, Expr> _known = [];
        // Carried values stay symbols while solving (with their source's domains) and are substituted at the end.
        readonly Dictionary<Expr, Expr> _carried = [];
        readonly List<Relation> _carriedDomain = [];
        readonly Dictionary<Symbol, DerivedValue> _values = [];
        readonly List<Equation> _conditions = [];
        readonly List<Equation> _pending = [];
        readonly List<(Symbol Unknown, Expr Value)> _solved = [];
        // Solves that failed (mode, condition and unknown), with the reason.
        readonly Dictionary<string, string> _failedAttempts = [];
        readonly Dictionary<Symbol, string?> _lastFailure = [];
        ImplicitFunctions _implicits = new(baseContext.Oracle);
        readonly List<ImplicitUnknown> _implicitUnknowns = [];
        List<Symbol> _unknowns = [];

        // Blocks no step could solve, in solving order: their unknowns stay implicit.
        readonly List<ImplicitBlock> _deferred = [];
        // Conditions of existence found while solving (a root exists only where a value is positive).
        readonly List<Relation> _existence = [];
        // Side conditions taken without proof: a way of solving a block that needs fewer is better.
        int _unprovedCount;

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
                    // An implicit value comes with the implicit functions it calls, root-found before this phase's own.
                    if (v.Kind != FormKind.Closed) ImportImplicits(from);
                    _values[name] = new DerivedValue(name, v.Value, v.Kind, $"carried from {carry.FromRegime}", v.Latex, v.Description);
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

        // Implicit functions of earlier regimes that carried values call; they come first in solving order.
        readonly List<ImplicitUnknown> _imported = [];

        void ImportImplicits(PhaseDerivation from)
        {
            foreach (var u in from.ImplicitUnknowns)
                if (_imported.All(i => i.FunctionName != u.FunctionName)) _imported.Add(u);
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
                UseContext(context.With(assumed.Concat(facts)));
                _steps.Add(new DerivationStep($"assume, in {Where}: {string.Join(", ", assumed.Concat(facts))}", null, null, []));
            }
            if (_pending.Count < _unknowns.Count)
                throw new DerivationException($"{regime.Span}: {Where} has {_unknowns.Count} unknowns but {_pending.Count} conditions");
        }

        void UseContext(DerivationContext next)
        {
            context = next;
            solver = new EquationSolver(context);
            conditional = solver.Conditional();
        }

        bool IsSolved(Symbol u) => _solved.Any(s => s.Unknown == u);
        bool IsDeferred(Symbol u) => _deferred.Any(b => b.Unknowns.Contains(u));

        /// <summary>Unknowns neither solved nor left implicit.</summary>
        List<Symbol> Open => _unknowns.Where(u => !IsSolved(u) && !IsDeferred(u)).ToList();

        /// <summary>The open unknowns of one condition.</summary>
        List<Symbol> Unsolved(Equation e) => Open.Where(u => e.Left.Contains(u) || e.Right.Contains(u)).ToList();

        public void Solve()
        {
            while (_pending.Count > 0 && Open.Count > 0)
            {
                if (SolveSingle() || NextHint() || SolveFirstBlock()) continue;
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

        bool TrySolve(Equation e, Symbol u, out SolveOutcome outcome) => TrySolve(solver, "", e, u, out outcome);

        bool TrySolve(EquationSolver with, string mode, Equation e, Symbol u, out SolveOutcome outcome)
        {
            var key = $"{e}|{u.Name}";
            outcome = SolveOutcome.Failed("");
            if (_failedAttempts.ContainsKey(mode + key)) return false;
            // A conditional solve can only get past a side condition that was not proved; a failure for
            // want of a method (two exponents of the unknown, say) would fail again, at a cost.
            if (mode.Length > 0 && _failedAttempts.TryGetValue(key, out var why) && !why.Contains("prove", StringComparison.Ordinal)) return false;
            outcome = with.Solve(e, u);
            if (!outcome.Success) { _failedAttempts[mode + key] = outcome.Reason ?? ""; _lastFailure[u] = outcome.Reason; }
            return outcome.Success;
        }

        void Apply(Equation e, Symbol u, SolveOutcome outcome, string prefix)
        {
            var value = outcome.Value!;
            _steps.Add(new DerivationStep($"{prefix}solve {e.Label} for {u.Name}: {outcome.Method}",
                e.AsRelation(), new Relation(u, RelationOperator.Equal, value), [.. outcome.Conditions, .. TakeUnproved(outcome.Unproved)]));
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
                if (!_pending[i].Left.Contains(u) && !_pending[i].Right.Contains(u)) continue;
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
            // Whatever is still open when the conditions run out is one last block, if they pin it down.
            var left = Open;
            if (left.Count > 0)
            {
                var defining = _pending.Where(e => Unsolved(e).Count > 0).Take(left.Count).ToList();
                if (defining.Count < left.Count)
                    throw new DerivationException($"{regime.Span}: {Where}: {string.Join(", ", left.Select(u => u.Name))} are not pinned down by the remaining conditions");
                _deferred.Add(new ImplicitBlock(left, defining));
            }
            var unsolved = _deferred.SelectMany(b => b.Unknowns).ToList();
            _implicits = new ImplicitFunctions(new ImplicitSigns(context.Oracle, _implicitUnknowns)) { DeferUnprovedSlopes = true };
            var final = new Dictionary<Expr, Expr>(_known);
            foreach (var (k, v) in _carried) final[k] = v;
            foreach (var u in _imported)
            {
                _implicitUnknowns.Add(u);
                if (_imported.Count(i => i.Block == u.Block) == 1) _implicits.Define(u.FunctionName, u.Unknown, u.Parameters, u.Residual);
            }
            var firstOwnBlock = _imported.Count == 0 ? 0 : _imported.Max(i => i.Block) + 1;
            for (int b = 0; b < _deferred.Count; b++) DefineImplicit(_deferred[b], firstOwnBlock + b, final);

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
                ImplicitUnknowns = _implicitUnknowns, Implicits = _implicits, Existence = _existence,
            };
        }

        FormKind KindOf(Expr v) =>
            _implicitUnknowns.Any(i => v.Any(n => n is Call c && c.Name == i.FunctionName)) ? FormKind.Implicit : FormKind.Closed;

        IEnumerable<Quantity> MergedQuantities()
        {
            var local = phase?.Quantities ?? [];
            return regime.Quantities.Where(q => !local.Any(l => l.Symbol == q.Symbol)).Concat(local);
        }

        /// <summary>
        /// The unknowns of one block with no closed form become implicit functions of the symbols
        /// their conditions and domains name; an earlier block's unknowns among those symbols are
        /// calls of its functions by then, so blocks are root-found in order.
        /// </summary>
        void DefineImplicit(ImplicitBlock block, int index, Dictionary<Expr, Expr> final)
        {
            var unsolved = block.Unknowns;
            var domains = unsolved.ToDictionary(u => u, u => (IReadOnlyList<Relation>)regime.Unknowns.First(x => x.Symbol == u).Domain);
            var named = block.Equations.SelectMany(e => e.Residual.FreeSymbols())
                .Concat(domains.Values.SelectMany(d => d.SelectMany(r => r.Left.FreeSymbols().Concat(r.Right.FreeSymbols()))));
            var parameters = named.Distinct().Where(s => !unsolved.Contains(s)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            for (int i = 0; i < unsolved.Count; i++)
            {
                var u = unsolved[i];
                var residual = context.Simplify(block.Equations[i].Residual);
                // Named by regime and phase, so that quantities of several regimes can meet in one expression.
                var name = $"{u.Name}_{Key.Replace('-', '_').Replace('.', '_')}";
                var implicitUnknown = new ImplicitUnknown(u, name, parameters, residual, domains[u]) { Condition = block.Equations[i], Block = index };
                _implicitUnknowns.Add(implicitUnknown);
                if (unsolved.Count == 1) _implicits.Define(name, u, parameters, residual);
                // The call's arguments are symbols; known, carried and earlier implicit ones take their values.
                final[u] = implicitUnknown.Call.Substitute(final, context.Oracle);
                _lastFailure.TryGetValue(u, out var reason);
                _steps.Add(new DerivationStep(
                    $"{u.Name} has no closed form ({reason ?? "no step isolates it"}): it stays implicit, the root of {block.Equations[i].Label}",
                    block.Equations[i].AsRelation(), null, [],
                    unsolved.Count == 1 ? $"derivatives of {u.Name} follow from the implicit function theorem" : "solved jointly with " + string.Join(", ", unsolved.Where(x => x != u).Select(x => x.Name))));
            }
        }

        /// <summary>The unproved side conditions of a solution, written down: existence ones join the phase's conditions.</summary>
        List<string> TakeUnproved(IReadOnlyList<SideCondition> unproved)
        {
            var written = new List<string>();
            var existence = new List<Relation>();
            _unprovedCount += unproved.Count;
            foreach (var c in unproved)
            {
                if (c.Sign == SignSet.Positive)
                {
                    var relation = new Relation(c.Expression, RelationOperator.Greater, Expr.Zero);
                    if (!_existence.Contains(relation)) { _existence.Add(relation); existence.Add(relation); }
                    written.Add($"exists only where {c.Expression} > 0 (not proved; {c.Rule}): a condition of this phase");
                }
                else written.Add($"only if {c.Expression} {c.Sign.Describe()} (not proved; {c.Rule})");
            }
            if (existence.Count > 0) UseContext(context.With(existence));
            return written;
        }
    }

    /// <summary>Unknowns left implicit together, with the conditions that define them (one each, in order).</summary>
    sealed record ImplicitBlock(List<Symbol> Unknowns, List<Equation> Equations);
}
