namespace Verify.Symbolic.Numbers;

/// <summary>
/// What a delegate compiled with <c>reuseUnchanged</c> keeps between calls: the inputs of its last
/// completed call and the values it computed from them. A value whose inputs are bit for bit
/// those of the last completed call is read back instead of computed again (a sweep over phi
/// recomputes only what depends on phi; a root search only what depends on the unknown).
/// </summary>
/// <remarks>
/// Only the thread that first calls the delegate keeps values, and only in its outermost call: a
/// call from another thread, or one made while the delegate is already running (through a
/// function it calls), works on a fresh state and keeps nothing. A call that throws leaves the
/// state invalid, so values half-updated by a failed call are never read.
/// </remarks>
internal sealed class UnchangedInputs
{
    internal sealed class State(int inputs, int values)
    {
        public readonly double[] Last = new double[inputs];
        public readonly double[] Values = new double[values];
        /// <summary>Last holds the inputs of a completed call, and Values what it computed.</summary>
        public bool Valid = false;   // set by the compiled code
    }

    /// <summary>At most this many inputs: one bit each in a mask, and the last bit for "nothing kept yet" (a value that depends on no input is computed then).</summary>
    public const int MaxInputs = 63;

    public const ulong NothingKept = 1UL << 63;

    readonly State _kept;
    readonly int _inputs, _values;
    int _owner;
    bool _busy;

    internal UnchangedInputs(int inputs, int values)
    {
        _inputs = inputs;
        _values = values;
        _kept = new State(inputs, values);
    }

    internal State Take()
    {
        var thread = Environment.CurrentManagedThreadId;
        if (_owner != thread && Interlocked.CompareExchange(ref _owner, thread, 0) != 0) return new State(_inputs, _values);
        if (_busy) return new State(_inputs, _values);
        _busy = true;
        return _kept;
    }

    internal void Release(State state)
    {
        if (ReferenceEquals(state, _kept)) _busy = false;
    }
}
