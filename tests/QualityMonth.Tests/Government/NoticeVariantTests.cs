using QualityMonth.Model;
using QualityMonth.Render;
using QualityMonth.Routing;
using QualityMonth.Theme.Layout;
using static QualityMonth.Tests.Government.SourceFacts;

namespace QualityMonth.Tests.Government;

/// <summary>
/// Notice pages for metadata the real content does not have yet — a publication date and time, an index
/// number, a notice's own subject, a 网站标识码, a hostile title — rendered in process from the real content.
/// </summary>
public class NoticeVariantTests
{
    private static Site RealSite => ThemeRenderer.RealSite;

    private static Language Chinese => RealSite.Settings.Languages[0];

    private static Notice Provincial2024 => RealSite.FindNotice(2024, "provincial");

    /// <summary>The notice's page, from <paramref name="site"/> (the real one by default) with the notice in place of its namesake.</summary>
    private static Task<AngleSharp.Html.Dom.IHtmlDocument> Render(Notice notice, Site? site = null)
    {
        site ??= RealSite;
        var years = site.Years.Select(y => y.Year != notice.Year ? y : y with { Notices = [.. y.Notices.Select(n => n.Slug == notice.Slug ? notice : n)] });
        return ThemeRenderer.RenderAsync(site with { Years = [.. years] }, Routes.Notice(notice), Chinese, new NoticeSitePage(notice.Year, notice.Slug));
    }

    [Fact]
    public async Task A_publication_date_and_time_fill_the_table_pubdate_and_the_article()
    {
        var notice = Provincial2024 with
        {
            Published = new PublicationTime(new DateOnly(2024, 8, 20), new TimeOnly(16, 30)),
            IndexNumber = "FJ00100-0400-2024-00012",
            Subject = new LocalizedText("质量监督"),
        };
        var page = await Render(notice);

        var rows = page.QuerySelectorAll("table.document-meta tr").ToDictionary(r => Text(r.QuerySelector("th")!), r => Text(r.QuerySelector("td")!));
        Assert.Equal("FJ00100-0400-2024-00012", rows["索引号"]);
        Assert.Equal("质量监督", rows["主题分类"]);
        Assert.Equal("2024年8月20日 16:30", rows["发布日期"]);
        Assert.Equal("2024-08-20 16:30", Meta(page, "PubDate"));
        Assert.Equal("2024-08-20T16:30+08:00", Meta(page, "article:published_time"));

        var article = Assert.Single(OfType(page, "Article"));
        Assert.Equal("2024-08-20T16:30+08:00", article.GetProperty("datePublished").GetString());
        Assert.Equal("2024-08-14", article.GetProperty("dateCreated").GetString());
    }

    [Fact]
    public async Task A_publication_date_without_a_time_is_given_without_an_invented_time()
    {
        var page = await Render(Provincial2024 with { Published = new PublicationTime(new DateOnly(2024, 8, 20), null) });
        Assert.Equal("2024-08-20", Meta(page, "PubDate"));
        Assert.Equal("2024-08-20", Assert.Single(OfType(page, "Article")).GetProperty("datePublished").GetString());
        Assert.Contains("2024年8月20日", page.QuerySelectorAll("table.document-meta td").Select(Text));
    }

    [Fact]
    public async Task A_notice_without_any_date_has_no_pubdate_and_no_article_dates()
    {
        var page = await Render(Provincial2024 with { Date = null, Published = null });
        Assert.Null(Meta(page, "PubDate"));
        var article = Assert.Single(OfType(page, "Article"));
        Assert.False(article.TryGetProperty("dateCreated", out _));
        Assert.False(article.TryGetProperty("datePublished", out _));
    }

    [Fact]
    public async Task A_title_that_tries_to_close_the_script_stays_inside_the_json()
    {
        const string hostile = "通知</script><script>alert(1)</script><!-- & \"引号\"";
        var page = await Render(Provincial2024 with { Title = new LocalizedText(hostile) });

        // Besides the JSON-LD, the one inline script is the age-friendly mode's early line, the same on every page.
        var scripts = page.QuerySelectorAll("script:not([src])").Where(s => s.TextContent != PageShell.AgeFriendlyEarlyScript).ToList();
        Assert.All(scripts, s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Equal(2, scripts.Count);
        Assert.Equal(hostile, Assert.Single(OfType(page, "Article")).GetProperty("headline").GetString());
        Assert.DoesNotContain("</", scripts[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(hostile, Meta(page, "ArticleTitle"));
    }

    [Fact]
    public async Task A_site_id_code_in_the_settings_is_in_the_meta_tags_and_the_footer()
    {
        var settings = RealSite.Settings with { Footer = RealSite.Settings.Footer with { SiteIdCode = "3500000099" } };
        var page = await Render(Provincial2024, RealSite with { Settings = settings });
        Assert.Equal("3500000099", Meta(page, "SiteIDCode"));
        Assert.Contains("3500000099", page.QuerySelectorAll("footer .footer-items dd").Select(Text));
    }

    [Fact]
    public void A_slogans_share_image_is_named_by_its_year_and_number()
    {
        var slogan = RealSite.Years.First(y => y.Year == 2024).Slogans!.Slogans[2];
        Assert.Equal("/share/2024/slogan-3.png", Routes.SloganShareImage(slogan));
    }
}
