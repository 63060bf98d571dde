using System.Xml.Linq;
using Microsoft.Playwright;
using QualityMonth.Tests.Activities;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>
/// The site built for a portal's sub-path (<c>/ztzl/zly/</c>) and served there, driven in Chromium: every
/// request stays under the sub-path and answers, scripts work, and the feeds, calendars and data files
/// the pages link resolve — as do the pages their entries link back to.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SubPathMountingTests(Chromium chromium, ServedSiteUnderSubPath site)
{
    private string Root => site.Url("/");

    [Theory]
    [InlineData("/")]
    [InlineData("/en/activities/")]
    [InlineData("/data/")]
    [InlineData("/2025/slogans/")]
    [InlineData("/activities/2025/market-regulation/green-product-certification-week/")]
    public async Task Every_request_a_page_makes_stays_under_the_sub_path_and_answers(string path)
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var traffic = new PageTraffic(page);
        await page.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.NotEmpty(traffic.Requests);
        Assert.All(traffic.Requests, url => Assert.StartsWith(Root, url));
        var failures = traffic.FailuresExcept().ToList();
        Assert.True(failures.Count == 0, "requests failed:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task The_browse_filter_runs_under_the_sub_path()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/activities/?kind=training"));
        await Assertions.Expect(page.Locator("#all-activities > li:visible"))
            .ToHaveCountAsync(ContentYaml.Activities.Count(a => a.Kinds.Contains("training")));
    }

    [Fact]
    public async Task The_feeds_a_page_announces_resolve_and_their_entries_link_to_pages_that_exist()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/en/"));
        var feeds = await page.Locator("link[rel=alternate][type='application/atom+xml']")
            .EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        Assert.Equal(2, feeds.Length);
        foreach (var feed in feeds)
        {
            var response = await context.APIRequest.GetAsync(Local(feed));
            Assert.True(response.Ok, $"{feed}: HTTP {response.Status}");
            var atom = XDocument.Parse(await response.TextAsync());
            XNamespace ns = "http://www.w3.org/2005/Atom";
            var links = atom.Descendants(ns + "entry").Select(e => e.Elements(ns + "link").First(l => (string?)l.Attribute("rel") is null or "alternate").Attribute("href")!.Value).ToList();
            Assert.NotEmpty(links);
            foreach (var link in links.Take(5))
            {
                Assert.StartsWith("https://zly.example.gov.cn/ztzl/zly/en/", link);
                var target = await context.APIRequest.GetAsync(Local(link));
                Assert.True(target.Ok, $"{feed} links {link}, which answers HTTP {target.Status}");
            }
        }
    }

    [Fact]
    public async Task The_data_page_downloads_and_calendars_resolve()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/data/"));
        var hrefs = await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        var files = hrefs.Where(h => h.StartsWith("http", StringComparison.Ordinal)
                                     && (h.EndsWith(".json", StringComparison.Ordinal) || h.EndsWith(".csv", StringComparison.Ordinal)
                                         || h.EndsWith(".ics", StringComparison.Ordinal) || h.EndsWith(".atom", StringComparison.Ordinal)))
            .Distinct().ToList();
        Assert.Contains(files, f => f.EndsWith("/data/activities.csv", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("/calendar/activities.ics", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.StartsWith(Root, Local(file));
            var response = await context.APIRequest.GetAsync(Local(file));
            Assert.True(response.Ok, $"{file}: HTTP {response.Status}");
            Assert.NotEmpty(await response.BodyAsync());
        }
    }

    /// <summary>Absolute links name the published host (<c>baseUrl</c>); the same path is fetched from the test server.</summary>
    private string Local(string url)
    {
        var uri = new Uri(url);
        return uri.Host == "zly.example.gov.cn" ? new Uri(new Uri(Root), uri.PathAndQuery).AbsoluteUri : url;
    }
}
