namespace Verify.Derivation.Evaluation;

/// <summary>
/// A walk along one variable (the scan of a threshold's search), where most points solve the same
/// phase a little further on and, beyond the phase's end, every point fails. While a walk is open on
/// a thread, a joint implicit solve that comes right after a failed one (of the same solver, in the
/// walk) gives up after the domain's centre, without the random restarts (each failure had cost
/// every restart), and a single implicit root is scanned for on a coarser grid first (see
/// <see cref="ImplicitRoot"/>). A point asked again gets the answer it got first. The walk starts
/// empty, so what it finds is a function of the walk's points alone, not of what was solved before
/// it; the solvers' own caches are neither read nor written meanwhile.
/// </summary>
public sealed class WalkScope : IDisposable
{
    [ThreadStatic] static WalkScope? _current;
    readonly WalkScope? _outer;
    readonly Dictionary<object, Walked> _solvers = [];

    /// <summary>A solve in this walk: its solution (a root, or the values of a joint block), or why it failed.</summary>
    internal sealed record Step(object? Solution, NumericFailure? Failure)
    {
        public T Answer<T>() => Failure is null ? (T)Solution! : throw Failure;
    }

    /// <summary>What one solver was asked in this walk: every point (a point asked again gets the same answer, whatever came between) and whether the last solve failed.</summary>
    sealed class Walked
    {
        public readonly Dictionary<double[], Step> Points = new(ArgumentComparer.Instance);
        public bool LastFailed;
    }

    WalkScope()
    {
        _outer = _current;
        _current = this;
    }

    /// <summary>Opens a walk on this thread; disposing it closes it.</summary>
    public static WalkScope Open() => new();

    internal static WalkScope? Current => _current;

    /// <summary>The answer already given at these arguments, if any.</summary>
    internal Step? At(object solver, double[] arguments) =>
        _solvers.TryGetValue(solver, out var walked) && walked.Points.TryGetValue(arguments, out var step) ? step : null;

    /// <summary>Whether the solver's last solve in this walk failed (the next one then gets no restarts).</summary>
    internal bool LastFailed(object solver) => _solvers.TryGetValue(solver, out var walked) && walked.LastFailed;

    internal void Record(object solver, double[] arguments, Step step)
    {
        if (!_solvers.TryGetValue(solver, out var walked)) _solvers[solver] = walked = new();
        walked.Points[(double[])arguments.Clone()] = step;
        walked.LastFailed = step.Failure is not null;
    }

    sealed class ArgumentComparer : IEqualityComparer<double[]>
    {
        public static readonly ArgumentComparer Instance = new();
        public bool Equals(double[]? a, double[]? b) => a.AsSpan().SequenceEqual(b);
        public int GetHashCode(double[] a)
        {
            var h = new HashCode();
            foreach (var x in a) h.Add(x);
            return h.ToHashCode();
        }
    }

    public void Dispose() => _current = _outer;
}
