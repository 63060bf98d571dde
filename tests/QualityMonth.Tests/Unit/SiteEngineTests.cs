using QualityMonth.Build;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

/// <summary>
/// The engine's contract: after each of a sequence of edits of different kinds, every file the preview's engine serves,
/// and every translation and glossary warning it reports, is what a fresh full build of the same input makes — with and
/// without a previously published site (<c>--previous</c>, whose calendars carry SEQUENCE numbers over) — and the edits
/// it can do incrementally render only some pages.
/// </summary>
[LongRunning(4)]
public sealed class SiteEngineTests : IDisposable
{
    private readonly TempSite _site = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_every_edit_the_served_site_equals_a_fresh_build(bool withPreviousOutput)
    {
        string? previous = null;
        if (withPreviousOutput)
        {
            // The site as published before the edits: the activity edited below is a changed calendar event after it.
            previous = _site.PathOf("published");
            await using var publish = new SiteEngine(_site.Root, new EngineOptions { OutputFolder = previous, PreviousOutput = previous });
            var published = await publish.RunAsync();
            Assert.True(published.Succeeded, string.Join("\n", published.Diagnostics));
        }
        await using var preview = new SiteEngine(_site.Root, new EngineOptions { Mode = PipelineMode.Preview, PreviousOutput = previous });
        var first = await preview.RunAsync();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        await AssertEqualsFreshBuild(first, previous, "first build");

        // Each edit: the file, the text replaced, the replacement, and how the preview must update.
        (string File, string Find, string Replace, RunKind Kind)[] edits =
        [
            ("input/2024/notices/provincial.md", "深入学习领会", "深入学习领会（预览）", RunKind.Incremental),
            ("input/2018/notices/national.md", "title_en: Notice of the State Administration", "title_en: Notice (edited) of the State Administration", RunKind.Incremental),
            // A translation that drops a glossary term: the warning comes with the update, as with a build.
            ("input/2018/notices/national.md", "the 2018 National \"Quality Month\" Activities", "the 2018 National \"Quality Drive\" Activities", RunKind.Incremental),
            ("input/2024/notices/provincial.md", "## 二、重点安排", "## 二、重点安排（改）", RunKind.Incremental),
            ("input/2024/activities/fuzhou.yml", "title: 举办“质量之声”首席质量官经验交流分享会", "title: 举办“质量之声”首席质量官经验交流会", RunKind.Incremental),
            ("input/2024/slogans.yml", "实施质量强省战略 推进高质量发展", "实施质量强省战略 推进高质量发展！", RunKind.Incremental),
            // An earlier year: the current year's theme is on every page's share card, so editing it re-renders them all.
            ("input/2024/year.yml", "theme: 加强质量支撑 共建质量强省", "theme: 加强质量支撑 共建质量强省（预览）", RunKind.Incremental),
            ("input/2025/year.yml", "theme: 加强全面质量管理 促进质量强省建设", "theme: 加强全面质量管理 促进质量强省建设（预览）", RunKind.Incremental),
            ("theme/assets/site.css", "", "", RunKind.Assets),
            ("input/site/cities.yml", "name_en: Fuzhou", "name_en: Fuzhou City", RunKind.Full),
        ];
        foreach (var (file, find, replace, kind) in edits)
        {
            if (file.EndsWith(".css", StringComparison.Ordinal)) File.AppendAllText(_site.PathOf(file), "\n.preview-test { color: red; }\n");
            else _site.Edit(file, find, replace);
            BuildResult? firstLook = null;
            var update = await preview.RunAsync([file], look => firstLook = look);
            Assert.True(update.Succeeded, string.Join("\n", update.Diagnostics));
            Assert.Equal(kind, update.Kind);
            if (kind == RunKind.Incremental)
            {
                // The first look serves the saved file's own pages before the rest, already as they end up.
                Assert.NotNull(firstLook);
                Assert.True(firstLook.ChangedPages!.Count >= 1 && firstLook.ChangedPages.Count < update.PagesRendered,
                    $"editing {file}: {firstLook.ChangedPages.Count} pages in the first look, {update.PagesRendered} rendered in all");
                foreach (var url in firstLook.ChangedPages)
                {
                    var path = QualityMonth.Routing.SiteUrls.OutputPath(url);
                    Assert.True(firstLook.Output!.TryGet(path, out var early) && update.Output!.TryGet(path, out var final) && early.AsSpan().SequenceEqual(final),
                        $"after editing {file}: the first look's {url} differs from the finished update's");
                }
                Assert.DoesNotContain(update.ChangedPages!, firstLook.ChangedPages.Contains);
                var pages = update.Output!.Paths.Count(p => p.EndsWith(".html", StringComparison.Ordinal));
                var everyPage = file == "input/2025/year.yml";
                Assert.True(update.PagesRendered >= 1 && (everyPage || update.PagesRendered < pages), $"editing {file} rendered {update.PagesRendered} of {pages} pages");
            }
            Assert.DoesNotContain(await preview.SearchIndexSettledAsync(), d => d.Severity == Severity.Error);
            await AssertEqualsFreshBuild(update, previous, $"after editing {file}");
        }
    }

    [Fact]
    public async Task An_error_is_reported_with_file_and_line_and_the_fix_recovers()
    {
        await using var preview = new SiteEngine(_site.Root, new EngineOptions { Mode = PipelineMode.Preview });
        Assert.True((await preview.RunAsync()).Succeeded);
        const string file = "input/2018/notices/provincial.md";
        _site.Edit(file, "date: 2018-", "date: 2018-13-");
        var broken = await preview.RunAsync([file]);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.File == file && d.Line > 0);

