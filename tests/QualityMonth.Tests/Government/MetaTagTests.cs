using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Government.SourceFacts;

namespace QualityMonth.Tests.Government;

/// <summary>
/// The meta tags of the government-website page standard (site, section, article) and of link previews
/// (OpenGraph, Twitter), in the served HTML, on the real build.
/// </summary>
public class MetaTagTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void Every_page_names_the_site_and_its_domain_and_no_page_has_a_site_id_code_while_none_is_set()
    {
        Assert.Equal("", Settings.GetProperty("footer").GetProperty("siteIdCode").GetString());
        foreach (var path in PagesOf(site))
        {
            var page = site.Page(path);
            Assert.Equal(Setting(IsEnglish(path) ? "en" : "zh-Hans", "title"), Meta(page, "SiteName"));
            Assert.Equal("zly.example.gov.cn", Meta(page, "SiteDomain"));
            Assert.Null(Meta(page, "SiteIDCode"));
        }
        Assert.Contains("footer.siteIdCode is not set", site.BuildResult.All);
    }

    [Theory]
    [InlineData("index.html", "首页", "专题专栏")]
    [InlineData("2024/", "历年活动", "专题专栏")]
    [InlineData("2024/notices/provincial/", "通知公告", "通知公告")]
    [InlineData("2022/notices/national/", "通知公告", "通知公告")]
    [InlineData("2024/slogans/", "活动口号", "专题专栏")]
    [InlineData("slogans/", "活动口号", "专题专栏")]
    [InlineData("cities/", "各地活动", "专题专栏")]
    [InlineData("cities/fuzhou/", "各地活动", "专题专栏")]
    [InlineData("organisers/market-regulation/", "主办单位", "专题专栏")]
    [InlineData("press/", "新闻媒体", "专题专栏")]
    [InlineData("en/2024/notices/provincial/", "Notices", "通知公告")]
    [InlineData("en/cities/xiamen/", "Cities", "专题专栏")]
    [InlineData("en/press/", "Press", "专题专栏")]
    public void Each_page_kind_names_its_section(string path, string columnName, string columnType)
    {
        var page = site.Page(path);
        Assert.Equal(columnName, Meta(page, "ColumnName"));
        Assert.Equal(columnType, Meta(page, "ColumnType"));
    }

    [Fact]
    public void The_not_found_page_belongs_to_no_section_and_has_no_link_preview()
    {
        var page = site.Page("404.html");
        Assert.Null(Meta(page, "ColumnName"));
        Assert.Null(Meta(page, "og:url"));
        Assert.NotNull(Meta(page, "SiteName"));
    }

    [Theory, MemberData(nameof(NoticePages), MemberType = typeof(SourceFacts))]
    public void Notice_pages_carry_article_title_publication_date_and_source(string pagePath)
    {
        var notice = Notice(pagePath);
        var page = site.Page(pagePath);
        Assert.Equal(notice["title"], Meta(page, "ArticleTitle"));
        Assert.Equal(notice["issuer"], Meta(page, "ContentSource"));
        // No notice gives a publication date, so PubDate is the date written — or absent when that is 无.
        Assert.Equal(notice["published"] ?? (notice["date"] is "无" ? null : notice["date"]), Meta(page, "PubDate"));
        Assert.Equal(notice["title_en"] ?? notice["title"], Meta(site.Page("en/" + pagePath), "ArticleTitle"));
        Assert.Equal(notice["issuer_en"] ?? notice["issuer"], Meta(site.Page("en/" + pagePath), "ContentSource"));
    }

    [Fact]
    public void Only_notice_pages_carry_article_meta_tags()
    {
        var notices = Notices.SelectMany(n => new[] { n.PagePath + "index.html", "en/" + n.PagePath + "index.html" }).ToHashSet();
        foreach (var path in PagesOf(site).Where(p => !notices.Contains(p)))
            Assert.Null(Meta(site.Page(path), "ArticleTitle"));
    }

    [Fact]
    public void Every_page_but_the_not_found_page_has_a_complete_link_preview_with_the_site_share_card()
    {
        var noticePaths = Notices.Select(n => n.PagePath + "index.html").ToHashSet();
        foreach (var path in PagesOf(site).Where(p => !p.EndsWith("404.html", StringComparison.Ordinal)))
        {
            var page = site.Page(path);
            var english = IsEnglish(path);
            Assert.Equal(Canonical(page), Meta(page, "og:url"));
            Assert.StartsWith(Host + "/", Meta(page, "og:url"));
            Assert.Equal(Host + "/share/site.png", Meta(page, "og:image"));
            Assert.Equal("image/png", Meta(page, "og:image:type"));
            Assert.Equal("1200", Meta(page, "og:image:width"));
            Assert.Equal("630", Meta(page, "og:image:height"));
            Assert.False(string.IsNullOrWhiteSpace(Meta(page, "og:image:alt")));
            Assert.Equal(noticePaths.Contains(english ? path[3..] : path) ? "article" : "website", Meta(page, "og:type"));
            Assert.Equal(english ? "en_GB" : "zh_CN", Meta(page, "og:locale"));
            Assert.Equal(english ? "zh_CN" : "en_GB", Meta(page, "og:locale:alternate"));
            Assert.Equal(Setting(english ? "en" : "zh-Hans", "title"), Meta(page, "og:site_name"));
            Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
            Assert.False(string.IsNullOrWhiteSpace(Meta(page, "og:title")));
            var description = Meta(page, "og:description");
            Assert.False(string.IsNullOrWhiteSpace(description), $"{path} has no og:description");
            Assert.Equal(description, Meta(page, "description"));
            Assert.True(description!.Length <= 160, $"{path}: a description of {description.Length} characters");
        }
    }

    /// <summary>Where each notice's own text starts, after its addressees (主送) when it has them, read off the documents.</summary>
    [Theory]
    [InlineData("2018/notices/national/", "为促进质量强国建设，2018年9月国家市场监督管理总局联合相关部门")]
    [InlineData("2018/notices/provincial/", "现将《市场监管总局等关于开展2018年全国“质量月”活动的通知》")]
    [InlineData("2022/notices/national/", "落实党的十九大和十九届历次全会精神")]
    [InlineData("2022/notices/provincial/", "现将国家市场监督管理总局等21部门《关于开展2022年全国“质量月”活动的通知》")]
    [InlineData("2023/notices/yongan/", "根据省质量强省工作领导小组办公室《关于开展2023年福建省“质量月”活动的通知》")]
    [InlineData("2024/notices/provincial/", "为全面贯彻党的二十大和二十届二中、三中全会精神")]
    [InlineData("2025/notices/provincial/", "为深入贯彻落实《质量强国建设纲要》")]
    public void A_notice_is_summarised_by_the_first_sentence_of_its_text_not_by_its_addressees(string pagePath, string textStart)
    {
        var page = site.Page(pagePath);
        var description = Meta(page, "og:description")!;
        Assert.StartsWith(textStart, description);
        var paragraph = page.QuerySelectorAll("main .prose > p").Select(Text).First(p => p.StartsWith(textStart, StringComparison.Ordinal));
        // One sentence: up to the first full stop, or the whole paragraph when it has none, or cut with an ellipsis.
        var stop = paragraph.IndexOf('。');
        var sentence = stop < 0 ? paragraph : paragraph[..(stop + 1)];
        Assert.True(description == sentence || (description.EndsWith('…') && sentence.StartsWith(description.TrimEnd('…'), StringComparison.Ordinal)),
            $"'{description}' is not the sentence '{sentence}'");
        Assert.Equal(Meta(page, "ArticleTitle"), Meta(page, "og:title"));
    }

    [Fact]
    public void Year_slogan_and_host_pages_are_summarised_by_their_own_facts()
    {
        var theme2025 = "加强全面质量管理 促进质量强省建设";
        Assert.Contains(theme2025, Meta(site.Page("index.html"), "og:description"));
        Assert.Equal(Setting("zh-Hans", "title"), Meta(site.Page("index.html"), "og:title"));
        Assert.Contains("加强质量支撑 共建质量强省", Meta(site.Page("2024/"), "og:description"));
        Assert.Contains("实施质量强省战略 推进高质量发展", Meta(site.Page("2024/slogans/"), "og:description"));
        var yonganActivities = File.ReadAllLines(Path.Combine(Repo.Root, "input/2023/activities/yongan.yml")).Count(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal));
        Assert.Contains($"共{yonganActivities}项", Meta(site.Page("cities/yongan/"), "og:description"));
        Assert.Contains("Xiamen", Meta(site.Page("en/cities/"), "og:description"));
    }

    [Fact]
    public void The_footer_items_of_the_settings_are_on_every_page_in_its_language()
    {
        foreach (var path in PagesOf(site))
        {
            var language = IsEnglish(path) ? "en" : "zh-Hans";
            var footer = site.Page(path).QuerySelector("footer.site-footer");
            Assert.NotNull(footer);
            var items = footer.QuerySelectorAll(".footer-items dd").Select(Text).ToList();
            Assert.Contains(Setting(language, "footer", "sponsor"), items);
            Assert.Contains(Setting(language, "footer", "contact"), items);
            Assert.Equal(IsEnglish(path) ? "/en/press/" : "/press/", footer.QuerySelector(".footer-links a")!.GetAttribute("href"));
        }
    }
}

