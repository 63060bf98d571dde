using System.IO.Compression;
using AngleSharp.Dom;
using QualityMonth.Tests.Friendly;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>
/// The output-weight budgets of issue 6 over the built real site, for every home, city and notice page in
/// both languages: what a page loads (its HTML, stylesheets and scripts; photos and other images not counted)
/// is under 100 KB as a web server sends it (gzip), and nothing but one stylesheet holds up the first paint.
/// Lighthouse measures the same pages in a browser (bench/lighthouse, docs/benchmarks.md).
/// </summary>
[Collection(FriendlyCollection.Name)] // shares that collection's build of the real site
public sealed class OutputWeightTests(BuiltSite site)
{
    private const int BudgetBytes = 100_000;

    public static TheoryData<string, string> PageKinds => new()
    {
        { "home", "^(en/)?index\\.html$" },
        { "city", "^(en/)?cities/[^/]+/index\\.html$" },
        { "notice", "^(en/)?\\d{4}/notices/[^/]+/index\\.html$" },
    };

    [Theory, MemberData(nameof(PageKinds))]
    public void Each_page_loads_under_100_KB_gzipped_and_blocks_on_one_stylesheet_only(string kind, string pattern)
    {
        var pages = site.HtmlFiles.Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, pattern)).ToList();
        Assert.True(pages.Count >= 2, $"only {pages.Count} {kind} page(s) found");
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var page = site.Page(path);
            var loads = Loads(page).ToList();
            var bytes = Gzipped(File.ReadAllBytes(Path.Combine(site.Output, path)))
                        + loads.Sum(url => Gzipped(File.ReadAllBytes(FileOf(url, path))));
            if (bytes >= BudgetBytes)
                problems.Add($"{path}: {bytes:N0} bytes gzipped (HTML + {string.Join(" + ", loads)})");
            var blocking = RenderBlocking(page).ToList();
            if (blocking.Count(b => b.StartsWith("stylesheet ", StringComparison.Ordinal)) > 1 || blocking.Any(b => b.StartsWith("script ", StringComparison.Ordinal)))
                problems.Add($"{path}: render-blocking {string.Join(", ", blocking)}");
        }
        Assert.True(problems.Count == 0, $"{kind} pages over budget:\n" + string.Join('\n', problems));
    }

    /// <summary>What the page loads besides images: stylesheets and scripts.</summary>
    private static IEnumerable<string> Loads(IDocument page) =>
        page.QuerySelectorAll("link[rel~=stylesheet][href]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The requests that hold up the first paint: a stylesheet in the head, a classic script there without defer or async.</summary>
    private static IEnumerable<string> RenderBlocking(IDocument page)
    {
        var head = page.Head!;
        foreach (var link in head.QuerySelectorAll("link[rel~=stylesheet]").Where(l => l.GetAttribute("media") is null or "all" or "screen"))
            yield return $"stylesheet {link.GetAttribute("href")}";
        foreach (var script in head.QuerySelectorAll("script[src]"))
            if (!script.HasAttribute("defer") && !script.HasAttribute("async") && script.GetAttribute("type") != "module")
                yield return $"script {script.GetAttribute("src")}";
    }

    /// <summary>The output file a root-relative URL names (assets are fingerprinted files; a page's own folder for a relative one).</summary>
    private string FileOf(string url, string pagePath)
    {
        Assert.False(url.Contains("://", StringComparison.Ordinal), $"{pagePath} loads {url} from another host");
        var relative = url.StartsWith('/') ? url.TrimStart('/') : Path.Combine(Path.GetDirectoryName(pagePath)!, url);
        var file = Path.Combine(site.Output, relative.Split('?', '#')[0]);
        Assert.True(File.Exists(file), $"{pagePath} loads {url}, which is not in the output");
        return file;
    }

    /// <summary>The size gzip at its default level (what nginx and most servers send with gzip on) makes of the bytes.</summary>
    private static int Gzipped(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return (int)compressed.Length;
    }
}