        _site.Edit(file, "date: 2018-13-", "date: 2018-");
        var fixedSite = await preview.RunAsync([file]);
        Assert.True(fixedSite.Succeeded, string.Join("\n", fixedSite.Diagnostics));
        Assert.DoesNotContain(await preview.SearchIndexSettledAsync(), d => d.Severity == Severity.Error);
        await AssertEqualsFreshBuild(fixedSite, null, "after the fix");
    }

    [Fact]
    public async Task A_saved_file_that_became_a_link_or_too_large_is_refused_on_the_incremental_reload()
    {
        await using var preview = new SiteEngine(_site.Root, new EngineOptions { Mode = PipelineMode.Preview });
        Assert.True((await preview.RunAsync()).Succeeded);
        const string file = "input/2018/notices/provincial.md";
        var path = _site.PathOf(file);
        var original = File.ReadAllText(path);
        var outside = Path.Combine(Path.GetTempPath(), $"qm-outside-{Guid.NewGuid():N}.md");
        try
        {
            // The saved notice replaced by a link to a file outside the site: the reload reads nothing through it.
            File.WriteAllText(outside, original);
            File.Delete(path);
            File.CreateSymbolicLink(path, outside);
            var linked = await preview.RunAsync([file]);
            Assert.False(linked.Succeeded);
            Assert.Contains(linked.Diagnostics, d => d.File == file && d.Message.Code == "symbolic-link");

            // A saved notice over the content file limit: refused before it is read.
            File.Delete(path);
            File.WriteAllText(path, original + new string('x', (int)ContentLimits.MaxFileBytes));
            var large = await preview.RunAsync([file]);
            Assert.False(large.Succeeded);
            Assert.Contains(large.Diagnostics, d => d.File == file && d.Message.Code == "file-too-large");
        }
        finally
        {
            File.WriteAllText(path, original);
            File.Delete(outside);
        }
        Assert.True((await preview.RunAsync([file])).Succeeded);
    }

    [Fact]
    public async Task A_published_build_gives_its_files_memory_back_before_Pagefind_and_reads_them_from_the_output_folder()
    {
        // No search index cached (the scratch site's cache is a warm build's): Pagefind runs.
        var searchCache = _site.PathOf(QualityMonth.Search.SearchIndexCache.CacheFolder);
        if (Directory.Exists(searchCache)) Directory.Delete(searchCache, recursive: true);
        var folder = _site.PathOf("published-release");
        await using var engine = new SiteEngine(_site.Root, new EngineOptions { OutputFolder = folder });
        var result = await engine.RunAsync();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.SearchIndexFiles > 0);
        // The files' bytes were let go before Pagefind ran.
        Assert.Equal(0, result.Output!.BytesHeld);
        var pages = result.Output.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        // Read from where they are now: the output folder the staging folder became.
        foreach (var page in pages)
        {
            Assert.True(result.Output.TryGet(page, out var bytes), page);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, page)), bytes);
        }
    }

    /// <summary>Compares with a full build by an engine of its own, which shares no state with the preview's.</summary>
    private async Task AssertEqualsFreshBuild(BuildResult served, string? previous, string when)
    {
        await using var engine = new SiteEngine(_site.Root, new EngineOptions { PreviousOutput = previous });
        var fresh = await engine.RunAsync();
        Assert.True(fresh.Succeeded, string.Join("\n", fresh.Diagnostics));
        // The model-wide warnings (translation, glossary) are reported again on every update.
        static List<string> Warnings(BuildResult result) =>
            result.Diagnostics.Where(d => d.Message.Code is "missing-translation" or "glossary-term").Select(d => d.ToLine(Locale.English)).ToList();
        Assert.Equal(Warnings(fresh), Warnings(served));
        // The pages and files first, then the search index made from them, so that a difference names its cause.
        foreach (var searchIndex in new[] { false, true })
        {
            bool Compared(string path) => path.StartsWith("pagefind/", StringComparison.Ordinal) == searchIndex;
            var output = served.Output!;
            var missing = fresh.Output!.Paths.Where(Compared).Except(output.Paths).Order(StringComparer.Ordinal).ToList();
            var extra = output.Paths.Where(Compared).Except(fresh.Output.Paths).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0, $"{when}: not served: {string.Join(", ", missing)}; served but not built: {string.Join(", ", extra)}");
            var different = fresh.Output.Paths.Where(Compared)
                .Where(path => !(fresh.Output.TryGet(path, out var expected) && output.TryGet(path, out var actual) && SameFile(path, expected, actual)))
                .Order(StringComparer.Ordinal).ToList();
            Assert.True(different.Count == 0, $"{when}: different from a fresh build: {string.Join(", ", different)}");
        }
    }

    /// <summary>
    /// Equal bytes; for a calendar, but for the DTSTAMP of an event changed since the previous output, which is the time
    /// the run made the change (the fresh build runs a little later). Its SEQUENCE must still be the same.
    /// </summary>
    private static bool SameFile(string path, byte[] expected, byte[] actual)
    {
        if (!path.EndsWith(".ics", StringComparison.Ordinal)) return expected.AsSpan().SequenceEqual(actual);
        static IEnumerable<string> Lines(byte[] ics) =>
            System.Text.Encoding.UTF8.GetString(ics).Split("\r\n").Where(line => !line.StartsWith("DTSTAMP:", StringComparison.Ordinal));
        return Lines(expected).SequenceEqual(Lines(actual));
    }

    public void Dispose() => _site.Dispose();
}
