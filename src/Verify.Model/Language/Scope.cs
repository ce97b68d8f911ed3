namespace Verify.Model.Language;

/// <summary>
/// The names declared at one level (the file, a regime, a phase, a function's parameters), with
/// what each is and where. Declaring a name already visible from this level or an outer one is
/// an error, so a name means one thing wherever it is used.
/// </summary>
sealed class Scope(SourceText source, Scope? outer = null)
{
    // Names the math text gives a meaning of its own, or that end a math piece.
    static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "ln", "log", "exp", "sqrt", "abs", "max", "min", "diff", "integral", "latex",
        "erf", "tgamma", "digamma", "gammainc",
    };

    public static bool IsReserved(string name) => Reserved.Contains(name);

    public sealed record Entry(string Kind, int Offset);

    readonly Dictionary<string, Entry> _names = new(StringComparer.Ordinal);

    public void Declare(Name name, string kind)
    {
        if (Reserved.Contains(name.Text))
            throw source.Error(name.Offset, $"'{name.Text}' is reserved (a built-in function or keyword) and cannot name a {kind}");
        if (Find(name.Text) is { } old)
            throw source.Error(name.Offset,
                $"duplicate declaration of '{name.Text}': already declared as {Article(old.Kind)} at line {source.Position(old.Offset).Line}");
        _names[name.Text] = new Entry(kind, name.Offset);
    }

    public Entry? Find(string name) =>
        _names.TryGetValue(name, out var entry) ? entry : outer?.Find(name);

    /// <summary>Only the names declared at this level.</summary>
    public Entry? FindHere(string name) => _names.GetValueOrDefault(name);

    static string Article(string kind) => kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? $"an {kind}" : $"a {kind}";
}
