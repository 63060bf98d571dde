using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>On a 360 px wide phone no page scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NarrowScreenTests(PhonePage phone, ServedSite site) : IClassFixture<PhonePage>
{
    private const int Width = PhonePage.Width;

    /// <summary>Elements reaching past the right edge of the viewport, innermost last, as "tag.class" lines.</summary>
    private const string WideElements = """
        () => [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(-10)
            .map(e => `${e.tagName.toLowerCase()}${e.getAttribute('class') ? '.' + e.getAttribute('class').trim().replaceAll(/\s+/g, '.') : ''}: right edge ${Math.round(e.getBoundingClientRect().right)}px`)
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task A_phone_never_scrolls_sideways(string path)
    {
        var page = phone.Page;
        await page.GotoAsync(site.Url(path));

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > Width)
            Assert.Fail($"{path} is {scrollWidth}px wide on a {Width}px screen; too wide:\n" + string.Join('\n', await page.EvaluateAsync<string[]>(WideElements)));
    }
}
