using Verify.Derivation.Solving;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

public sealed partial class PhaseDeriver
{
    sealed partial class Run
    {
        List<Hint> _hints = [];
        int _nextHint;

        /// <summary>Carries out the next hint that applies; one that cannot be carried out is reported and skipped.</summary>
        bool NextHint()
        {
            while (_nextHint < _hints.Count)
            {
                var hint = _hints[_nextHint++];
                var why = TryHint(hint);
                if (why is null) return true;
                if (why.Length > 0)
                    _steps.Add(new DerivationStep($"hint at {hint.Span} skipped in {Where}: {why}", null, null, []));
            }
            return false;
        }

        /// <summary>Null when the hint was carried out; empty when it does not apply here; else why it failed.</summary>
        string? TryHint(Hint hint)
        {
            switch (hint)
            {
                case SolveHint { Conditions.Count: 1, Targets: [Symbol u] } h:
                {
                    var e = _pending.FirstOrDefault(p => p.Label == h.Conditions[0]);
                    if (e is null || !Unsolved(e).Contains(u)) return "";
                    if (!TrySolve(e, u, out var outcome) && !TrySolve(conditional, "?", e, u, out outcome))
                        return $"'solve {e.Label} for {u.Name}' fails: {outcome.Reason}";
                    Apply(e, u, outcome, $"hint at {h.Span}: ");
                    return null;
                }
                case SolveHint h:
                {
                    var equations = h.Conditions.Select(l => _pending.FirstOrDefault(p => p.Label == l)).ToList();
                    if (equations.Any(e => e is null)) return "";
                    var inner = h.Targets.Select(t => t.FreeSymbols().Where(s => Open.Contains(s)).ToList()).ToList();
                    if (inner.Any(i => i.Count != 1)) return "";
                    return SolveInAtoms(equations!, h.Targets, inner.Select(i => i[0]).ToList(), $"hint at {h.Span}: ");
                }
                case CombineHint h:
                {
                    var first = _pending.FirstOrDefault(p => p.Label == h.First);
                    var second = _pending.FirstOrDefault(p => p.Label == h.Second);
                    if (first is null || second is null) return "";
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
                    return null;
                }
            }
            return "";
        }

        /// <summary>
        /// Solves equations linear in atoms (powers of one unknown each) by Cramer's rule, then each
        /// atom for its unknown; null when done, else why not (nothing is applied then).
        /// </summary>
        string? SolveInAtoms(IReadOnlyList<Equation> equations, IReadOnlyList<Expr> atoms, IReadOnlyList<Symbol> unknowns, string prefix)
        {
            var (values, reason, conditions) = solver.SolveLinear(equations, atoms, unknowns);
            var unproved = new List<string>();
            if (values is null)
            {
                (values, var conditionalReason, conditions) = conditional.SolveLinear(equations, atoms, unknowns);
                if (values is null) return reason ?? conditionalReason;
            }
            var solutions = new List<(Equation Atom, Symbol Unknown, SolveOutcome Outcome)>();
            for (int i = 0; i < values.Count; i++)
            {
                var atomEquation = new Equation($"{equations[i].Label}'", atoms[i], values[i]);
                var outcome = solver.SolveAtom(atomEquation, unknowns[i]);
                if (!outcome.Success) outcome = conditional.SolveAtom(atomEquation, unknowns[i]);
                if (!outcome.Success) return $"cannot solve {atomEquation} for {unknowns[i].Name}: {outcome.Reason}";
                solutions.Add((atomEquation, unknowns[i], outcome));
            }
            _steps.Add(new DerivationStep(
                $"{prefix}{string.Join(" and ", equations.Select(e => e.Label))} are linear in {string.Join(", ", atoms)}; solve by Cramer's rule",
                null, null, conditions,
                string.Join("; ", atoms.Select((t, i) => $"{t} = {values[i]}"))));
            foreach (var e in equations) _pending.Remove(e);
            foreach (var (atom, u, outcome) in solutions)
            {
                _pending.Add(atom);
                Apply(atom, u, outcome, "");
            }
            return null;
        }
    }
}
