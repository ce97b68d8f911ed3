namespace Verify.Model.Language;

/// <summary>One statement of a model (or claims) file: the text from Start (its first character) to End (exclusive) of the clean text.</summary>
sealed record Statement(int Start, int End, string Keyword)
{
    /// <summary>The model language's statement keywords; a line starting with one of them never continues the previous statement.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "model", "title", "source", "parameter", "constraint", "derived", "variable", "density", "function",
        "regime", "carry", "fix", "unknown", "condition", "quantity", "hint", "threshold", "phase", "phases", "drop", "end",
        // dynamic regimes (docs/model-language.md, "Dynamic regimes")
        "dynamic", "start", "state", "law", "conditions", "dynamics", "hold",
    };
}
