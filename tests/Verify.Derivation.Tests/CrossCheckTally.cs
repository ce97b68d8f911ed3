using System.Diagnostics;
using NUnit.Framework;

namespace Verify.Derivation.Tests;

/// <summary>The outcomes of one regime's cross-check: counts, the worst agreement and where, every failure and disagreement.</summary>
sealed class CrossCheckTally(string regime)
{
    const int Examples = 3;
    readonly Stopwatch _clock = new();
    readonly List<CrossCheckOutcome> _rawFailures = [], _derivedFailures = [], _disagreements = [], _unpinnedExamples = [];
    readonly Dictionary<string, int> _phases = [], _unpinned = [];
    int _unpinnedPoints;
    double _worstBackward;

    public int Draws { get; private set; }
    public int Compared { get; private set; }
    public CrossCheckOutcome? Worst { get; private set; }
    public IReadOnlyList<CrossCheckOutcome> Disagreements => _disagreements;
    public int Failures => _rawFailures.Count + _derivedFailures.Count;

    /// <summary>
    /// Compares one point, timed. A disagreement does not stop the run: every draw is compared, the
    /// report lists them all, and the test asserts on the tally afterwards.
    /// </summary>
    public bool Record(Func<CrossCheckOutcome> compare)
    {
        _clock.Start();
        var outcome = compare();
        _clock.Stop();
        Draws++;
        if (outcome.RawFailure is not null) _rawFailures.Add(outcome);
        else if (outcome.DerivedFailure is not null) _derivedFailures.Add(outcome);
        else
        {
            Compared++;
            _phases[outcome.DerivedPhase!] = _phases.GetValueOrDefault(outcome.DerivedPhase!) + 1;
            if (!outcome.Agrees) _disagreements.Add(outcome);
            if (outcome.Unpinned.Count > 0 && _unpinnedPoints++ < Examples) _unpinnedExamples.Add(outcome);
            foreach (var name in outcome.Unpinned.Select(u => u.Split(' ')[0]))   // a value's name, or "phase"
                _unpinned[name] = _unpinned.GetValueOrDefault(name) + 1;
            if (!(outcome.BackwardResidual <= _worstBackward)) _worstBackward = outcome.BackwardResidual;
            if (Worst is null || !(outcome.WorstRelative <= Worst.WorstRelative)) Worst = outcome;
        }
        return true;
    }

    public void Print(CrossCheckComparison comparison)
    {
        var o = TestContext.Out;
        var perPoint = (TimeSpan t) => t.TotalMilliseconds / Math.Max(1, Draws);
        o.WriteLine($"{regime}: {Draws} draws, {Compared} compared, {_rawFailures.Count} raw failures, {_derivedFailures.Count} derivation failures, " +
                    $"{_disagreements.Count} disagreements; {perPoint(_clock.Elapsed):F2} ms per point " +
                    $"(first principles {perPoint(comparison.RawTime):F2} ms, derivation {perPoint(comparison.DerivedTime):F3} ms)");
        o.WriteLine($"  phases: {string.Join(", ", _phases.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}");
        if (Worst is not null)
            o.WriteLine($"  worst relative difference {Worst.WorstRelative:E2} in {Worst.WorstName} ({Worst.DerivedPhase}) at {Worst.Point}");
        o.WriteLine($"  largest residual the derived values leave in the conditions as written: {_worstBackward:E2}");
        o.WriteLine($"  a thorough raw search (restarts) ran at {comparison.ThoroughSearches} points; it found a root the quick one missed at {comparison.QuickMisses}");
        if (_unpinnedPoints > 0)
            o.WriteLine($"  not pinned to the tolerance by the conditions as written, at {_unpinnedPoints} points: " +
                        string.Join(", ", _unpinned.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var u in _unpinnedExamples) o.WriteLine($"    e.g. at {u.Point}: {string.Join("; ", u.Unpinned)}");
        foreach (var f in _rawFailures) o.WriteLine($"  raw failure at {f.Point}: {f.RawFailure}");
        foreach (var f in _derivedFailures) o.WriteLine($"  derivation failure at {f.Point}: {f.DerivedFailure}");
        foreach (var d in _disagreements) o.WriteLine($"  disagreement at {d.Point}: {string.Join("; ", d.Disagreements)}");
    }
}
