using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using QualityMonth.Tests.Support;
using Xunit.Abstractions;

namespace QualityMonth.Tests.Unit;

/// <summary>
/// The real 'preview' command on a copy of the site with the theme's sources: a saved template is compiled and served
/// without a restart, on every page; a template that does not compile shows its error over the last good site. The
/// preview loads the template compiler in the background once it serves, unless told not to.
/// </summary>
public sealed partial class PreviewThemeTests : IDisposable
{
    private const string Shell = "theme/Layout/PageShell.razor";
    private const string FooterStart = "<footer class=\"site-footer\"";

    /// <summary>An attribute, not an element: Razor drops the whitespace at the start of an element, not between two.</summary>
    private const string Marker = " data-marker=\"hot-reload\"";

    /// <summary>On the 2-core machine, under the test suite's load: the first compile loads and compiles Roslyn itself.</summary>
    private static readonly TimeSpan CompileBound = TimeSpan.FromSeconds(120);

    /// <summary>The preview's peak memory after compiling the theme twice, and rendering every page with each.</summary>
    private const long PeakMemoryBound = 1536L * 1024 * 1024;

    private readonly TempSite _site = new();
    private PreviewProcess? _started;
    private PreviewProcess Preview => _started ?? throw new InvalidOperationException("no preview started");
    private readonly ITestOutputHelper _log;

    public PreviewThemeTests(ITestOutputHelper log)
    {
        _log = log;
        CopyThemeSources(Path.Combine(Repo.Root, "theme"), _site.PathOf("theme"));
    }

    /// <summary>What the preview prints with --timings when it has loaded the template compiler in the background (the second of
    /// its two compiles), and what no other compile prints.</summary>
    private const string WarmUp = "timing compile-theme-warm-up-2 ";

