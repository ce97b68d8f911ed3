using System.Diagnostics;
using System.Globalization;
using Verify.Symbolic.Core;

namespace Verify.Proofs;

/// <summary>
/// The branch-and-bound loop: boxes are taken depth first from a stack (so the work list stays
/// short and the order is fixed: the same input gives the same result), judged, probed at the
/// centre for a counterexample, and split when still open. Limits: boxes examined, depth, time.
/// </summary>
internal sealed class BoxSearch(
    IReadOnlyList<Symbol> symbols, SignGoal goal, BoxJudge judge, CentreProbe probe, BoxSplitter splitter, ProofOptions options)
{
    readonly List<UndecidedBox> _named = [];
    long _examined, _proved, _pruned, _undecided;
    int _maxDepth;

    public ProofResult Run(SearchBox root)
    {
        var clock = Stopwatch.StartNew();
        var work = new Stack<SearchBox>();
        work.Push(root);
        string? stopReason = null;
        while (work.Count > 0)
        {
            if (_examined >= options.MaxBoxes)
            {
                stopReason = $"box budget of {BoxText.Count(options.MaxBoxes)} reached";
                break;
            }
            if (_examined >= options.MaxBoxesWithoutProgress && _proved + _pruned == 0)
            {
                stopReason = $"no box proved or pruned in the first {BoxText.Count(options.MaxBoxesWithoutProgress)}";
                break;
            }
            if (clock.Elapsed > options.TimeBudget)
            {
                stopReason = $"time budget of {options.TimeBudget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ran out";
                break;
            }

            var box = work.Pop();
            _examined++;
            _maxDepth = Math.Max(_maxDepth, box.Depth);
            switch (judge.Judge(box))
            {
                case BoxVerdict.Proved: _proved++; continue;
                case BoxVerdict.Pruned: _pruned++; continue;
            }
            if (probe.TryRefute(box, out var point, out var value))
                return Result(ProofOutcome.Counterexample, clock.Elapsed) with
                {
                    Counterexample = symbols.Select((s, i) => (s, point[i])).ToDictionary(p => p.s, p => p.Item2),
                    CounterexampleValue = value,
                };
            if (box.Depth >= options.MaxDepth) Undecided(box, $"depth limit of {options.MaxDepth} reached");
            else if (splitter.TrySplit(box, out var lower, out var upper))
            {
                work.Push(upper);
                work.Push(lower);
            }
            else Undecided(box, "too narrow to split");
        }
        if (stopReason is not null)
            foreach (var box in work) Undecided(box, stopReason);
        return Result(_undecided > 0 ? ProofOutcome.Undecided : ProofOutcome.Proved, clock.Elapsed) with { StopReason = stopReason };
    }

    void Undecided(SearchBox box, string reason)
    {
        _undecided++;
        if (_named.Count < options.MaxReportedBoxes) _named.Add(box.Describe(symbols, reason));
    }

    ProofResult Result(ProofOutcome outcome, TimeSpan elapsed) => new()
    {
        Outcome = outcome,
        Goal = goal,
        BoxesExamined = _examined,
        BoxesProved = _proved,
        BoxesPruned = _pruned,
        BoxesUndecided = _undecided,
        MaxDepth = _maxDepth,
        Elapsed = elapsed,
        UndecidedBoxes = outcome == ProofOutcome.Undecided ? [.. _named] : [],
    };
}
