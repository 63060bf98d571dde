using AngleSharp.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Activities;

/// <summary>Every activity has its own page, at an address made of its year, host and id.</summary>
public sealed class ActivityPageTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void Every_activity_in_the_content_has_its_own_page_in_both_languages()
    {
        Assert.Equal(150, ContentYaml.Activities.Count);
        foreach (var activity in ContentYaml.Activities)
        {
            var zh = site.Page(activity.Path);
            Assert.Equal(activity.Title, Text(zh.QuerySelector("main h1")!));
            var en = site.Page("/en" + activity.Path);
            Assert.Equal(activity.TitleEn ?? activity.Title, Text(en.QuerySelector("main h1")!));
            var kinds = zh.QuerySelectorAll(".activity-facts .tags a").Select(Text).ToList();
            Assert.Equal(activity.Kinds.Select(k => ContentYaml.KindNames[k]), kinds);
        }
    }

    [Fact]
    public void An_activity_page_shows_host_timing_lead_partners_description_and_source()
    {
        var page = site.Page("/activities/2023/yongan/sanming-quality-award/");
        var facts = Facts(page);
        Assert.Equal("永安市（三明市）", facts["主办"]);
        Assert.Equal("9-10月", facts["时间安排"]);
        Assert.StartsWith("2023年9月至10月", facts["日期"]);
        Assert.Contains("文件只给出起止月份", facts["日期"]);
        Assert.Equal("质量科", facts["牵头部门"]);
        Assert.Equal("各监管所", facts["协办单位"]);
        Assert.Contains("第六届（2021-2022年度）三明市质量奖", page.QuerySelector("main")!.TextContent);
        var source = page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href")!.StartsWith("/2023/notices/yongan/#attachment-2", StringComparison.Ordinal));
        Assert.Contains("永市监质〔2023〕35号", source.ParentElement!.TextContent);
        Assert.Contains("2023年9月13日", source.ParentElement!.TextContent);
    }

    [Theory]
    [InlineData("/activities/2024/fuzhou/launch-ceremony/", "文件未写明时间", "日历和数据文件按“质量月”（9月）标注")]
    [InlineData("/en/activities/2024/fuzhou/launch-ceremony/", "Not stated in the document", "calendars and data files place it in Quality Month, September")]
    public void An_activity_without_timing_says_the_document_gives_none_and_where_calendars_place_it(string path, string notStated, string note)
    {
        var dates = Facts(site.Page(path)).First(f => f.Key is "日期" or "Dates").Value;
        Assert.StartsWith(notStated, dates);
        Assert.Contains(note, dates);
    }

    [Fact]
    public void Photos_of_an_activity_are_on_its_page_with_caption_credit_and_download()
    {
        var page = site.Page("/activities/2025/market-regulation/green-product-certification-week/");
        var figures = page.QuerySelectorAll("main figure");
        Assert.Equal(2, figures.Length);
        Assert.All(figures, f =>
        {
            Assert.NotEmpty(Text(f.QuerySelector(".caption")!));
            Assert.NotEmpty(Text(f.QuerySelector(".credit")!));
            Assert.EndsWith(".jpg", f.QuerySelector("a.download")!.GetAttribute("href"));
        });
    }

    [Fact]
    public void City_pages_and_notices_link_each_activity_to_its_page()
    {
        var city = site.Page("/cities/xiamen/");
        var links = city.QuerySelectorAll(".activities .activity-title a").Select(a => a.GetAttribute("href")!).ToHashSet();
        Assert.Equal(ContentYaml.Activities.Where(a => a.Host == "xiamen").Select(a => a.Path).ToHashSet(), links);
        var notice = site.Page("/2024/notices/provincial/");
        Assert.Equal(104, notice.QuerySelectorAll(".activities .activity-title a[href^='/activities/2024/']").Length);
    }

    [Fact]
    public void An_activity_keeps_its_address_and_page_when_the_content_is_reordered()
    {
        using var reordered = new TempSite();
        var file = "input/2024/activities/xiamen.yml";
        var text = File.ReadAllText(reordered.PathOf(file));
        var start = text.IndexOf("  - id:", StringComparison.Ordinal);
        var items = text[start..].Split("\n  - id:").Select((item, i) => i == 0 ? item["  - id:".Length..] : item).ToList();
        reordered.Write(file, text[..start] + string.Concat(Enumerable.Reverse(items).Select(i => "  - id:" + i.TrimEnd('\n') + "\n")));
        var result = Generator.Run("build", "--root", reordered.Root);
        Assert.True(result.ExitCode == 0, result.All);

        var first = ContentYaml.Activities.First(a => a.Host == "xiamen" && a.Year == 2024);
        var before = site.Page(first.Path).QuerySelector("article.activity")!;
        var afterPath = Path.Combine(reordered.Output, first.Path.Trim('/'), "index.html");
        var after = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(afterPath)).QuerySelector("article.activity")!;
        Assert.Equal(before.OuterHtml, after.OuterHtml);
        var order = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(reordered.Output, "cities/xiamen/index.html")))
            .QuerySelectorAll("section[aria-labelledby='year-2024'] .activity-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(first.Path, order.Last());
    }

    private static Dictionary<string, string> Facts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".activity-facts > div").ToDictionary(d => Text(d.QuerySelector("dt")!), d => Text(d.QuerySelector("dd")!));

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
