using System.Net;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

/// <summary>The real 'preview' command: serves the site, rebuilds on save, shows errors in the page, recovers.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly TempSite _site = new();
    private readonly PreviewProcess _preview;

    public PreviewTests() => _preview = new PreviewProcess(_site);

    [Fact]
    public async Task Serves_the_site_and_shows_an_edit_after_a_rebuild()
    {
        var home = await _preview.WaitForAsync("/", r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("加强全面质量管理 促进质量强省建设", home.Body);
        // The reload script is a file of the preview's own origin, so the pages' Content-Security-Policy lets it run.
        Assert.Contains("<script src=\"/__preview/reload.js\"></script>", home.Body);
        Assert.Contains("EventSource('/__preview/events')", (await _preview.GetAsync("/__preview/reload.js")).Body);
        Assert.Equal(HttpStatusCode.OK, (await _preview.GetAsync("/en/cities/xiamen/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _preview.GetAsync("/no/such/page/")).StatusCode);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home.Body, "href=\"(/assets/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        Assert.StartsWith("/assets/site.", stylesheet);
        Assert.Equal(HttpStatusCode.OK, (await _preview.GetAsync(stylesheet)).StatusCode);
        var searchIndex = await _preview.GetAsync("/pagefind/pagefind-entry.json");
        Assert.Equal(HttpStatusCode.OK, searchIndex.StatusCode);
        Assert.Contains("\"zh-hans\"", searchIndex.Body);

        using var events = await _preview.Http.GetStreamAsync(_preview.Url + "/__preview/events");
        using var reader = new StreamReader(events);
        _site.Edit("input/2025/year.yml", "theme: 加强全面质量管理 促进质量强省建设", "theme: 加强全面质量管理 促进质量强省建设（预览）");
        // The year's own pages first, then the pages that show its theme (the home page among them), each update naming them.
        await ReadUntil(reader, "data: /2025/");
        await ReadUntil(reader, "data: /");
        Assert.Contains("促进质量强省建设（预览）", (await _preview.GetAsync("/")).Body);
    }

    [Fact]
    public async Task A_content_error_is_shown_in_the_browser_and_the_server_keeps_running()
    {
        await _preview.WaitForAsync("/", r => r.StatusCode == HttpStatusCode.OK);
        _site.Edit("input/2024/activities/fuzhou.yml", "city: fuzhou", "city: fuzou");
        var broken = await _preview.WaitForAsync("/2024/", r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Contains("input/2024/activities/fuzhou.yml:1: error: unknown city", broken.Body);
        Assert.Contains("fuzou", broken.Body);
        Assert.Contains("<script src=\"/__preview/reload.js\" data-every-update></script>", broken.Body);

        _site.Edit("input/2024/activities/fuzhou.yml", "city: fuzou", "city: fuzhou");
        var fixedPage = await _preview.WaitForAsync("/2024/", r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("加强质量支撑 共建质量强省", fixedPage.Body);
        Assert.False(_preview.HasExited);
    }

    private static async Task ReadUntil(StreamReader reader, string line)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await reader.ReadLineAsync(timeout.Token) is { } read)
            if (read == line) return;
        throw new EndOfStreamException("the event stream closed before " + line);
    }

    public void Dispose()
    {
        _preview.Dispose();
        _site.Dispose();
    }
}
