using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

/// <summary>The real 'preview' command: serves the site, rebuilds on save, shows errors in the page, recovers.</summary>
public sealed class PreviewTests : IDisposable
{
    private readonly TempSite _site = new();
    private readonly Process _preview;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _url;

    public PreviewTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Generator.Dll, "preview", "--root", _site.Root, "--port", port.ToString() })
            start.ArgumentList.Add(arg);
        _preview = Process.Start(start)!;
        _preview.BeginOutputReadLine();
        _preview.BeginErrorReadLine();
    }

    [Fact]
    public async Task Serves_the_site_and_shows_an_edit_after_a_rebuild()
    {
        var home = await WaitFor("/", r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("加强全面质量管理 促进质量强省建设", home.Body);
        Assert.Contains("EventSource('/__preview/events')", home.Body);
        Assert.Equal(HttpStatusCode.OK, (await Get("/en/cities/xiamen/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/no/such/page/")).StatusCode);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home.Body, "href=\"(/assets/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        Assert.StartsWith("/assets/site.", stylesheet);
        Assert.Equal(HttpStatusCode.OK, (await Get(stylesheet)).StatusCode);
        var searchIndex = await Get("/pagefind/pagefind-entry.json");
        Assert.Equal(HttpStatusCode.OK, searchIndex.StatusCode);
        Assert.Contains("\"zh-hans\"", searchIndex.Body);

        using var events = await _http.GetStreamAsync(_url + "/__preview/events");
        using var reader = new StreamReader(events);
        _site.Edit("input/2025/year.yml", "theme: 加强全面质量管理 促进质量强省建设", "theme: 加强全面质量管理 促进质量强省建设（预览）");
        // The year's own pages first, then the pages that show its theme (the home page among them), each update naming them.
        await ReadUntil(reader, "data: /2025/");
        await ReadUntil(reader, "data: /");
        Assert.Contains("促进质量强省建设（预览）", (await Get("/")).Body);
    }

    [Fact]
    public async Task A_content_error_is_shown_in_the_browser_and_the_server_keeps_running()
    {
        await WaitFor("/", r => r.StatusCode == HttpStatusCode.OK);
        _site.Edit("input/2024/activities/fuzhou.yml", "city: fuzhou", "city: fuzou");
        var broken = await WaitFor("/2024/", r => r.StatusCode == HttpStatusCode.InternalServerError);
        Assert.Contains("input/2024/activities/fuzhou.yml:1: error: unknown city", broken.Body);
        Assert.Contains("fuzou", broken.Body);
        Assert.Contains("EventSource", broken.Body);

        _site.Edit("input/2024/activities/fuzhou.yml", "city: fuzou", "city: fuzhou");
        var fixedPage = await WaitFor("/2024/", r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("加强质量支撑 共建质量强省", fixedPage.Body);
        Assert.False(_preview.HasExited);
    }

    private async Task<(HttpStatusCode StatusCode, string Body)> Get(string path)
    {
        using var response = await _http.GetAsync(_url + path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode StatusCode, string Body)> WaitFor(string path, Func<(HttpStatusCode StatusCode, string Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var response = await Get(path);
                if (done(response)) return response;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60)) { }
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || _preview.HasExited)
                throw new TimeoutException($"preview never served {path} as expected (exited: {_preview.HasExited})");
            await Task.Delay(200);
        }
    }

    private static async Task ReadUntil(StreamReader reader, string line)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await reader.ReadLineAsync(timeout.Token) is { } read)
            if (read == line) return;
        throw new EndOfStreamException("the event stream closed before " + line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_preview.HasExited) _preview.Kill(entireProcessTree: true);
        _preview.Dispose();
        _http.Dispose();
        _site.Dispose();
    }
}
