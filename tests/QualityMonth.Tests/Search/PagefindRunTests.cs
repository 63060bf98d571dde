using QualityMonth.Search;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Search;

/// <summary>
/// How a build has Pagefind index the site: a run per language, the next started while the one before writes out its
/// index; and each language's index kept in <c>.cache/pagefind/</c> and reused while its pages are byte-identical.
/// </summary>
public class PagefindRunTests
{
    private const string Notice = "input/2025/notices/provincial.md";

    [Fact]
    public void The_Chinese_pages_are_read_while_Pagefind_writes_out_the_English_index()
    {
        using var site = new TempSite();
        var log = site.PathOf("pagefind-runs.log");
        // Each run's end is logged three seconds after Pagefind ended (ample on a loaded machine): the Chinese run is started
        // before that only when the build saw in the English run's log that its index was built, not when it waited for it to end.
        LoggingPagefind(site, log, after: "sleep 3; ");
        Built(Generator.Run(["build", "--root", site.Root, "--output", site.PathOf("site")]));

        // The English pages, fewer than the root's Chinese pages, first.
        Assert.Equal(["start en", "start zh", "end en", "end zh"], File.ReadAllLines(log).Select(line => $"{line.Split(' ')[0]} {Language(line)}"));
    }

    [Fact]
    public void An_unchanged_site_reuses_its_index_and_a_changed_page_is_indexed_again_in_its_language_only()
    {
        using var site = new TempSite();
        var runs = site.PathOf("pagefind-runs.log");
        LoggingPagefind(site, runs);
        var output = site.PathOf("site");
        string[] build = ["build", "--root", site.Root, "--output", output];

        Built(Generator.Run(build));
        Assert.Equal([English, Chinese], Runs(runs).Order());
        var cold = FolderSnapshot.Of(output);

        Built(Generator.Run(build));
        Assert.Empty(Runs(runs));
        Assert.Equal(cold, FolderSnapshot.Of(output));

        // Text only the Chinese page shows.
        const string word = "缓存检验用语";
        site.Edit(Notice, "\n## ", $"\n{word}。\n\n## ");
        Built(Generator.Run(build));
        Assert.Equal([Chinese], Runs(runs));
        // Pagefind separates the Chinese words it found with zero-width spaces.
        Assert.Contains(new PagefindBundle(output).Fragments("zh-hans"),
            fragment => fragment.Content.Replace("\u200b", "", StringComparison.Ordinal).Contains(word, StringComparison.Ordinal));

        // The index the cache gave is the one Pagefind makes without it.
        var warm = FolderSnapshot.Of(output);
        Built(Generator.Run(build));
        Assert.Empty(Runs(runs));
        Directory.Delete(site.PathOf(SearchIndexCache.CacheFolder), recursive: true);
        Built(Generator.Run(build));
        Assert.Equal([English, Chinese], Runs(runs).Order());
        Assert.Equal(warm, FolderSnapshot.Of(output));
    }

    private static void Built(Generator.Result result) => Assert.True(result.ExitCode == 0, result.All);

    private const string English = "en", Chinese = "zh";

    /// <summary>The languages Pagefind indexed since the last call, in the order the runs started.</summary>
    private static List<string> Runs(string log)
    {
        var runs = File.Exists(log) ? File.ReadAllLines(log) : [];
        File.Delete(log);
        return runs.Where(line => line.StartsWith("start ", StringComparison.Ordinal)).Select(Language).ToList();
    }

    /// <summary>The language of a run's pages, from its arguments: the English pages are in en/, the Chinese at the root.</summary>
    private static string Language(string arguments) => arguments.Contains("--glob en/**/*.html", StringComparison.Ordinal) ? English : Chinese;

    /// <summary>The real Pagefind behind a script in the site's node_modules (searched first) that logs when each run starts
    /// and ends, with its arguments, running <paramref name="after"/> between Pagefind's end and its own.</summary>
    private static void LoggingPagefind(TempSite site, string log, string after = "")
    {
        var real = PagefindBinary.Find(Repo.Root) ?? throw new InvalidOperationException("Pagefind is not installed (scripts/setup.sh)");
        var path = site.PathOf(Path.Combine("node_modules", PagefindBinary.PlatformPackage, "bin", PagefindBinary.ExecutableName));
        site.Write(Path.GetRelativePath(site.Root, path),
            $"#!/bin/sh\necho \"start $*\" >> '{log}'\n'{real}' \"$@\"\nstatus=$?\n{after}echo \"end $*\" >> '{log}'\nexit $status\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
