namespace Verify.Model.Language;

/// <summary>
/// A model file that cannot be read or makes no sense. The message reads
/// "file:line:column: what is wrong", or "file: what is wrong" when no place applies (Line 0).
/// </summary>
public sealed class ModelException : Exception
{
    public string File { get; }
    public int Line { get; }
    public int Column { get; }

    /// <summary>The message without the "file:line:column: " prefix.</summary>
    public string Problem { get; }

    public ModelException(string file, int line, int column, string problem, Exception? inner = null)
        : base(line > 0 ? $"{file}:{line}:{column}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file; Line = line; Column = column; Problem = problem;
    }
}
