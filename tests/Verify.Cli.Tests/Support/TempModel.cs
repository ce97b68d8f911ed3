using Verify.Model.Language;

namespace Verify.Cli.Tests.Support;

/// <summary>A model file written for one test and deleted after it.</summary>
public sealed class TempModel : IDisposable
{
    public string Path { get; }

    public TempModel(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"verify-cli-{Guid.NewGuid():N}.model");
        File.WriteAllText(Path, text);
    }

    /// <summary>The bundled model's text with one replacement, which must apply.</summary>
    public static TempModel BundledWith(string find, string replace)
    {
        var text = ModelLoader.LoadBundled().Text;
        if (!text.Contains(find, StringComparison.Ordinal)) throw new ArgumentException($"the bundled model has no '{find}'");
        return new TempModel(text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>A one-regime model that derives in a moment: q*c = p gives q = p/c.</summary>
    public const string Tiny = """
        model tiny
        parameter p : p > 0       "price"
        parameter c : 0 < c < 1   "unit cost"
        regime market "a one-line market"
          unknown q : q > 0       "quantity sold"
          condition supply : q*c = p
          quantity revenue = p*q  "revenue"
        end
        """;

    public void Dispose() => File.Delete(Path);
}
