using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Browser;

/// <summary>With JavaScript turned off the site still shows everything and its links work.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NoJavaScriptTests(NoScriptPage noScript, ServedSite site) : IClassFixture<NoScriptPage>
{
    private static readonly Site Content = ContentLoader.Load(Repo.Root, new DiagnosticBag())
        ?? throw new InvalidOperationException("the real content does not load");
    private static readonly UiStrings Ui = UiStrings.For(Locale.Chinese);

    private IPage Page => noScript.Page;

    [Fact]
    public async Task The_home_page_shows_the_current_theme_and_slogans()
    {
        await Page.GotoAsync(site.Url("/"));
        var year = Content.CurrentYear;
        Assert.Equal(year.Theme.Original, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.NotNull(year.Slogans);
        var shown = Page.GetByRole(AriaRole.Region, new() { Name = Ui.SlogansOfYear }).Locator(".slogan-text");
        Assert.Equal(year.Slogans.Slogans.Select(s => s.Text.Original), await shown.AllInnerTextsAsync());
    }

    [Fact]
    public async Task The_main_navigation_leads_to_the_city_list()
    {
        await Page.GotoAsync(site.Url("/"));
        await Page.GetByRole(AriaRole.Navigation, new() { Name = Ui.MainNavigation })
            .GetByRole(AriaRole.Link, new() { Name = Ui.Cities, Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(site.Url(Routes.Cities));
        Assert.Equal(Ui.Cities, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var cities = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link);
        Assert.Equal(Content.Cities.Select(c => c.Name.Original), await cities.AllInnerTextsAsync());
    }

    [Fact]
    public async Task A_notice_page_shows_the_notice()
    {
        var notice = Content.CurrentYear.MainNotice;
        await Page.GotoAsync(site.Url(Routes.Notice(notice)));
        Assert.Equal(notice.Title.Original, await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var body = await Page.Locator(".prose").First.InnerTextAsync();
        var paragraphs = new HtmlParser().ParseDocument(notice.Body.OriginalHtml).QuerySelectorAll("p").Select(p => p.TextContent.Trim()).ToList();
        Assert.NotEmpty(paragraphs);
        Assert.Contains(paragraphs[0], body);
        Assert.Contains(paragraphs[^1], body);
    }
}
