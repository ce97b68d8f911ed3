using System.Collections.Concurrent;
using Verify.Derivation;
using Verify.Model.Language;

namespace Verify.Cli.Modeling;

/// <summary>
/// One derivation per model per process: deriving takes seconds, and a process that runs several
/// commands (the tests, a future batch mode) should pay that once. Keyed by the file name and text,
/// since the steps quote source positions.
/// </summary>
static class DerivationCache
{
    static readonly ConcurrentDictionary<string, Lazy<ModelDerivation>> Derivations = new();

    public static ModelDerivation For(ModelDocument model)
    {
        var file = model.Regimes.FirstOrDefault()?.Span.File ?? model.Name;
        var key = file + "\n" + model.Text;
        return Derivations.GetOrAdd(key, _ => new Lazy<ModelDerivation>(() => ModelDeriver.Derive(model))).Value;
    }
}
