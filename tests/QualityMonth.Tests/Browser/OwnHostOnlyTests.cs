using Microsoft.Playwright;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>Pages load nothing from other hosts: no web fonts, CDNs or trackers.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class OwnHostOnlyTests(Chromium chromium, ServedSite site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/2024/notices/provincial/")]
    [InlineData("/en/")]
    [InlineData("/en/2024/notices/provincial/")]
    public async Task Every_request_goes_to_the_site_itself(string path)
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var traffic = new PageTraffic(page);
        await page.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Contains(traffic.Requests, url => url.EndsWith(".css", StringComparison.Ordinal));
        var elsewhere = traffic.Requests.Where(url => new Uri(url).Host != "127.0.0.1").ToList();
        Assert.True(elsewhere.Count == 0, $"{path} requested other hosts:\n" + string.Join('\n', elsewhere));
    }
}
