using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;
using Verify.Symbolic.Text;

namespace Verify.Derivation.Persistence;

/// <summary>
/// The forms the model's <see cref="Presenter"/> chose, kept between runs beside the stored derivations, one file
/// per model and engine (<see cref="Open"/>): choosing how a derived form is shown (the paper's notation written
/// back, the shortest layout) simplifies every candidate and took two thirds of a report rendered again. Keyed by
/// the expression's exact tree; a file that does not read whole is ignored and written afresh.
/// </summary>
public sealed class NotationStore : IPresentationMemory
{
    const string Magic = "VERIFY-NOTATION-1";
    readonly ConcurrentDictionary<string, Form> _forms = new(StringComparer.Ordinal);
    readonly string? _path;
    readonly string _header;
    int _added;

    NotationStore(string? path, string header) { _path = path; _header = header; }

    /// <summary>A store kept in memory only.</summary>
    public static NotationStore InMemory() => new(null, Magic);

    /// <summary>The store of this model in <paramref name="directory"/> (in memory only when null).</summary>
    public static NotationStore Open(string? directory, ModelDocument model)
    {
        if (directory is null) return InMemory();
        var key = Convert.ToHexStringLower(DerivationFile.Key(model));
        var store = new NotationStore(Path.Combine(directory, key + ".notation"), $"{Magic} {key}");
        store.Read();
        return store;
    }

    public Form? Recall(Expr e) => _forms.TryGetValue(KeyOf(e), out var form) ? form : null;

    public void Remember(Expr e, Form form)
    {
        if (_forms.TryAdd(KeyOf(e), form)) Interlocked.Increment(ref _added);
    }

    /// <summary>Writes the store when forms were added since it was read or last written.</summary>
    public void Save()
    {
        // Only when forms were added since the last save: a command saves every store it opened.
        if (_path is null || Interlocked.Exchange(ref _added, 0) == 0) return;
        StoreFile.Write(_path, _header, _forms.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new[] { p.Key, Convert.ToBase64String(FormCodec.Encode(p.Value)) }));
    }

    void Read()
    {
        if (StoreFile.Read(_path!, _header, fields: 2) is not { } entries) return;
        var read = new List<(string, Form)>(entries.Count);
        try
        {
            foreach (var entry in entries) read.Add((entry[0], FormCodec.Decode(Convert.FromBase64String(entry[1]))));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException) { return; }
        foreach (var (key, form) in read) _forms[key] = form;
    }

    static string KeyOf(Expr e)
    {
        using var stream = new MemoryStream();
        using (var output = new BinaryWriter(stream)) new ExprCodec.Writer(output).Write(e);
        return Convert.ToBase64String(SHA256.HashData(stream.ToArray()));
    }
}
