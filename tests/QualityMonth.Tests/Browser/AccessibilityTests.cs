using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation on any template, in either language.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(DesktopPage desktop, ServedSite site) : IClassFixture<DesktopPage>
{
    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Axe_finds_no_violations(string path)
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        await Axe.AssertNoViolationsAsync(page, path);
    }
}
