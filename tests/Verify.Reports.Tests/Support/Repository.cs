namespace Verify.Reports.Tests.Support;

/// <summary>Where the repository's files are: found by walking up from the test's folder to Verify.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Proofs => Path.Combine(Root, "proofs");

    public static string Variant => Path.Combine(Root, "src", "Models", "variants", "separate-beachhead-costs.model");

    static string FindRoot()
    {
        var built = typeof(Repository).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Verify.sln"))) return Path.GetFullPath(built);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository (Verify.sln) above the test's folder");
    }
}
