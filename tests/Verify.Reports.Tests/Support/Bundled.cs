using Verify.Derivation;
using Verify.Model.Language;

namespace Verify.Reports.Tests.Support;

/// <summary>The bundled model derived once for the whole test run (deriving takes seconds).</summary>
public static class Bundled
{
    static readonly Lazy<ReportSources> LazySources = new(() => ReportSources.Bundled());
    static readonly Lazy<ModelDerivation> LazyDerivation = new(() => ModelDeriver.Derive(Sources.Model));

    public static ReportSources Sources => LazySources.Value;

    public static ModelDerivation Derivation => LazyDerivation.Value;

    public static string Text => Sources.Model.Text;

    /// <summary>The bundled model's text with each replacement applied; each must apply.</summary>
    public static ModelDocument Edited(params (string Find, string Replace)[] edits)
    {
        var text = Text;
        foreach (var (find, replace) in edits)
        {
            if (!text.Contains(find, StringComparison.Ordinal)) throw new ArgumentException($"the bundled model has no '{find}'");
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        return ModelLoader.LoadText(text, "edited.model");
    }
}
