using System.Diagnostics;
using NUnit.Framework;
using Verify.Fuzz.Tests.Support;

namespace Verify.Fuzz.Tests;

/// <summary>
/// verify report --out DIR killed (SIGKILL) at random moments: every file of the previous report
/// stays whole (its old bytes or the complete new ones), and the next run removes the temporary
/// files the killed one left. The verify command runs as a child process, which is what is killed.
/// </summary>
public class KilledReportTests
{
    const int Kills = 4;
    const int Seed = 20140101;

    [Test]
    public void A_report_killed_at_any_moment_leaves_every_file_whole()
    {
        using var root = new TempFolder();
        // The previous report: the committed one with every file marked, so old and new bytes differ
        // (baseline.json stays as committed: --reuse-verdicts reads it).
        var previous = Path.Combine(root.Path, "previous");
        CopyFolder(Repository.Proofs, previous);
        foreach (var f in Directory.EnumerateFiles(previous, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "baseline.json"))
            File.AppendAllText(f, "\nprevious report\n");
        var old = Snapshot(previous);

        // The new report, written whole, and how long a run takes: the second run, as the killed ones, finds the
        // derivation and the chosen forms stored by the first, so a kill "anywhere" lands within a run.
        var complete = Path.Combine(root.Path, "complete");
        TimeSpan duration = default, writing = default;
        for (int run = 0; run < 2; run++)
        {
            if (Directory.Exists(complete)) Directory.Delete(complete, recursive: true);
            CopyFolder(previous, complete);
            var clock = Stopwatch.StartNew();
            using var p = ChildProcess.Start("report", "--out", complete, "--reuse-verdicts");
            var startedWriting = UntilWriting(p, complete);
            p.WaitForExit();
            Assert.That(p.ExitCode, Is.EqualTo(0), p.StandardError.ReadToEnd());
            (duration, writing) = (clock.Elapsed, clock.Elapsed - startedWriting);
        }
        var fresh = Snapshot(complete);
        TestContext.Out.WriteLine($"a whole run: {duration.TotalSeconds:F1} s, of which {writing.TotalSeconds:F2} s writing {fresh.Count} files");

        var random = new Random(Seed);
        var dir = Path.Combine(root.Path, "killed");
        var mixed = 0;
        for (int k = 0; k < Kills; k++)
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            CopyFolder(previous, dir);
            // Some kills anywhere in the run; most while the files are being written (once the first temporary file shows).
            var anywhere = k % 3 == 0;
            var delay = anywhere ? duration * random.NextDouble() : writing * (1.1 * random.NextDouble());
            using (var p = ChildProcess.Start("report", "--out", dir, "--reuse-verdicts"))
            {
                var watch = Stopwatch.StartNew();
                if (!anywhere) UntilWriting(p, dir);
                if (!p.WaitForExit(delay)) p.Kill(entireProcessTree: true);   // SIGKILL: no finally, no cleanup
                p.WaitForExit();
                delay = watch.Elapsed;
            }
            var now = Snapshot(dir);
            var news = 0;
            foreach (var (name, bytes) in old)
            {
                Assert.That(now.ContainsKey(name), $"kill {k} at {delay.TotalSeconds:F2} s: {name} is gone");
                var whole = now[name].AsSpan().SequenceEqual(bytes) || fresh.TryGetValue(name, out var n) && now[name].AsSpan().SequenceEqual(n);
                Assert.That(whole, $"kill {k} at {delay.TotalSeconds:F2} s: {name} is neither the old file nor the new one");
                if (!now[name].AsSpan().SequenceEqual(bytes)) news++;
            }
            foreach (var name in now.Keys.Where(n => !old.ContainsKey(n) && !IsTemporary(n)))
                Assert.That(fresh.ContainsKey(name) && now[name].AsSpan().SequenceEqual(fresh[name]), $"kill {k}: {name} is not a whole new file");
            if (news > 0 && news < old.Count - 1) mixed++;
            TestContext.Out.WriteLine($"kill {k} at {delay.TotalSeconds:F2} s: {news} of {old.Count} files new, {now.Keys.Count(IsTemporary)} temporary files left");
        }
        TestContext.Out.WriteLine($"{mixed} of {Kills} kills landed while the files were being written");

        // A leftover of the kind a kill leaves, for certain, then a whole run: no temporary file remains.
        File.WriteAllText(Path.Combine(dir, "figures", $".welfare.png.{Guid.NewGuid():N}.tmp"), "half a file");
        var (exit, output) = ChildProcess.Run(TimeSpan.FromMinutes(2), "report", "--out", dir, "--reuse-verdicts");
        Assert.That(exit, Is.EqualTo(0), output);
        var after = Snapshot(dir);
        Assert.That(after.Keys.Where(IsTemporary), Is.Empty, "the next run removes the temporary files");
        Assert.That(after.Keys, Is.EquivalentTo(fresh.Keys));
        foreach (var (name, bytes) in fresh) Assert.That(after[name].AsSpan().SequenceEqual(bytes), $"{name} is the new file");
    }

    /// <summary>Waits until the run's first temporary file appears in the folder (or the run ends); returns when, on the stopwatch of the caller's run.</summary>
    static TimeSpan UntilWriting(Process p, string folder)
    {
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && !Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories).Any()) Thread.Sleep(1);
        return clock.Elapsed;
    }

    static bool IsTemporary(string name) => Path.GetFileName(name).EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Every file under the folder by its relative path, with its bytes.</summary>
    static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