/// <summary>Under a portal's sub-path, link previews and structured data still give absolute URLs that carry it.</summary>
public class SubPathShareTests(BuiltSiteUnderSubPath site) : IClassFixture<BuiltSiteUnderSubPath>
{
    private const string Mounted = Host + BuiltSiteUnderSubPath.BasePath;

    [Theory]
    [InlineData("index.html", "/")]
    [InlineData("2024/notices/provincial/", "/2024/notices/provincial/")]
    [InlineData("en/press/", "/en/press/")]
    public void The_share_image_and_page_urls_are_absolute_under_the_base_path(string path, string sitePath)
    {
        var page = site.Page(path);
        Assert.Equal(Mounted + "/share/site.png", Meta(page, "og:image"));
        Assert.Equal(Mounted + sitePath, Meta(page, "og:url"));
        var organisation = Assert.Single(OfType(page, "GovernmentOrganization"));
        Assert.StartsWith(Mounted + "/", organisation.GetProperty("url").GetString());
    }

    [Fact]
    public void Articles_and_events_link_under_the_base_path()
    {
        var article = Assert.Single(OfType(site.Page("2024/notices/provincial/"), "Article"));
        Assert.Equal(Mounted + "/2024/notices/provincial/", article.GetProperty("url").GetString());
        Assert.Equal(Mounted + "/share/site.png", article.GetProperty("image").GetString());
        foreach (var item in OfType(site.Page("organisers/market-regulation/"), "Event"))
        {
            Assert.StartsWith(Mounted + "/activities/", item.GetProperty("url").GetString());
            if (item.TryGetProperty("image", out var images))
                Assert.All(images.EnumerateArray(), i => Assert.StartsWith(Mounted + "/photos/", i.GetString()));
        }
    }
}
