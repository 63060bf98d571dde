using System.Diagnostics;
using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// Real builds killed with SIGKILL at random moments, the later ones near the end where the new site is swapped in:
/// the output folder is afterwards always the previous site or the new one, whole, never missing or half-written;
/// and what the killed builds left beside it is cleared by the next build.
/// </summary>
public sealed class KilledBuildTests
{
    private const int Kills = 5;

    [Fact]
    public void A_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one_never_none()
    {
        using var site = new TempSite();
        Build(site);
        var old = Snapshot(site.Output);
        var clock = Stopwatch.StartNew();
        site.Edit("input/2024/activities/fuzhou.yml", "title: 举办福州市首届质量知识竞赛\n", "title: 举办福州市首届质量知识竞赛（决赛）\n");
        // The new site as a build that is not killed makes it, over a copy of the old one (calendars carry over).
        var reference = Path.Combine(site.Root, "reference");
        TempSite.CopyDirectory(site.Output, reference);
        Build(site, "--output", reference);
        var duration = clock.Elapsed;
        var @new = Snapshot(reference);
        Assert.NotEqual(old, @new);

        var random = new Random();
        var outcomes = new List<string>();
        for (var i = 0; i < Kills; i++)
        {
            // Spread over the whole build, then concentrated on its last part, where the swap happens.
            var delay = i == 0 ? duration * random.NextDouble() : duration * (0.6 + 0.5 * random.NextDouble());
            using var build = Command.Start("dotnet", site.Root, Generator.EnglishLocale, Generator.Dll, "build", "--root", site.Root);
            Thread.Sleep(delay);
            var finished = build.HasExited;
            if (!finished) build.KillTree();
            var now = Snapshot(site.Output);
            Assert.True(now.Count > 0, $"kill {i} after {delay.TotalSeconds:0.0} s left no output folder");
            var outcome = now.SequenceEqual(old) ? "old" : now.SequenceEqual(@new) ? "new" : null;
            Assert.True(outcome is not null,
                $"kill {i} after {delay.TotalSeconds:0.0} s left a site that is neither the old nor the new one: {Difference(now, old, @new)}");
            outcomes.Add($"{outcome}{(finished ? " (finished)" : "")}");
        }

        // The next build clears what the killed ones left beside the output folder, and keeps the site it retires as the spare.
        Build(site);
        Assert.Equal(@new, Snapshot(site.Output));
        Assert.Equal([site.PathOf(".output.spare")], Directory.GetFileSystemEntries(site.Root, ".output.*"));
        Console.WriteLine("killed builds left: " + string.Join(", ", outcomes));
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

    private static string Difference(SortedDictionary<string, string> now, SortedDictionary<string, string> old, SortedDictionary<string, string> @new) =>
        $"{now.Count} entries; not in the old site: {string.Join(", ", now.Except(old).Take(5).Select(e => e.Key))}; not in the new: {string.Join(", ", now.Except(@new).Take(5).Select(e => e.Key))}";
}
