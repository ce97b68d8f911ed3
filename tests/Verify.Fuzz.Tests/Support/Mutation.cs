namespace Verify.Fuzz.Tests.Support;

/// <summary>The ways an input is damaged; each case applies a few of them in turn.</summary>
public enum MutationKind
{
    InsertToken,       // a token of the language (keyword, operator, bracket) or of the text itself
    DeleteToken,
    SwapTokens,
    ReplaceToken,      // by another token of the same text
    SwapLines,
    DeleteLine,
    DuplicateLines,    // a block of lines repeated (a regime or claim twice)
    MisplaceKeyword,   // a keyword of the language at the start of a line or inside a statement
    Truncate,          // cut at any byte, possibly inside a UTF-8 sequence
    InsertBytes,       // invalid UTF-8, NUL, a byte-order mark, control characters
    ExtremeNumber,     // a number replaced by a huge, tiny or very long one
    DeepNesting,       // a token wrapped in many parentheses, minus signs, powers or calls
}

/// <summary>
/// One damage: its kind and two draws that pick where and what. Plain integers, so FsCheck can
/// draw and shrink them and a failing case prints in a form that replays.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Where, int What)
{
    public override string ToString() => $"{Kind}({Where}, {What})";
}
