namespace Verify.Reports;

/// <summary>
/// Writes a report's files into a folder, each atomically (a temporary file in the same folder,
/// then a rename over the old one). Every file is rendered before the first is written, so a
/// failed run leaves the old report as it was. Figures of an earlier report that this one no
/// longer has are removed.
/// </summary>
public static class ReportWriter
{
    public const string FigureFolder = "figures";

    public static void Write(string folder, IReadOnlyList<ReportFile> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var f in files)
        {
            var path = Path.Combine(folder, f.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WriteAtomically(path, f.Bytes);
        }
        var figures = Path.Combine(folder, FigureFolder);
        if (!Directory.Exists(figures)) return;
        var keep = files.Select(f => Path.GetFullPath(Path.Combine(folder, f.Path))).ToHashSet();
        foreach (var old in Directory.EnumerateFiles(figures).Where(p => !keep.Contains(Path.GetFullPath(p))))
            File.Delete(old);
    }

    public static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }
}
