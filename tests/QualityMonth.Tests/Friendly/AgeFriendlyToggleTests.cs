using Microsoft.Playwright;
using QualityMonth.Model;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The header switch in Chromium. With JavaScript: it turns the mode on, the choice holds across reloads,
/// pages and languages (applied before the body is parsed) until it is turned off. Without JavaScript:
/// it turns the mode on for the page, and in-page links do not turn it off.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgeFriendlyToggleTests(Chromium chromium, ServedSite site)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/2024/slogans/", "zh-Hans" },
        { "/en/2024/slogans/", "en" },
    };

    /// <summary>Records, for each document, whether the mode was on when &lt;body&gt; was inserted: before anything was painted.</summary>
    private const string RecordModeAtBody = """
        new MutationObserver((records, observer) => {
            if (!document.body) return;
            window.__modeAtBody = document.documentElement.classList.contains('age-friendly');
            observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        """;

    private static ILocator Switch(IPage page, string language) =>
        page.GetByRole(AriaRole.Switch, new() { Name = AgeFriendlyStrings.For(Locales.Of(language)).SwitchLabel, Exact = true });

    private static async Task AssertModeAsync(IPage page, string language, bool on, string when)
    {
        Assert.True(on == await AgeFriendlyMode.IsOnAsync(page), $"{when}: the mode should be {(on ? "on" : "off")} at {page.Url}");
        Assert.True(on == await Switch(page, language).IsCheckedAsync(), $"{when}: the switch should say {(on ? "on" : "off")} at {page.Url}");
        var body = await AgeFriendlyMode.FontSizeAsync(page, "body");
        Assert.True(on ? body >= 20 : body < 20, $"{when}: body text is {body}px at {page.Url}");
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task With_JavaScript_the_choice_holds_across_pages_until_turned_off(string path, string language)
    {
        await using var context = await chromium.NewContextAsync();
        await context.AddInitScriptAsync(RecordModeAtBody);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await AssertModeAsync(page, language, on: false, "on arrival");
        var sloganSize = await AgeFriendlyMode.FontSizeAsync(page, ".slogan-text");
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(AgeFriendlyMode.Shortfalls)); // the measurement sees the normal site's small text

        await Switch(page, language).ClickAsync();
        await AssertModeAsync(page, language, on: true, "after the click");
        Assert.True(await AgeFriendlyMode.FontSizeAsync(page, ".slogan-text") > sloganSize, "the slogans did not grow");
        Assert.Empty(await page.EvaluateAsync<string[]>(AgeFriendlyMode.Shortfalls));
        Assert.Equal("on", await page.EvaluateAsync<string>($"() => localStorage.getItem('{AgeFriendlyMode.StorageKey}')"));

        await page.ReloadAsync();
        await AssertModeAsync(page, language, on: true, "after a reload");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__modeAtBody"), "the mode was applied only after the body was parsed");

        var ui = UiStrings.For(Locales.Of(language));
        await page.GetByRole(AriaRole.Navigation, new() { Name = ui.MainNavigation }).GetByRole(AriaRole.Link, new() { Name = ui.Cities, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/cities/", StringComparison.Ordinal));
        await AssertModeAsync(page, language, on: true, "on another page");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__modeAtBody"), "the mode was applied only after the body was parsed");

        var other = language == "en" ? "zh-Hans" : "en";
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{other}'");
        await AssertModeAsync(page, other, on: true, "in the other language");

        await Switch(page, other).ClickAsync();
        await AssertModeAsync(page, other, on: false, "after turning it off");
        Assert.Null(await page.EvaluateAsync<string?>($"() => localStorage.getItem('{AgeFriendlyMode.StorageKey}')"));
        await page.ReloadAsync();
        await AssertModeAsync(page, other, on: false, "after turning it off and reloading");
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task Without_JavaScript_the_switch_turns_the_mode_on_for_the_page(string path, string language)
    {
        await using var context = await chromium.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await AssertModeAsync(page, language, on: false, "on arrival");
        const string Styles = "() => { const s = getComputedStyle(document.querySelector('main a')); return [s.color, s.minHeight, s.fontSize].join(' '); }";
        var linkBefore = await page.EvaluateAsync<string>(Styles);
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(AgeFriendlyMode.Shortfalls));

        await Switch(page, language).ClickAsync();
        await AssertModeAsync(page, language, on: true, "after the click");
        Assert.NotEqual(linkBefore, await page.EvaluateAsync<string>(Styles));
        Assert.Empty(await page.EvaluateAsync<string[]>(AgeFriendlyMode.Shortfalls));

        // An in-page link (here the footer's "back to top", #main) leaves the mode on.
        await page.GetByRole(AriaRole.Link, new() { Name = UiStrings.For(Locales.Of(language)).BackToTop, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
        await AssertModeAsync(page, language, on: true, "after an in-page link");

        await Switch(page, language).ClickAsync();
        await AssertModeAsync(page, language, on: false, "after turning it off");
    }
}
