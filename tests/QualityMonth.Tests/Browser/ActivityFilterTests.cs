using Microsoft.Playwright;
using QualityMonth.Tests.Activities;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>With JavaScript the activities page filters instantly; without it, the facet links do the work.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ActivityFilterTests(DesktopPage desktop, NoScriptPage noScript, ServedSite site)
    : IClassFixture<DesktopPage>, IClassFixture<NoScriptPage>
{
    private ILocator Visible(IPage page) => page.Locator("#all-activities > li:visible");

    [Fact]
    public async Task Choosing_facets_narrows_the_list_updates_counts_and_the_address()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/activities/"));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "年份", Exact = true }).SelectOptionAsync("2024");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "城市", Exact = true }).SelectOptionAsync("xiamen");

        var expected = ContentYaml.Activities.Where(a => a.Year == 2024 && a.Host == "xiamen").ToList();
        Assert.Equal(expected.Count, await Visible(page).CountAsync());
        Assert.Equal(expected.Select(a => a.Title).Order(), (await Visible(page).Locator("a").AllInnerTextsAsync()).Order());
        Assert.Equal($"显示{expected.Count}项，共{ContentYaml.Activities.Count}项活动", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.EndsWith("/activities/?year=2024&city=xiamen", page.Url);

        // The kind options now count only Xiamen's 2024 activities.
        var training = ContentYaml.Activities.Count(a => a.Year == 2024 && a.Host == "xiamen" && a.Kinds.Contains("training"));
        Assert.Equal($"{ContentYaml.KindNames["training"]}（{training}）", await page.Locator("#filter-kind option[value='training']").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "清除筛选" }).ClickAsync();
        await Assertions.Expect(Visible(page)).ToHaveCountAsync(ContentYaml.Activities.Count);
    }

    [Fact]
    public async Task A_filtered_address_opens_filtered_in_english_too()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/en/activities/?kind=training"));
        var expected = ContentYaml.Activities.Count(a => a.Kinds.Contains("training"));
        Assert.Equal(expected, await Visible(page).CountAsync());
        Assert.Equal("training", await page.GetByRole(AriaRole.Combobox, new() { Name = "Kind of activity", Exact = true }).InputValueAsync());
        Assert.Equal($"Showing {expected} of {ContentYaml.Activities.Count} activities", await page.GetByRole(AriaRole.Status).InnerTextAsync());
    }

    [Fact]
    public async Task Without_javascript_every_activity_is_listed_and_facet_links_lead_to_static_pages()
    {
        var page = noScript.Page;
        await page.GotoAsync(site.Url("/activities/"));
        Assert.False(await page.Locator("form.activity-filter").IsVisibleAsync());
        Assert.Equal(ContentYaml.Activities.Count, await Visible(page).CountAsync());
        await page.Locator(".facets").GetByRole(AriaRole.Link, new() { Name = ContentYaml.KindNames["contest"], Exact = true }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/activities/kind/contest/"));
        Assert.Equal(ContentYaml.Activities.Count(a => a.Kinds.Contains("contest")), await page.Locator("main .activity-list > li").CountAsync());
    }
}
