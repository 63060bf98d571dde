using System.Net;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// DNS rebinding: a page on another site whose name is made to resolve to 127.0.0.1 sends the preview requests with
/// its own name in Host. The preview answers only this machine's names.
/// </summary>
public sealed class PreviewHostTests : IDisposable
{
    private readonly TempSite _site = new();
    private readonly PreviewProcess _preview;

    public PreviewHostTests() => _preview = new PreviewProcess(_site);

    [Fact]
    public async Task Only_loopback_host_names_are_answered()
    {
        await FirstBuildAsync();
        var port = new Uri(_preview.Url).Port;

        foreach (var host in new[] { $"attacker.example:{port}", "attacker.example", $"127.0.0.1.attacker.example:{port}", $"localhost.attacker.example:{port}" })
        {
            var (status, body) = await GetAsync(host);
            Assert.True(status == HttpStatusCode.BadRequest, $"Host: {host} was answered with {status}");
            Assert.DoesNotContain("质量月", body);
        }
        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", "localhost", $"[::1]:{port}" })
        {
            var (status, body) = await GetAsync(host);
            Assert.True(status == HttpStatusCode.OK, $"Host: {host} was answered with {status}");
            Assert.Contains("质量月", body);
        }
    }

    /// <summary>Waits for the first build: a hang guard of five minutes, as the machine may be shared with other builds.</summary>
    private async Task FirstBuildAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await _preview.GetAsync("/")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            Assert.False(_preview.HasExited, "the preview ended");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the preview served nothing in five minutes");
            await Task.Delay(500);
        }
    }

    private async Task<(HttpStatusCode, string)> GetAsync(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _preview.Url + "/");
        request.Headers.Host = host;
        using var response = await _preview.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _preview.Dispose();
        _site.Dispose();
    }
}
