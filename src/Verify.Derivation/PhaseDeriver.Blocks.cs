using Verify.Derivation.Solving;
using Verify.Derivation.Steps;
using Verify.Derivation.Structure;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

public sealed partial class PhaseDeriver
{
    sealed partial class Run
    {
        /// <summary>
        /// Takes the first block of the block-triangular order of the open conditions and solves it.
        /// Conditions are torn fewest-unknowns first; when that leaves part of the block implicit, the
        /// block is solved again most-unknowns first (eliminating through the richest conditions keeps
        /// the simplest one as the implicit residual) and the better outcome is kept: fewer implicit
        /// unknowns, then shorter forms. False only when there is no block (no condition names an open unknown).
        /// </summary>
        bool SolveFirstBlock()
        {
            var open = Open;
            var equations = _pending.Where(e => Unsolved(e).Count > 0).ToList();
            var blocks = BlockDecomposition.Decompose(Incidence(equations, open), open.Count);
            if (blocks.Count == 0) return false;
            var labels = blocks[0].Equations.Select(i => equations[i].Label).ToHashSet();
            var unknowns = blocks[0].Unknowns.Select(j => open[j]).ToList();

            var before = Save();
            var fewestFirst = SolveWithin(labels, unknowns, fewestFirst: true);
            if (fewestFirst.Implicit == 0 || unknowns.Count == 1) return true;
            var first = Save();
            Restore(before);
            var mostFirst = SolveWithin(labels, unknowns, fewestFirst: false);
            if (mostFirst.CompareTo(fewestFirst) >= 0) Restore(first);
            return true;
        }

        static List<IReadOnlyCollection<int>> Incidence(List<Equation> equations, List<Symbol> unknowns) =>
            [.. equations.Select(e => (IReadOnlyCollection<int>)unknowns.Select((u, j) => (u, j))
                .Where(x => e.Left.Contains(x.u) || e.Right.Contains(x.u)).Select(x => x.j).ToList())];

        /// <summary>
        /// Solves the block's unknowns from the block's conditions only, sub-block by sub-block;
        /// a sub-block nothing solves stays implicit. Returns how many unknowns stayed implicit and
        /// the number of side conditions taken without proof so far, and the size of what was derived.
        /// </summary>
        (int Implicit, int Unproved, int Size) SolveWithin(HashSet<string> labels, List<Symbol> unknowns, bool fewestFirst)
        {
            while (true)
            {
                var open = Open.Where(unknowns.Contains).ToList();
                var equations = _pending.Where(e => labels.Contains(e.Label) && Unsolved(e).Any(open.Contains)).ToList();
                if (open.Count == 0 || equations.Count == 0) break;
                var blocks = BlockDecomposition.Decompose(Incidence(equations, open), open.Count);
                if (blocks.Count == 0) break;
                var blockEquations = blocks[0].Equations.Select(i => equations[i]).ToList();
                var blockUnknowns = blocks[0].Unknowns.Select(j => open[j]).ToList();
                if (!SolveBlock(blockEquations, blockUnknowns, fewestFirst)) _deferred.Add(new ImplicitBlock(blockUnknowns, blockEquations));
            }
            // Unknowns of the block that its own conditions no longer pin down are left to the outer loop.
            if (Open.Any(unknowns.Contains)) return (int.MaxValue, int.MaxValue, int.MaxValue);
            var implicitCount = _deferred.Sum(b => b.Unknowns.Count(unknowns.Contains));
            var size = _solved.Where(x => unknowns.Contains(x.Unknown)).Sum(x => Simplifier.Size(x.Value))
                     + _deferred.Where(b => b.Unknowns.Any(unknowns.Contains)).Sum(b => b.Equations.Sum(e => Simplifier.Size(e.Residual)));
            return (implicitCount, _unprovedCount, size);
        }

        bool SolveBlock(List<Equation> equations, List<Symbol> unknowns, bool fewestFirst)
        {
            if (unknowns.Count > 1 && LinearInPowers(equations, unknowns) is { } atoms
                && SolveInAtoms(equations, atoms, unknowns, "") is null) return true;
            return Tear(equations, unknowns, solver, "", fewestFirst) || Tear(equations, unknowns, conditional, "?", fewestFirst);
        }

        /// <summary>The state solving changes, to try a block two ways.</summary>
        sealed record Snapshot(DerivationContext Context, DerivationStep[] Steps, Equation[] Pending, (Symbol, Expr)[] Solved, ImplicitBlock[] Deferred, Relation[] Existence, int Unproved);

