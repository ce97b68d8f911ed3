namespace Verify.Reports;

/// <summary>
/// Writes a report's files into a folder, each atomically (a temporary file in the same folder,
/// flushed to disk, then a rename over the old one). Every file is rendered before the first is
/// written, so a failed run leaves the old report as it was, and a run killed at any moment leaves
/// each file whole: old or new. The temporary files such a killed run leaves behind are removed
/// by the next run. Figures of an earlier report that this one no longer has are removed.
/// </summary>
public static partial class ReportWriter
{
    public const string FigureFolder = "figures";

    public static void Write(string folder, IReadOnlyList<ReportFile> files)
    {
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder);
        RemoveLeftovers(Path.Combine(folder, FigureFolder));
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
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);   // the bytes are on disk before the rename makes them the file
            }
            File.Move(temp, path, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }

    /// <summary>The temporary files of a run that was killed before its renames (only names of the form WriteAtomically makes).</summary>
    static void RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var path in Directory.EnumerateFiles(folder, ".*.tmp").Where(p => TemporaryName().IsMatch(Path.GetFileName(p))))
            File.Delete(path);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial System.Text.RegularExpressions.Regex TemporaryName();
}
