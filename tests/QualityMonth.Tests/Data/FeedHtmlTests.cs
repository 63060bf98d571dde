using AngleSharp.Html.Parser;
using QualityMonth.Config;
using QualityMonth.Feeds;
using QualityMonth.Model;

namespace QualityMonth.Tests.Data;

/// <summary>A notice's text in a feed: a reader shows it away from the site, so its links must be absolute.</summary>
public sealed class FeedHtmlTests
{
    private static readonly Language Chinese = new("zh-Hans", "", "中文");
    private static readonly Language English = new("en", "en", "English");

    private static readonly SiteSettings Settings = new(new LocalizedText("站"), new Uri("https://zly.example.gov.cn"), "/ztzl/zly",
        [Chinese, English], 2024, new Footer(new LocalizedText("主办"), null, null, null, null), PhotoSettings.Default, new DisclosureSettings(null));

    private const string Html = """
        <p>见<a href="/2024/slogans/#slogan-3">口号</a>、<a href="#attachment-1">附件1</a>、<a href="/en/2024/">English</a>、<a href="https://www.samr.gov.cn/">总局</a>。</p>
        """;

    private static List<string?> Links(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("a").Select(e => e.GetAttribute("href")).ToList();

    [Fact]
    public void Links_become_absolute_under_the_base_path_in_the_feeds_language()
    {
        Assert.Equal(
        [
            "https://zly.example.gov.cn/ztzl/zly/en/2024/slogans/#slogan-3",
            "https://zly.example.gov.cn/ztzl/zly/en/2024/notices/provincial/#attachment-1",
            "https://zly.example.gov.cn/ztzl/zly/en/2024/",
            "https://www.samr.gov.cn/",
        ], Links(FeedHtml.Absolute(Settings, Html, "/2024/notices/provincial/", English)));
        Assert.Equal("https://zly.example.gov.cn/ztzl/zly/2024/slogans/#slogan-3",
            Links(FeedHtml.Absolute(Settings, Html, "/2024/notices/provincial/", Chinese))[0]);
    }

    [Fact]
    public void A_feed_entry_carries_no_ids_of_its_page()
    {
        const string withHeading = """<h2 id="一活动内容">一、活动内容</h2><p>见<a href="#一活动内容">上文</a>。</p>""";
        Assert.Equal("""<h2>一、活动内容</h2><p>见<a href="https://zly.example.gov.cn/ztzl/zly/2024/notices/provincial/#一活动内容">上文</a>。</p>""",
            FeedHtml.Absolute(Settings, withHeading, "/2024/notices/provincial/", Chinese));
    }
}
