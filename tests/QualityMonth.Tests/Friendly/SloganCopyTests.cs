using Microsoft.Playwright;
using QualityMonth.Model;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// Slogans in Chromium: with JavaScript each has a copy button that puts the slogan, in the page's
/// language, on the clipboard and announces it; when the browser refuses, the slogan is selected and the
/// refusal announced; without JavaScript there is no button. The share-image link opens a 1200×630 PNG.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SloganCopyTests(Chromium chromium, ServedSite site)
{
    private static readonly Slogan Slogan3 = RealContent.Site.Years.Single(y => y.Year == 2024).Slogans!.Slogans[2];

    public static TheoryData<string, string> Pages => new()
    {
        { "/2024/slogans/", "zh-Hans" },
        { "/en/2024/slogans/", "en" },
    };

    /// <summary>Slogan 3 of 2024 as a visitor of that language reads it.</summary>
    private static string TextIn(string language) =>
        Slogan3.Text.In(RealContent.Site.Settings.Languages.Single(l => l.Code == language)).Text;

    [Theory, MemberData(nameof(Pages))]
    public async Task The_copy_button_puts_the_slogan_on_the_clipboard_and_announces_it(string path, string language)
    {
        await using var context = await chromium.NewContextAsync(new() { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var strings = SloganSharingStrings.For(Locales.Of(language));
        Assert.Equal(10, await page.Locator("main button.copy-slogan").CountAsync());

        var button = page.GetByRole(AriaRole.Button, new() { Name = strings.CopyName(3), Exact = true });
        Assert.Equal(strings.Copy, (await button.InnerTextAsync()).Trim());
        await button.ClickAsync();

        await page.WaitForFunctionAsync("text => document.querySelector('[role=status]').textContent === text", strings.Copied);
        Assert.Equal("polite", await page.GetByRole(AriaRole.Status).GetAttributeAsync("aria-live"));
        Assert.Equal(TextIn(language), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(strings.Copied, (await button.InnerTextAsync()).Trim());
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task When_the_browser_refuses_the_slogan_is_selected_for_copying_by_hand(string path, string language)
    {
        await using var context = await chromium.NewContextAsync();
        // A browser that refuses both the Clipboard API and the old copy command (a policy, an insecure page).
        await context.AddInitScriptAsync("""
            navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
            document.execCommand = () => false;
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var strings = SloganSharingStrings.For(Locales.Of(language));

        await page.GetByRole(AriaRole.Button, new() { Name = strings.CopyName(3), Exact = true }).ClickAsync();

        await page.WaitForFunctionAsync("text => document.querySelector('[role=status]').textContent === text", strings.CopyFailed);
        Assert.Equal(TextIn(language), (await page.EvaluateAsync<string>("() => window.getSelection().toString()")).Trim());
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task Without_JavaScript_there_is_no_copy_button_and_the_share_image_opens(string path, string language)
    {
        await using var context = await chromium.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).CountAsync());

        var share = page.GetByRole(AriaRole.Link, new() { Name = SloganSharingStrings.For(Locales.Of(language)).ShareImageName(3), Exact = true });
        var response = await page.RunAndWaitForResponseAsync(() => share.ClickAsync(), r => r.Request.IsNavigationRequest);
        Assert.Equal(200, response.Status);
        Assert.Equal("image/png", response.Headers["content-type"]);
        Assert.Equal(site.Url("/share/2024/slogan-3.png"), response.Url);
        // Chromium shows the image by itself: its own decoder reads the size.
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(new[] { 1200, 630 }, await page.EvaluateAsync<int[]>("() => [document.images[0].naturalWidth, document.images[0].naturalHeight]"));
    }
}
