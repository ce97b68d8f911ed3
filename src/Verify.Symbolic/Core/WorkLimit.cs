namespace Verify.Symbolic.Core;

/// <summary>
/// An input that would need more work than the suite allows: an expression that grows past
/// <see cref="WorkLimit.MaxSize"/> nodes once shared sub-trees are written out, or an expansion
/// with too many terms. A subclass of InvalidOperationException, which the callers that can go on
/// without the result (try another rewrite, leave a name implicit) already catch.
/// </summary>
public sealed class WorkLimitException(string message) : InvalidOperationException(message);

/// <summary>The bound on the size of expressions, so that hostile input ends with a clear error instead of minutes of work or running out of memory.</summary>
public static class WorkLimit
{
    /// <summary>
    /// Nodes of an expression written out as a tree. The bundled model's largest forms have a few
    /// thousand; a traversal of a million takes well under a second.
    /// </summary>
    public const long MaxSize = 1_000_000;

    /// <summary>Throws <see cref="WorkLimitException"/> when <paramref name="e"/> is larger than <see cref="MaxSize"/>; <paramref name="what"/> names it.</summary>
    public static Expr Check(Expr e, string what)
    {
        if (e.Size > MaxSize)
            throw new WorkLimitException($"{what} is too large to work with: it grows to more than {MaxSize:N0} nodes once written out (the limit)");
        return e;
    }
}
