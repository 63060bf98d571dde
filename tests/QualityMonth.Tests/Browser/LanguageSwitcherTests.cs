using Microsoft.Playwright;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>The language switcher leads to the same page in the other language and back, at the root and under a sub-path.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LanguageSwitcherTests(Chromium chromium, ServedSite site, ServedSiteUnderSubPath subPathSite)
{
    public static TheoryData<string> Pages =>
        ["/", "/2024/", "/2024/notices/provincial/", "/cities/fuzhou/", "/slogans/", SitePages.Missing];

    [Theory, MemberData(nameof(Pages))]
    public Task English_and_back_lands_on_the_same_page(string path) => SwitchBackAndForthAsync(site, path);

    [Theory, MemberData(nameof(Pages))]
    public Task English_and_back_lands_on_the_same_page_under_the_sub_path(string path) => SwitchBackAndForthAsync(subPathSite, path);

    private async Task SwitchBackAndForthAsync(ServedSite served, string path)
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var traffic = new PageTraffic(page);
        var start = served.Url(path);
        // A missing address shows the 404 page, whose other-language version is that language's 404 page.
        var chinesePath = path == SitePages.Missing ? "/404.html" : path;

        await page.GotoAsync(start);
        await AssertStyledPageAsync(page, "zh-Hans");

        await ClickLanguageAsync(page, "English", served.Url(SitePages.English(chinesePath)));
        await AssertStyledPageAsync(page, "en");

        await ClickLanguageAsync(page, "中文", served.Url(chinesePath));
        await AssertStyledPageAsync(page, "zh-Hans");

        var failures = traffic.FailuresExcept(start).ToList();
        Assert.True(failures.Count == 0, "requests failed:\n" + string.Join('\n', failures));
    }

    private static async Task ClickLanguageAsync(IPage page, string name, string expectedUrl)
    {
        var from = page.Url;
        var link = page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        var response = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Request.IsNavigationRequest);
        Assert.True(response.Url == expectedUrl, $"'{name}' on {from} led to {response.Url}, not {expectedUrl}");
        // Wait for the new document itself (not the one being left) to finish loading, stylesheet included.
        await page.WaitForURLAsync(expectedUrl, new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response.Status == 200, $"'{name}' on {from} led to {page.Url}, which answered HTTP {response.Status}");
    }

    private static async Task AssertStyledPageAsync(IPage page, string language)
    {
        var lang = await page.Locator("html").GetAttributeAsync("lang");
        Assert.True(lang == language, $"{page.Url} is marked <html lang=\"{lang}\">, not {language}");
        var background = await page.Locator(".site-header").EvaluateAsync<string>("header => getComputedStyle(header).backgroundColor");
        Assert.True(background != "rgba(0, 0, 0, 0)", $"the stylesheet did not apply on {page.Url}: the header has no background");
    }
}
