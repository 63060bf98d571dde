using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QualityMonth.Tests.Support;

/// <summary>The real 'preview' command on a copy of the site, on a free port, with --timings; killed when disposed.</summary>
public sealed class PreviewProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    /// <param name="warmUpTemplates">Let the preview load the template compiler once it serves, as it does by default. Off unless
    /// a test is about it: the tests' generator is not precompiled, and compiling Roslyn itself takes a core for a minute.</param>
    public PreviewProcess(TempSite site, bool warmUpTemplates = false)
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Generator.Dll, "preview", "--root", site.Root, "--port", port.ToString(), "--timings" })
            start.ArgumentList.Add(arg);
        if (!warmUpTemplates) start.ArgumentList.Add("--no-template-warm-up");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => { if (line.Data is { } text) _log.Enqueue(text); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) _log.Enqueue(text); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What the preview has printed so far, standard output and error, line by line.</summary>
    public IReadOnlyList<string> Log => [.. _log];

    public string Url { get; }

    public bool HasExited => _process.HasExited;

    public HttpClient Http => _http;

    /// <summary>The preview's peak resident memory so far (VmHWM of /proc/&lt;pid&gt;/status).</summary>
    public long PeakMemoryBytes =>
        long.Parse(File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

    public async Task<(HttpStatusCode StatusCode, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(Url + path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="done"/> holds (the first build takes a while).</summary>
    public async Task<(HttpStatusCode StatusCode, string Body)> WaitForAsync(string path, Func<(HttpStatusCode StatusCode, string Body), bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var response = await GetAsync(path);
                if (done(response)) return response;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(60)) { }
            if (clock.Elapsed > TimeSpan.FromSeconds(60) || _process.HasExited)
                throw new TimeoutException($"preview never served {path} as expected (exited: {_process.HasExited})");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _http.Dispose();
    }
}
