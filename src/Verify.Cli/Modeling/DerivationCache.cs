using System.Collections.Concurrent;
using Verify.Derivation;
using Verify.Derivation.Persistence;
using Verify.Model.Language;

namespace Verify.Cli.Modeling;

/// <summary>
/// Derivations, once per model per process and, across processes, from the cache directory
/// (<see cref="CacheLocation"/>): deriving takes seconds, reading a stored derivation milliseconds.
/// Keyed by the file name and text, since the steps quote source positions.
/// </summary>
static class DerivationCache
{
    static readonly ConcurrentDictionary<string, Lazy<ModelDerivation>> Derivations = new();

    /// <summary>The model's derivation, shared within this process (not to be used from two threads at once).</summary>
    public static ModelDerivation For(ModelDocument model, string? directory = null)
    {
        return Derivations.GetOrAdd(Key(model), _ => new Lazy<ModelDerivation>(() => Fresh(model, directory))).Value;
    }

    static string Key(ModelDocument model) => (model.Regimes.FirstOrDefault()?.Span.File ?? model.Name) + "\n" + model.Text;

    /// <summary>A derivation of its own (for a worker thread): read from the cache directory, or derived and stored there.</summary>
    public static ModelDerivation Fresh(ModelDocument model, string? directory)
    {
        if (directory is null) return ModelDeriver.Derive(model);
        var derivation = DerivationFile.TryLoad(directory, model);
        if (derivation is null)
        {
            derivation = ModelDeriver.Derive(model);
            DerivationFile.TrySave(directory, model, derivation);
        }
        // Its results are shown in the forms chosen in earlier runs, and new choices are kept (see SaveNotation).
        derivation.Context.Presenter.Memory = Notations.GetOrAdd(directory + "\n" + Key(model), _ => NotationStore.Open(directory, model));
        return derivation;
    }

    static readonly ConcurrentDictionary<string, NotationStore> Notations = new();

    /// <summary>Stores the forms chosen to show results since the derivations were read (choosing them is most of a report rendered again).</summary>
    public static void SaveNotation()
    {
        foreach (var store in Notations.Values) store.Save();
    }
}
