using System.Reflection;

namespace Verify.Fuzz.Tests.Support;

/// <summary>Where the repository's files are: the folder recorded at build time, else found by walking up to Verify.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Proofs => Path.Combine(Root, "proofs");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    static string FindRoot()
    {
        var built = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && System.IO.File.Exists(Path.Combine(built, "Verify.sln"))) return Path.GetFullPath(built);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository (Verify.sln) above the test's folder");
    }
}
