using QualityMonth.Build;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Output;
using QualityMonth.PostProcess;
using QualityMonth.Render;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Pages;

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
        PageSpec Page(string path) => new(path, language, typeof(YearPage), new Dictionary<string, object?>(), null);
        string Html(string path) =>
            $"<!DOCTYPE html><html lang=\"zh-Hans\"><head><title>t</title></head><body><a href=\"/no-such-page/\">x</a><a href=\"#nowhere\">y</a><a href=\"{path}\">ok</a></body></html>";
        PageSpec[] pages = [Page("/test-a/"), Page("/test-b/")];

        var diagnostics = new DiagnosticBag();
        var finisher = new HtmlPostProcessor(site, pages, new SiteOutput());
        // Finished in reverse order, as parallel workers may: the report is still in page order.
        finisher.Finish(1, Html("/test-b/"));
        finisher.Finish(0, Html("/test-a/"));
        finisher.Report(diagnostics);

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
            missingPage.ToLine(MessageLanguage.English));
    }
}
