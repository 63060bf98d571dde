using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>The data page links every file it describes, with its real size and record count, and is in the main navigation.</summary>
[Collection(DataCollection.Name)]
public sealed partial class DataPageTests(BuiltSite site)
{
    private const string Host = "https://zly.example.gov.cn";

    [Theory]
    [InlineData("", "数据下载")]
    [InlineData("en/", "Data")]
    public void The_data_page_is_in_the_main_navigation(string prefix, string label)
    {
        var nav = site.Page(prefix + "index.html").QuerySelectorAll(".main-nav a");
        Assert.Contains(("/" + prefix + "data/", label), nav.Select(a => (a.GetAttribute("href"), a.TextContent)));
        var current = site.Page(prefix + "data/").QuerySelector(".main-nav a[aria-current=page]")!;
        Assert.Equal("/" + prefix + "data/", current.GetAttribute("href"));
    }

    [Theory]
    [InlineData("", "150 条")]
    [InlineData("en/", "150 records")]
    public void Each_download_shows_its_real_size_and_record_count(string prefix, string records)
    {
        var downloads = site.Page(prefix + "data/").QuerySelectorAll("main .downloads li");
        Assert.Equal(["activities.json", "activities.csv", "activities.schema.json"], downloads.Select(d => d.QuerySelector("a")!.TextContent));
        Assert.Equal(150, DataFiles.Json(site, prefix).Count);
        foreach (var download in downloads)
        {
            var href = download.QuerySelector("a")!.GetAttribute("href")!;
            var bytes = new FileInfo(Path.Combine(site.Output, href.TrimStart('/'))).Length;
            var meta = download.QuerySelector(".meta")!.TextContent;
            var shown = Kilobytes().Match(meta);
            Assert.True(shown.Success, $"no size in '{meta}'");
            Assert.Equal(Math.Round(bytes / 1024.0, 1), double.Parse(shown.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Equal(!href.EndsWith("schema.json", StringComparison.Ordinal), meta.Contains(records, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("en/")]
    public void Every_calendar_and_feed_is_offered_with_its_subscription_address(string prefix)
    {
        var items = site.Page(prefix + "data/").QuerySelectorAll("main .subscriptions li");
        var files = Directory.GetFiles(Path.Combine(site.Output, prefix + "calendar"), "*.ics")
            .Concat(Directory.GetFiles(Path.Combine(site.Output, prefix + "feeds"), "*.atom"))
            .Select(f => "/" + Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(files, items.Select(i => i.QuerySelector("a.subscription-name")!.GetAttribute("href")!).Order(StringComparer.Ordinal));
        foreach (var item in items)
        {
            var href = item.QuerySelector("a.subscription-name")!.GetAttribute("href")!;
            Assert.Equal(Host + href, item.QuerySelector(".subscription-address code")!.TextContent);
            var subscribe = item.QuerySelector("a.subscribe")?.GetAttribute("href");
            Assert.Equal(href.EndsWith(".ics", StringComparison.Ordinal) ? "webcal://zly.example.gov.cn" + href : null, subscribe);
        }
        Assert.Contains(items, i => i.TextContent.Contains(prefix == "" ? "福州市" : "Fuzhou", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("en/")]
    public void The_page_explains_every_field_of_the_data_files(string prefix)
    {
        var fields = site.Page(prefix + "data/").QuerySelectorAll("main .data-fields dt code").Select(c => c.TextContent);
        Assert.Equal(DataFiles.Fields, fields);
        Assert.All(site.Page(prefix + "data/").QuerySelectorAll("main .data-fields dd"), d => Assert.False(string.IsNullOrWhiteSpace(d.TextContent)));
    }

    [Fact]
    public void The_page_says_where_the_data_comes_from_and_how_to_open_the_csv_in_excel()
    {
        var main = site.Page("data/").QuerySelector("main")!.TextContent;
        Assert.Contains("65001: Unicode (UTF-8)", main);
        Assert.Contains("整理自各年度“质量月”通知文件", main);
        var english = site.Page("en/data/").QuerySelector("main")!;
        Assert.Equal("/data/activities.json", english.QuerySelectorAll(".other-language a").First().GetAttribute("href"));
    }

    [GeneratedRegex(@"([0-9]+\.[0-9]) KB")]
    private static partial Regex Kilobytes();
}
