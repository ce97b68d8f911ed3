using Verify.Model.Language;

namespace Verify.Derivation.Tests.Support;

/// <summary>
/// The bundled model and its derivation, derived once for the whole test run: several test classes
/// read it, and each deriving it anew cost seconds apiece. Read only; a test that needs a
/// derivation of its own (hints, edits) derives it.
/// </summary>
public static class Bundled
{
    static readonly Lazy<ModelDocument> LazyModel = new(() => ModelLoader.LoadBundled());
    static readonly Lazy<ModelDerivation> LazyDerivation = new(() => ModelDeriver.Derive(LazyModel.Value));

    public static ModelDocument Model => LazyModel.Value;
    public static ModelDerivation Derivation => LazyDerivation.Value;
}
