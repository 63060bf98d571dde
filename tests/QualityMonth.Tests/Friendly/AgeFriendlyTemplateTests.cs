using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// Every template in the age-friendly mode, in both languages, measured in Chromium: on a 360 px phone text
/// of 20 px and more, line height 1.3 and more, targets of 44×44 px and more, no sideways scrolling; on a
/// desktop axe-core finds no violation, including AAA contrast (7:1).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgeFriendlyTemplateTests(AgeFriendlyPhonePage phone, AgeFriendlyDesktopPage desktop, ServedSite site)
    : IClassFixture<AgeFriendlyPhonePage>, IClassFixture<AgeFriendlyDesktopPage>
{

    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                rules: { 'color-contrast-enhanced': { enabled: true } },
            });
            return result.violations.map(v => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map(n => n.target.join(' ')).join('\n    ')}`);
        }
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task On_a_phone_text_lines_and_targets_are_large_and_nothing_scrolls_sideways(string path)
    {
        var page = phone.Page;
        await page.GotoAsync(site.Url(path));
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), $"the remembered mode is not on at {path}");
        Assert.True(await AgeFriendlyMode.FontSizeAsync(page, "body") >= 20);

        var shortfalls = await page.EvaluateAsync<string[]>(AgeFriendlyMode.Shortfalls);
        Assert.True(shortfalls.Length == 0, $"{path} in the age-friendly mode:\n" + string.Join('\n', shortfalls.Take(30)));
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= PhonePage.Width, $"{path} in the age-friendly mode is {scrollWidth}px wide on a {PhonePage.Width}px screen");
    }

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Axe_finds_no_violations_with_AAA_contrast(string path)
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), $"the remembered mode is not on at {path}");
        await Axe.InjectAsync(page);

        var violations = await page.EvaluateAsync<string[]>(RunAxe);
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} violation(s) on {path} in the age-friendly mode:\n" + string.Join('\n', violations));
    }
}
