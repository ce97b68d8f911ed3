using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>A condition a rewrite relied on: <see cref="Expression"/> has a sign in <see cref="Sign"/>, asked for by <see cref="Rule"/>.</summary>
public sealed record SideCondition(string Rule, Expr Expression, SignSet Sign)
{
    public override string ToString() => $"{Rule} used {Expression} {Sign.Describe()}";
}

/// <summary>A sign oracle that keeps the side conditions it proved, so derivations can report them.</summary>
public interface ITracingOracle : ISignOracle
{
    /// <summary>Adds a condition proved elsewhere (by a wrapper oracle, say) to this oracle's trace.</summary>
    void Record(SideCondition condition);
}

/// <summary>
/// Collects the side conditions proved while it is open (each once, in order). Open one around a
/// derivation with <see cref="Assumptions.BeginTrace"/> and dispose it when done.
/// </summary>
public sealed class TraceScope : IDisposable
{
    readonly Action<TraceScope> _close;
    readonly List<SideCondition> _conditions = [];
    readonly HashSet<SideCondition> _seen = [];

    internal TraceScope(Action<TraceScope> close) { _close = close; }

    public IReadOnlyList<SideCondition> Conditions { get { lock (_conditions) return [.. _conditions]; } }

    internal void Add(SideCondition c) { lock (_conditions) if (_seen.Add(c)) _conditions.Add(c); }

    public void Dispose() => _close(this);
}
