using System.Net;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>
/// The preview's live reload in Chromium: saving a notice reloads the tab showing it, and leaves alone a tab showing a
/// page the save did not change (staff keep several pages open while they edit).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PreviewReloadTests(Chromium chromium) : IDisposable
{
    private readonly TempSite _site = new();

    [Fact]
    public async Task A_save_reloads_the_tabs_showing_what_changed_and_no_other()
    {
        using var preview = new PreviewProcess(_site);
        await preview.WaitForAsync("/", r => r.StatusCode == HttpStatusCode.OK);
        await using var context = await chromium.NewContextAsync();
        var notice = await context.NewPageAsync();
        await notice.GotoAsync(preview.Url + "/2024/notices/provincial/");
        var unrelated = await context.NewPageAsync();
        await unrelated.GotoAsync(preview.Url + "/2018/");
        // A reload loses this; it also waits until the page's event stream is open.
        foreach (var page in new[] { notice, unrelated })
            await page.EvaluateAsync("() => window.notReloaded = true");

        _site.Edit("input/2024/notices/provincial.md", "深入学习领会", "深入学习领会（预览改动）");
        await notice.WaitForFunctionAsync("() => document.body.innerText.includes('深入学习领会（预览改动）')");
        Assert.Null(await notice.EvaluateAsync<bool?>("() => window.notReloaded ?? null"));
        // The notices feed carries the notice's whole text: once it has the edit, the whole update has been served.
        await preview.WaitForAsync("/feeds/notices.atom", r => r.Body.Contains("深入学习领会（预览改动）"));
        await Task.Delay(1000);
        Assert.True(await unrelated.EvaluateAsync<bool>("() => window.notReloaded === true"), "/2018/ reloaded after a save of a 2024 notice");
    }

    public void Dispose() => _site.Dispose();
}
