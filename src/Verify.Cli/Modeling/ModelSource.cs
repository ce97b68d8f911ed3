using Verify.Model.Language;

namespace Verify.Cli.Modeling;

/// <summary>The model a command works on: the file given with --model, or the bundled Baldwin-Okubo model.</summary>
static class ModelSource
{
    public static ModelDocument Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? ModelLoader.LoadBundled() : ModelLoader.Load(path);
}
