using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// Real builds killed with SIGKILL where it matters: the build runs under strace, which holds the swap that puts the
/// new site in place (any rename naming the output folder) once it has run, and the build is killed there. The output
/// folder is afterwards the previous site or the new one, whole, never missing or half-written; and what the killed
/// build left beside it is cleared by the next build.
/// </summary>
public sealed partial class KilledBuildTests
{
    /// <summary>How long strace holds the swap: ample for the test to see it and kill the build.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_build_killed_right_after_its_swap_leaves_the_old_site_or_the_new_one_never_none()
    {
        using var site = new TempSite();
        Build(site);
        var old = Snapshot(site.Output);
        site.Edit("input/2024/activities/fuzhou.yml", "title: 举办福州市首届质量知识竞赛\n", "title: 举办福州市首届质量知识竞赛（决赛）\n");
        // The new site as a build that is not killed makes it, over a copy of the old one (calendars carry over).
        var reference = Path.Combine(site.Root, "reference");
        TempSite.CopyDirectory(site.Output, reference);
        Build(site, "--output", reference);
        var @new = Snapshot(reference);
        Assert.NotEqual(old, @new);

        // -P: only renames naming the output folder are held; --seccomp-bpf: the build's other system calls run untraced.
        using var build = Command.Start("strace", site.Root, Generator.EnglishLocale,
            "--seccomp-bpf", "-f", "-qq", "-e", "signal=none", "-e", "trace=rename,renameat,renameat2",
            "-e", $"inject=rename,renameat,renameat2:delay_exit={(long)Hold.TotalMicroseconds}", "-P", site.Output,
            "--", "dotnet", Generator.Dll, "build", "--root", site.Root);
        await build.WaitForOutputAsync("(DELAYED)", TimeSpan.FromMinutes(5));
        // The staging folders are named after the build's process.
        var held = build.Output.Split('\n').First(l => l.Contains("(DELAYED)", StringComparison.Ordinal));
        using (var generator = System.Diagnostics.Process.GetProcessById(int.Parse(StagingProcess().Match(held).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
        {
            generator.Kill(entireProcessTree: true);
            // strace would not let the killed build go before the hold ran out: it is ended too, and the build gone,
            // before the output folder is looked at.
            build.KillTree();
            generator.WaitForExit();
        }

        Assert.True(Directory.Exists(site.Output), $"the build killed at '{held}' left no output folder");
        var now = Snapshot(site.Output);
        Assert.True(now.SequenceEqual(old) || now.SequenceEqual(@new),
            $"the build killed at '{held}' left a site that is neither the old nor the new one: {Difference(now, old, @new)}");

        // The next build clears what the killed one left beside the output folder, and keeps the site it retires as the spare.
        Build(site);
        Assert.Equal(@new, Snapshot(site.Output));
        Assert.Equal([site.PathOf(".output.spare")], Directory.GetFileSystemEntries(site.Root, ".output.*"));
    }

    [Fact]
    public void What_killed_builds_left_is_removed_and_a_site_moved_aside_is_put_back_even_when_the_build_fails()
    {
        using var site = new TempSite();
        Build(site);
        var published = FolderSnapshot.Of(site.Output);
        // As builds killed between the two renames of the fallback, and while writing, leave them (no process has
        // such a pid: Linux's largest is 4,194,304).
        Directory.Move(site.Output, site.PathOf(".output.old-999999999"));
        TempSite.CopyDirectory(site.PathOf(".output.old-999999999"), site.PathOf(".output.new-999999998"));
        Directory.CreateDirectory(site.PathOf(".output.new-999999997"));
        site.Edit("input/2024/activities/fuzhou.yml", "city: fuzhou", "city: fuzou");

        var failed = Generator.Run("build", "--root", site.Root);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("[unknown-city]", failed.Stderr);
        Assert.Equal(published, FolderSnapshot.Of(site.Output));
        Assert.Empty(Directory.GetFileSystemEntries(site.Root, ".output.*"));
    }

    [Fact]
    public void A_folder_named_like_a_staging_folder_that_the_generator_did_not_make_is_left_alone()
    {
        using var site = new TempSite();
        site.Write(".output.new-999999999/notes.txt", "someone's\n");
        Build(site);
        Assert.Equal("someone's\n", File.ReadAllText(site.PathOf(".output.new-999999999/notes.txt")));
    }

    private static void Build(TempSite site, params string[] args)
    {
        var result = Generator.Run(["build", "--root", site.Root, .. args]);
        Assert.True(result.ExitCode == 0, result.All);
    }

    /// <summary>The output's files, calendars by name only: a changed event is stamped with the time its build ran.</summary>
    private static SortedDictionary<string, string> Snapshot(string output) =>
        new(FolderSnapshot.Of(output).ToDictionary(e => e.Key, e => e.Key.EndsWith(".ics", StringComparison.Ordinal) ? "calendar" : e.Value), StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\.output\.(?:new|old)-([0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex StagingProcess();

    private static string Difference(SortedDictionary<string, string> now, SortedDictionary<string, string> old, SortedDictionary<string, string> @new) =>
        $"{now.Count} entries; not in the old site: {string.Join(", ", now.Except(old).Take(5).Select(e => e.Key))}; not in the new: {string.Join(", ", now.Except(@new).Take(5).Select(e => e.Key))}";
}
