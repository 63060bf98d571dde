using QualityMonth.Diagnostics;
using QualityMonth.Output;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// The limit on the pages and data files. Content within the other limits cannot reach it in a test's time, so the
/// check is given a site whose largest page is a sparse file of 300 MB (no disk space used): refused, with the folder
/// and the largest files named. (SiteEngine.Publish runs the check before it writes anything.)
/// </summary>
public sealed class OutputLimitTests
{
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
