namespace Verify.Symbolic.Text;

/// <summary>A place in a text: 1-based line and column (a tab counts as one column).</summary>
public readonly record struct TextPosition
{
    public int Line { get; }
    public int Column { get; }

    public TextPosition(int line, int column)
    {
        if (line < 1) throw new ArgumentOutOfRangeException(nameof(line), line, "Lines are numbered from 1.");
        if (column < 1) throw new ArgumentOutOfRangeException(nameof(column), column, "Columns are numbered from 1.");
        Line = line; Column = column;
    }

    public static readonly TextPosition Start = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
