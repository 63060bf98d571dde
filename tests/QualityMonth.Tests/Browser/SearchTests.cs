using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Tests.Search;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Browser;

/// <summary>
/// The search page in Chromium: Chinese and English queries find the pages of their language that
/// contain the words, the address carries the query, forms elsewhere lead to it, it works under a
/// sub-path, and without JavaScript (or without the index) it says so and offers the browse pages.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchTests(Chromium chromium, DesktopPage desktop, NoScriptPage noScript, ServedSite site, ServedSiteUnderSubPath subPathSite)
    : IClassFixture<DesktopPage>, IClassFixture<NoScriptPage>
{
    private static readonly Language Chinese = SearchIndexTests.Content.Settings.Languages.Single(l => l.IsDefault);
    private static readonly Language English = SearchIndexTests.Content.Settings.Languages.Single(l => !l.IsDefault);

    private static SearchStrings Strings(Language language) => SearchStrings.For(language.Locale);

    [Theory]
    [InlineData("质量月")]
    [InlineData("福州")]
    [InlineData("计量")]
    [InlineData("电梯")]
    public async Task A_chinese_search_finds_every_chinese_page_containing_the_words_and_no_english_page(string query)
    {
        var results = await SearchAsync(desktop.Page, site, Chinese, query);

        Assert.NotEmpty(results);
        Assert.DoesNotContain(results, url => url.StartsWith("/en/", StringComparison.Ordinal));
        var missing = PagesContaining(site, Chinese, query).Except(results).ToList();
        Assert.True(missing.Count == 0, $"'{query}' did not find these pages that contain it:\n" + string.Join('\n', missing));
        Assert.All(results, url => Assert.True(PageExists(site, url), $"the result {url} is not a page of the site"));
        Assert.Equal(query, QueryInAddress(desktop.Page));
    }

    [Fact]
    public async Task Elevators_find_the_2025_notice_and_the_cities_whose_activities_mention_them()
    {
        var results = await SearchAsync(desktop.Page, site, Chinese, "电梯");

        var content = SearchIndexTests.Content;
        Assert.Contains(Routes.Notice(content.Years.Single(y => y.Year == 2025).MainNotice), results);
        var hosts = content.Activities.Where(a => a.Activity.Title.Original.Contains("电梯", StringComparison.Ordinal)).Select(a => Routes.Host(a.Group)).Distinct().ToList();
        Assert.NotEmpty(hosts);
        Assert.All(hosts, host => Assert.Contains(host, results));
    }

    [Theory]
    [InlineData("Xiamen", "/cities/xiamen/")]
    [InlineData("slogan", "/2024/slogans/")]
    public async Task An_english_search_finds_english_pages_only(string query, string expected)
    {
        var results = await SearchAsync(desktop.Page, site, English, query);

        Assert.Contains(SiteUrls.Localize(expected, English), results);
        Assert.All(results, url => Assert.StartsWith("/en/", url));
        var missing = PagesContaining(site, English, query).Except(results).ToList();
        Assert.True(missing.Count == 0, $"'{query}' did not find these pages that contain it:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task A_query_in_the_address_runs_on_load()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString("福州")));

        var results = await ResultsAsync(page, Chinese, "福州");
        Assert.Contains(Routes.City("fuzhou"), results);
        Assert.Equal("福州", await page.GetByLabel(Strings(Chinese).QueryLabel).InputValueAsync());
    }

    [Fact]
    public async Task The_home_page_form_leads_to_the_results()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/"));
        await page.GetByRole(AriaRole.Search).GetByLabel(Strings(Chinese).QueryLabel).FillAsync("电梯");
        var submit = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = Strings(Chinese).Submit });
        await submit.ClickAsync();
        // Committed is enough: the results are awaited below. Waiting for the load event here once timed out on CI
        // although the network had gone idle; search.js rewrites the address (history.replaceState) as results come.
        bool OnResults(string url) => url.StartsWith(site.Url(Routes.Search + "?q="), StringComparison.Ordinal);
        try
        {
            await page.WaitForURLAsync(OnResults, new() { WaitUntil = WaitUntilState.Commit, Timeout = 15_000 });
        }
        catch (TimeoutException) when (page.Url == site.Url("/"))
        {
            // Once in a full run on the loaded 2-core machine the click was lost (still on the home page, the network idle, no
            // navigation started; CI saw this test time out once before); the same click again. A form that does not lead to
            // the results fails both times.
            await submit.ClickAsync();
            await page.WaitForURLAsync(OnResults, new() { WaitUntil = WaitUntilState.Commit });
        }

        Assert.Contains(Routes.Notice(SearchIndexTests.Content.Years.Single(y => y.Year == 2025).MainNotice), await ResultsAsync(page, Chinese, "电梯"));
    }

    [Fact]
    public async Task Typing_searches_without_submitting_and_says_when_nothing_is_found()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/en/search/"));
        await page.GetByLabel(Strings(English).QueryLabel).FillAsync("xylophone");

        Assert.Empty(await ResultsAsync(page, English, "xylophone"));
        Assert.Equal("xylophone", QueryInAddress(page));
    }

    [Fact]
    public async Task More_results_come_on_request_and_take_the_focus()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString("质量")));
        await WaitForStatusAsync(page, Chinese);
        var first = await page.Locator("#search-results > li").CountAsync();
        var more = page.GetByRole(AriaRole.Button, new() { Name = Strings(Chinese).ShowMore });
        Assert.True(await more.IsVisibleAsync(), $"only {first} results for 质量, no button for more");

        await more.ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('#search-results > li').length > n", first);

        var focused = await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('href')");
        var firstNew = await page.Locator("#search-results > li").Nth(first).Locator("a").GetAttributeAsync("href");
        Assert.Equal(firstNew, focused);
    }

    [Fact]
    public async Task Search_works_under_a_sub_path()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var traffic = new PageTraffic(page);
        await page.GotoAsync(subPathSite.Url("/"));
        await page.GetByRole(AriaRole.Search).GetByLabel(Strings(Chinese).QueryLabel).FillAsync("福州");
        await page.GetByRole(AriaRole.Search).GetByLabel(Strings(Chinese).QueryLabel).PressAsync("Enter");
        await page.WaitForURLAsync(url => url.StartsWith(subPathSite.Url(Routes.Search + "?q="), StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });

        var results = await ResultsAsync(page, Chinese, "福州");
        Assert.All(results, url => Assert.StartsWith(BuiltSiteUnderSubPath.BasePath + "/", url));
        var fuzhou = BuiltSiteUnderSubPath.BasePath + Routes.City("fuzhou");
        Assert.Contains(fuzhou, results);

        await page.Locator($"#search-results a[href='{fuzhou}']").ClickAsync();
        await page.WaitForURLAsync(subPathSite.Url(Routes.City("fuzhou")));
        Assert.Equal(SearchIndexTests.Content.FindCity("fuzhou")!.Name.Original, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Empty(traffic.FailuresExcept());
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("en")]
    public async Task Without_javascript_the_page_says_so_and_links_to_the_browse_pages(string code)
    {
        var language = code == English.Code ? English : Chinese;
        var page = noScript.Page;
        await page.GotoAsync(site.Url(SiteUrls.Localize(Routes.Search, language) + "?q=" + Uri.EscapeDataString("电梯")));

        Assert.True(await page.GetByText(Strings(language).NeedsJavaScript).IsVisibleAsync(), "the page does not say that search needs JavaScript");
        await AssertBrowseLinksAsync(page, language);
        Assert.Equal(0, await page.Locator("#search-results > li").CountAsync());
    }

    [Fact]
    public async Task When_the_index_cannot_load_the_page_says_so_and_links_to_the_browse_pages()
    {
        await using var context = await chromium.NewContextAsync();
        await context.RouteAsync("**/pagefind/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/search/?q=" + Uri.EscapeDataString("电梯")));

        await page.GetByText(Strings(Chinese).Unavailable).WaitForAsync();
        await AssertBrowseLinksAsync(page, Chinese);
    }

    [Theory]
    [InlineData("zh-Hans", "质量")]
    [InlineData("en", "Xiamen")]
    public async Task Axe_finds_no_violations_on_the_results(string code, string query)
    {
        var language = code == English.Code ? English : Chinese;
        var page = desktop.Page;
        await page.GotoAsync(site.Url(SiteUrls.Localize(Routes.Search, language) + "?q=" + Uri.EscapeDataString(query)));
        await WaitForStatusAsync(page, language);
        Assert.True(await page.Locator("#search-results > li").CountAsync() > 0);

        await Axe.AssertNoViolationsAsync(page, $"the results for {query}");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /// <summary>Opens the search page, types the query, submits it and returns every result's address (all pages of them).</summary>
    private static async Task<IReadOnlyList<string>> SearchAsync(IPage page, ServedSite served, Language language, string query)
    {
        await page.GotoAsync(served.Url(SiteUrls.Localize(Routes.Search, language)));
        var box = page.GetByLabel(Strings(language).QueryLabel);
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        return await ResultsAsync(page, language, query);
    }

    /// <summary>Waits for the search to finish, asks for more results until there are none, and returns their addresses.</summary>
    private static async Task<IReadOnlyList<string>> ResultsAsync(IPage page, Language language, string query)
    {
        var status = await WaitForStatusAsync(page, language);
        var items = page.Locator("#search-results > li");
        var more = page.Locator("#search-more");
        while (await more.IsVisibleAsync())
        {
            var count = await items.CountAsync();
            await more.ClickAsync();
            await page.WaitForFunctionAsync("n => document.querySelectorAll('#search-results > li').length > n", count);
        }
        var results = await page.Locator("#search-results > li h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        var strings = Strings(language);
        var template = results.Length switch { 0 => strings.NothingFound, 1 => strings.FoundOne, _ => strings.Found };
        Assert.Equal(template.Replace("{count}", results.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{query}", query), status);
        return results;
    }

    /// <summary>Waits until the live region reports a finished search, and returns what it says.</summary>
    private static async Task<string> WaitForStatusAsync(IPage page, Language language)
    {
        var status = page.GetByRole(AriaRole.Status);
        Assert.Equal("polite", await status.GetAttributeAsync("aria-live"));
        await page.WaitForFunctionAsync(
            "loading => { const s = document.getElementById('search-status').textContent; return s !== '' && s !== loading; }",
            Strings(language).Loading);
        return await status.InnerTextAsync();
    }

    private static async Task AssertBrowseLinksAsync(IPage page, Language language)
    {
        var section = page.GetByRole(AriaRole.Region, new() { Name = Strings(language).BrowseInstead });
        Assert.True(await section.IsVisibleAsync(), "the browse links are not shown");
        var links = await section.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        string[] expected =
        [
            Routes.ActivityBrowser, Routes.SloganArchive, Routes.Cities, Routes.Organisers,
            .. SearchIndexTests.Content.Years.Select(y => Routes.Year(y.Year)),
        ];
        Assert.Equal(expected.Select(path => SiteUrls.Localize(path, language)).Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
    }

    /// <summary>Site paths (with the language prefix) of the built pages whose searchable content contains the text, read with AngleSharp.</summary>
    private static IEnumerable<string> PagesContaining(ServedSite served, Language language, string text)
    {
        var parser = new HtmlParser();
        foreach (var file in served.Site.HtmlFiles)
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            if (document.DocumentElement.GetAttribute("lang") != language.Code) continue;
            if (document.QuerySelector("[data-pagefind-body]") is not { } body) continue;
            if (body.TextContent.Contains(text, StringComparison.OrdinalIgnoreCase))
                yield return "/" + Path.GetRelativePath(served.Site.Output, file).Replace('\\', '/').Replace("index.html", "", StringComparison.Ordinal);
        }
    }

    private static bool PageExists(ServedSite served, string url) =>
        File.Exists(Path.Combine(served.Site.Output, SiteUrls.OutputPath(url).TrimStart('/')));

    private static string? QueryInAddress(IPage page) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["q"];
}
