using QualityMonth.Search;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Search;

/// <summary>
/// The search index is kept in <c>.cache/pagefind/</c> and reused while the pages are byte-identical: a rebuild with
/// nothing changed does not run Pagefind and publishes the same site, a changed page is indexed again.
/// </summary>
public class SearchIndexCacheTests
{
    private const string Notice = "input/2025/notices/provincial.md";

    [Fact]
    public void An_unchanged_site_reuses_its_index_and_a_changed_page_is_indexed_again()
    {
        using var site = new TempSite();
        var runs = site.PathOf("pagefind-runs.log");
        CountingPagefind(site, runs);
        var output = site.PathOf("site");
        string[] build = ["build", "--root", site.Root, "--output", output];

        Built(Generator.Run(build));
        Assert.Equal(1, Runs(runs));
        var cold = FolderSnapshot.Of(output);

        Built(Generator.Run(build));
        Assert.Equal(1, Runs(runs));
        Assert.Equal(cold, FolderSnapshot.Of(output));

        const string word = "缓存检验用语";
        site.Edit(Notice, "\n## ", $"\n{word}。\n\n## ");
        Built(Generator.Run(build));
        Assert.Equal(2, Runs(runs));
        // Pagefind separates the Chinese words it found with zero-width spaces.
        Assert.Contains(new PagefindBundle(output).Fragments("zh-hans"),
            fragment => fragment.Content.Replace("\u200b", "", StringComparison.Ordinal).Contains(word, StringComparison.Ordinal));

        // The index the cache gave is the one Pagefind makes without it.
        var warm = FolderSnapshot.Of(output);
        Built(Generator.Run(build));
        Assert.Equal(2, Runs(runs));
        Directory.Delete(site.PathOf(SearchIndexCache.CacheFolder), recursive: true);
        Built(Generator.Run(build));
        Assert.Equal(3, Runs(runs));
        Assert.Equal(warm, FolderSnapshot.Of(output));
    }

    private static void Built(Generator.Result result) => Assert.True(result.ExitCode == 0, result.All);

    /// <summary>How many times the site was indexed: the build runs one Pagefind per language (Chinese, English).</summary>
    private static int Runs(string log)
    {
        var runs = File.Exists(log) ? File.ReadAllLines(log).Length : 0;
        Assert.True(runs % RunsPerIndex == 0, $"{runs} Pagefind runs: not one per language for each indexing");
        return runs / RunsPerIndex;
    }

    private const int RunsPerIndex = 2;

    /// <summary>The real Pagefind behind a script in the site's node_modules (searched first) that counts its runs.</summary>
    private static void CountingPagefind(TempSite site, string log)
    {
        var real = PagefindBinary.Find(Repo.Root) ?? throw new InvalidOperationException("Pagefind is not installed (scripts/setup.sh)");
        var path = site.PathOf(Path.Combine("node_modules", PagefindBinary.PlatformPackage, "bin", PagefindBinary.ExecutableName));
        site.Write(Path.GetRelativePath(site.Root, path), $"#!/bin/sh\necho run >> '{log}'\nexec '{real}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