        Snapshot Save() => new(context, [.. _steps], [.. _pending], [.. _solved], [.. _deferred], [.. _existence], _unprovedCount);

        void Restore(Snapshot s)
        {
            UseContext(s.Context);
            _unprovedCount = s.Unproved;
            Reset(_steps, s.Steps); Reset(_pending, s.Pending); Reset(_solved, s.Solved);
            Reset(_deferred, s.Deferred); Reset(_existence, s.Existence);
        }

        static void Reset<T>(List<T> list, T[] items) { list.Clear(); list.AddRange(items); }

        /// <summary>
        /// Solves one condition of the block for one of its unknowns: the conditions with fewest (or
        /// most) open unknowns first; within one, a linear solution first, then the unknown that fewest other
        /// conditions contain (it is the one this condition defines), then the shorter solution.
        /// </summary>
        bool Tear(List<Equation> equations, List<Symbol> unknowns, EquationSolver with, string mode, bool fewestFirst)
        {
            var ordered = fewestFirst ? equations.OrderBy(e => Unsolved(e).Count) : equations.OrderByDescending(e => Unsolved(e).Count);
            foreach (var e in ordered)
            {
                var candidates = new List<(Symbol Unknown, SolveOutcome Outcome)>();
                var (numerator, _) = Rationals.NumeratorDenominator(context.Together(e.Residual));
                // Unknowns the condition is linear in are tried first; if one solves, the others are not tried.
                var byLinearity = Unsolved(e).Where(unknowns.Contains).ToLookup(u => Solver.ExponentsOf(numerator, u, context.Oracle) is [Number { Value.IsOne: true }]);
                foreach (var group in new[] { byLinearity[true], byLinearity[false] })
                {
                    foreach (var u in group)
                        if (Solvable(numerator, u) && TrySolve(with, mode, e, u, out var outcome)) candidates.Add((u, outcome));
                    if (candidates.Count > 0) break;
                }
                if (candidates.Count == 0) continue;
                var best = candidates
                    .OrderBy(c => c.Outcome.Method.StartsWith("linear") ? 0 : 1)
                    .ThenBy(c => _pending.Count(p => p.Left.Contains(c.Unknown) || p.Right.Contains(c.Unknown)))
                    .ThenBy(c => Simplifier.Size(c.Outcome.Value!))
                    .First();
                Apply(e, best.Unknown, best.Outcome, "");
                return true;
            }
            return false;
        }

        /// <summary>
        /// False when the condition, over one denominator, has u with two or more exponents that are not
        /// p and 2p: no method isolates it (a quick refusal; an attempt would cost a failed solve).
        /// </summary>
        bool Solvable(Expr numerator, Symbol u) =>
            Solver.ExponentsOf(numerator, u, context.Oracle) is not { Count: >= 2 } exponents
            || (exponents.Count == 2 && (Expr.Mul(Expr.Num(2), exponents[0]).Equals(exponents[1]) || Expr.Mul(Expr.Num(2), exponents[1]).Equals(exponents[0])));

        /// <summary>
        /// The atoms u^p, one per unknown, when every condition of the block (denominators cleared)
        /// contains each unknown only through that one power; null otherwise. Whether the conditions
        /// are then linear in the atoms is Cramer's step's own check.
        /// </summary>
        List<Expr>? LinearInPowers(List<Equation> equations, List<Symbol> unknowns)
        {
            var exponents = unknowns.ToDictionary(u => u, _ => (Expr?)null);
            foreach (var e in equations)
            {
                var (numerator, _) = Rationals.NumeratorDenominator(context.Together(context.Simplify(e.Residual)));
                // A term with two of the unknowns (nw*aR^alpha, say) is not linear in any atoms of theirs.
                if (!Expansion.TryExpand(numerator, context.Oracle, 512, out var expanded)) return null;
                if ((expanded is Sum s ? s.Terms.AsEnumerable() : [expanded]).Any(t => unknowns.Count(t.Contains) > 1)) return null;
                foreach (var u in unknowns)
                {
                    var found = Solver.ExponentsOf(numerator, u, context.Oracle);
                    if (found is null || found.Count > 1) return null;
                    if (found.Count == 0) continue;
                    if (exponents[u] is { } known && !known.Equals(found[0])) return null;
                    exponents[u] = found[0];
                }
            }
            if (exponents.Values.Any(p => p is null || p.Equals(Expr.Zero))) return null;
            return unknowns.Select(u => exponents[u]!.Equals(Expr.One) ? u : Expr.Pow(u, exponents[u]!)).ToList();
        }
    }
}
