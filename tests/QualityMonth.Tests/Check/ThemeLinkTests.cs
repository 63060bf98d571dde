using QualityMonth.Build;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// A link the theme renders (not written in content) that leads nowhere: the step every build and check runs over
/// the rendered pages reports it once per template and address, at the template's file, with how many pages carry it.
/// The real theme has no broken link, so the pages here are made by the test, as a template with a typo would render them.
/// </summary>
public class ThemeLinkTests
{
    [Fact]
    public void A_broken_link_in_a_template_is_reported_once_at_the_template_with_its_pages()
    {
        var loading = new DiagnosticBag();
        var site = ContentLoader.Load(Repo.Root, loading) ?? throw new InvalidOperationException(string.Join('\n', loading.Sorted()));
        var language = site.Settings.DefaultLanguage;
        PageSpec Page(string path) => new(path, language, new YearSitePage(site.Settings.CurrentYear));
        // The links a page with two broken ones hands over as it is written.
        void Write(PageLinks links, int index, string path)
        {
            var recorder = links.Recorder(index);
            foreach (var url in new[] { "/no-such-page/", "#nowhere", path })
                recorder.Url(url, inContent: false);
            links.Finish(index, recorder, []);
        }
        PageSpec[] pages = [Page("/test-a/"), Page("/test-b/")];

        var diagnostics = new DiagnosticBag();
        var links = new PageLinks(site, pages, new SiteOutput());
        // Finished in reverse order, as parallel workers may: the report is still in page order.
        Write(links, 1, "/test-b/");
        Write(links, 0, "/test-a/");
        links.Report(diagnostics);

        var reported = diagnostics.Sorted();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.Equal("theme/Pages/YearPage.razor", d.File));
        Assert.All(reported, d => Assert.Equal("broken-link", d.Message.Code));
        Assert.True(File.Exists(Path.Combine(Repo.Root, reported[0].File)), "the reported template is not a file of the theme");
        var missingPage = Assert.Single(reported, d => d.Message.English.Contains("'/no-such-page/'"));
        Assert.Equal("broken link '/no-such-page/' rendered by the theme (YearPage) on 2 page(s), e.g. /test-a/: no page or file has this address", missingPage.Message.English);
        Assert.Contains("网站主题（YearPage）生成的链接“/no-such-page/”无效：没有这个地址的页面或文件（共 2 个页面，例如 /test-a/）", missingPage.Message.Chinese);
        var missingAnchor = Assert.Single(reported, d => d.Message.English.Contains("'#nowhere'"));
        Assert.Contains("no element has this id on the page", missingAnchor.Message.English);
        Assert.Equal("theme/Pages/YearPage.razor: error: broken link '/no-such-page/' rendered by the theme (YearPage) on 2 page(s), e.g. /test-a/: no page or file has this address [broken-link]",
            missingPage.ToLine(Locale.English));
    }
}
