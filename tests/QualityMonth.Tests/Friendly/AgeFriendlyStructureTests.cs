using System.Text.Json;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The page's structure in the age-friendly mode, on every template in both languages, in Chromium: the header, the
/// content and the footer are set apart where a visitor sees them (适老化 规范: regions told apart), and every page has
/// the same main navigation in the same order (可理解性: a consistent way of working).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgeFriendlyStructureTests(AgeFriendlyDesktopPage desktop, ServedSite site) : IClassFixture<AgeFriendlyDesktopPage>
{
    /// <summary>The regions' backgrounds and the footer's top rule, and the main navigation's links.</summary>
    private const string Regions = """
        () => {
            const style = selector => { const e = document.querySelector(selector); return e && e.checkVisibility() ? getComputedStyle(e) : null; };
            const [header, main, footer] = [style('body > header'), style('main'), style('body > footer')];
            return JSON.stringify({
                header: header && header.backgroundColor, main: main && (main.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : main.backgroundColor),
                footerRule: footer ? parseFloat(footer.borderTopWidth) : -1,
                navigation: [...document.querySelectorAll('.main-nav a')].map(a => a.textContent.trim()),
            });
        }
        """;

    private sealed record Layout(string? Header, string? Main, double FooterRule, string[] Navigation);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<Layout> MeasureAsync(string path)
    {
        await desktop.Page.GotoAsync(site.Url(path));
        Assert.True(await AgeFriendlyMode.IsOnAsync(desktop.Page), $"the remembered mode is not on at {path}");
        return JsonSerializer.Deserialize<Layout>(await desktop.Page.EvaluateAsync<string>(Regions), Json)!;
    }

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task The_header_the_content_and_the_footer_are_set_apart_and_the_navigation_is_the_home_page_s(string path)
    {
        var layout = await MeasureAsync(path);
        Assert.True(layout.Header is not null && layout.Main is not null && layout.FooterRule >= 0, $"{path}: a header, a main part and a footer are not all there");
        Assert.True(layout.Header != layout.Main, $"{path}: the header has the content's background ({layout.Header})");
        Assert.True(layout.FooterRule >= 2, $"{path}: the footer is set off from the content by a {layout.FooterRule} px rule");

        var home = await MeasureAsync(path.StartsWith("/en/", StringComparison.Ordinal) ? "/en/" : "/");
        Assert.True(home.Navigation.Length >= 5, $"the home page's navigation has {home.Navigation.Length} links");
        Assert.Equal(home.Navigation, layout.Navigation);
    }
}
