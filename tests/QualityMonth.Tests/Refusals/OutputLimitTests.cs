using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Output;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// The limit on the pages and data files. Content within the other limits reaches it only by rendering hundreds of
/// megabytes, too slow for a test, so the sites here cross it with sparse files (no disk space used): refused, with
/// the folder and the largest files named, before anything is written.
/// </summary>
public sealed class OutputLimitTests
{
    [Fact]
    public void A_build_over_the_limit_is_refused_and_the_previous_output_is_left_as_it_was()
    {
        using var site = new TempSite();
        var first = Generator.Run("build", "--root", site.Root);
        Assert.True(first.ExitCode == 0, first.All);
        var published = FolderSnapshot.Of(site.Output);
        // Theme files at their size limit, as many as take the site over 256 MB with its pages (sparse: no disk space used).
        for (var i = 1; i <= 17; i++)
            using (var file = File.Create(site.PathOf($"theme/assets/clip-{i:00}.mp4"))) file.SetLength(ContentLimits.MaxThemeFileBytes);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Generator.Run("build", "--root", site.Root);

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the build took {clock.Elapsed}");
        Assert.True(result.ExitCode == 1, result.All);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith($"{site.Output}: error: ", StringComparison.Ordinal));
        Assert.Matches(@"^\S+: error: the site's pages and data files come to 2[6-9]\d MB, over the limit of 256 MB \(photos aside\), so nothing was written", error);
        Assert.Matches(@"the largest files: assets/clip-[0-9]{2}\.[0-9a-f]{10}\.mp4 \(16384 KB\), ", error);
        Assert.EndsWith("[output-too-large]", error);
        Assert.DoesNotContain("   at ", result.All);
        Assert.Equal(published, FolderSnapshot.Of(site.Output));
    }

    [Fact]
    public void Pages_over_256_mb_are_refused_naming_the_largest_and_photos_do_not_count()
    {
        using var site = new TempSite();
        var big = site.PathOf("big.html");
        using (var file = File.Create(big)) file.SetLength(300L * 1024 * 1024);
        var output = new SiteOutput();
        output.Add("index.html", "<p>ok</p>");
        output.AddFile("photos/huge.jpg", big);
        var diagnostics = new DiagnosticBag();
        Assert.True(OutputLimit.Check(output, site.Output, diagnostics));
        Assert.Equal(0, diagnostics.Count);

        output.AddFile("2024/index.html", big);
        Assert.False(OutputLimit.Check(output, site.Output, diagnostics));

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal((site.Output, 0, "output-too-large"), (error.File, error.Line, error.Message.Code));
        Assert.StartsWith("the site's pages and data files come to 300 MB, over the limit of 256 MB (photos aside), so nothing was written", error.Message.English);
        Assert.Contains("the largest files: 2024/index.html (307200 KB), index.html (0 KB)", error.Message.English);
    }
}