    [Fact]
    public async Task A_saved_template_is_served_on_every_page_without_a_restart_and_nothing_else_changes()
    {
        _started = new PreviewProcess(_site, warmUpTemplates: true);
        await Preview.WaitForAsync("/", r => r.StatusCode == HttpStatusCode.OK);
        // The compiler is loaded, by a compile of the theme as it is, in the background once the site is served.
        var clock = Stopwatch.StartNew();
        while (!Preview.Log.Any(line => line.StartsWith(WarmUp, StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < CompileBound && !Preview.HasExited, $"no template compiler warm-up: {string.Join('\n', Preview.Log)}");
            await Task.Delay(200);
        }
        var pages = await PagesAsync();
        Assert.True(pages.Count > 400, $"only {pages.Count} pages in the sitemap");
        var before = await ServeAllAsync(pages);
        Assert.DoesNotContain(before, page => page.Value.Contains(Marker, StringComparison.Ordinal));

        using var events = await Preview.Http.GetStreamAsync(Preview.Url + PreviewEvents);
        using var reader = new StreamReader(events);
        clock.Restart();
        _site.Edit(Shell, FooterStart, FooterStart + Marker);
        await ReadUntil(reader, "data: reload");
        _log.WriteLine($"template saved → every browser told to reload: {clock.ElapsedMilliseconds} ms");
        Assert.False(Preview.HasExited);

        var after = await ServeAllAsync(pages);
        foreach (var (path, html) in after)
        {
            Assert.Contains(FooterStart + Marker + ">", html);
            Assert.Equal(before[path], html.Replace(Marker, "", StringComparison.Ordinal));
        }
        Assert.True(Preview.PeakMemoryBytes < PeakMemoryBound, $"the preview's peak memory is {Preview.PeakMemoryBytes / 1048576} MiB");
    }

    [Fact]
    public async Task A_template_that_does_not_compile_is_shown_with_its_line_over_the_last_good_site_and_recovers()
    {
        _started = new PreviewProcess(_site, warmUpTemplates: false);
        await Preview.WaitForAsync("/2024/", r => r.StatusCode == HttpStatusCode.OK);
        const string list = "<dl class=\"footer-items\">";
        _site.Edit(Shell, list, list + "@NoSuchValue");
        var line = File.ReadAllLines(_site.PathOf(Shell)).ToList().FindIndex(l => l.Contains("@NoSuchValue", StringComparison.Ordinal)) + 1;
        var broken = await WaitForAsync("/2024/", body => body.Contains("id=\"build-errors\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains($"{Shell}:{line}: error: CS0103: The name &#39;NoSuchValue&#39; does not exist in the current context [theme-compile]", broken.Body);
        // The last good site is still served, under the errors, and reloads on the next update.
        Assert.Contains("加强质量支撑 共建质量强省", broken.Body);
        Assert.Contains("<script src=\"/__preview/reload.js\" data-every-update></script>", broken.Body);

        _site.Edit(Shell, list + "@NoSuchValue", list + "<p>fixed-marker</p>");
        var fixedPage = await WaitForAsync("/2024/", body => body.Contains("fixed-marker", StringComparison.Ordinal));
        Assert.DoesNotContain("build-errors", fixedPage.Body);
        Assert.Contains("<script src=\"/__preview/reload.js\"></script>", fixedPage.Body);
        Assert.False(Preview.HasExited);
        // Told not to, the preview compiled the theme only when it was saved.
        Assert.DoesNotContain(Preview.Log, line => line.StartsWith("timing compile-theme-warm-up", StringComparison.Ordinal));
        Assert.Contains(Preview.Log, line => line.StartsWith("timing compile-theme ", StringComparison.Ordinal));
        Assert.True(Preview.PeakMemoryBytes < PeakMemoryBound, $"the preview's peak memory is {Preview.PeakMemoryBytes / 1048576} MiB");
    }

    [Fact]
    public async Task A_page_template_the_generator_names_cannot_be_removed_in_the_preview()
    {
        _started = new PreviewProcess(_site);
        await Preview.WaitForAsync("/", r => r.StatusCode == HttpStatusCode.OK);
        File.Delete(_site.PathOf("theme/Pages/PressPage.razor"));
        var broken = await WaitForAsync("/", body => body.Contains("id=\"build-errors\"", StringComparison.Ordinal));
        Assert.Contains("theme/Pages/PressPage.razor: error: the generator&#39;s pages need QualityMonth.Theme.Pages.PressPage, " +
            "which the saved theme no longer has", broken.Body);
        Assert.Contains("加强全面质量管理 促进质量强省建设", broken.Body);
        Assert.False(Preview.HasExited);
    }

    private const string PreviewEvents = "/__preview/events";

    /// <summary>Every page the sitemap lists, as site paths.</summary>
    private async Task<List<string>> PagesAsync()
    {
        var sitemap = (await Preview.GetAsync("/sitemap.xml")).Body;
        return Location().Matches(sitemap).Select(m => new Uri(m.Groups[1].Value).AbsolutePath).Distinct().ToList();
    }

    private async Task<Dictionary<string, string>> ServeAllAsync(IEnumerable<string> pages)
    {
        var served = new Dictionary<string, string>();
        foreach (var page in pages)
        {
            var (status, body) = await Preview.GetAsync(page);
            Assert.True(status == HttpStatusCode.OK, $"{page}: {status}");
            served[page] = body;
        }
        return served;
    }

    private async Task<(HttpStatusCode StatusCode, string Body)> WaitForAsync(string path, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < CompileBound && !Preview.HasExited)
        {
            var response = await Preview.GetAsync(path);
            if (done(response.Body)) return response;
            await Task.Delay(200);
        }
        throw new TimeoutException($"the preview did not serve {path} as expected in {CompileBound} (exited: {Preview.HasExited})");
    }

    private static async Task ReadUntil(StreamReader reader, string line)
    {
        using var timeout = new CancellationTokenSource(CompileBound);
        while (await reader.ReadLineAsync(timeout.Token) is { } read)
            if (read == line) return;
        throw new EndOfStreamException("the event stream closed before " + line);
    }

    /// <summary>The theme's templates and C# files (the scratch site has its assets already), without build output.</summary>
    private static void CopyThemeSources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "assets") continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex Location();

    public void Dispose()
    {
        _started?.Dispose();
        _site.Dispose();
    }
}
