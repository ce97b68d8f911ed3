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
        var file = model.Regimes.FirstOrDefault()?.Span.File ?? model.Name;
        var key = file + "\n" + model.Text;
        return Derivations.GetOrAdd(key, _ => new Lazy<ModelDerivation>(() => Fresh(model, directory))).Value;
    }

    /// <summary>A derivation of its own (for a worker thread): read from the cache directory, or derived and stored there.</summary>
    public static ModelDerivation Fresh(ModelDocument model, string? directory)
    {
        if (directory is null) return ModelDeriver.Derive(model);
        if (DerivationFile.TryLoad(directory, model) is { } stored) return stored;
        var derived = ModelDeriver.Derive(model);
        DerivationFile.TrySave(directory, model, derived);
        return derived;
    }
}
