using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace QualityMonth.Tests.Browser;

/// <summary>Every request a page makes, and every one that failed or got a 4xx/5xx answer.</summary>
public sealed class PageTraffic
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(string Url, string Problem)> _failures = new();

    public PageTraffic(IPage page)
    {
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) _failures.Enqueue((response.Url, $"HTTP {response.Status}"));
        };
        page.RequestFailed += (_, request) => _failures.Enqueue((request.Url, request.Failure ?? "failed"));
    }

    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Failed requests as "problem url" lines, leaving out the ones a test expects.</summary>
    public IEnumerable<string> FailuresExcept(params string[] expectedUrls) =>
        _failures.Where(f => !expectedUrls.Contains(f.Url)).Select(f => $"{f.Problem} {f.Url}");
}
