using QualityMonth.Build;
using QualityMonth.Output;
using QualityMonth.Preview;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

/// <summary>
/// The preview's incremental updates: after each of a sequence of edits of different kinds, every file the preview
/// serves must have the bytes a fresh full build of the same input has, and the edits it can do incrementally
/// must re-render only some pages.
/// </summary>
public sealed class IncrementalPreviewTests : IDisposable
{
    private readonly TempSite _site = new();

    [Fact]
    public async Task After_every_edit_the_served_site_equals_a_fresh_build()
    {
        await using var preview = new IncrementalSite(_site.Root);
        var first = await preview.BuildAllAsync();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        await AssertEqualsFreshBuild(first.Output!, "first build");

        // Each edit: the file, the text replaced, the replacement, and how the preview must update.
        (string File, string Find, string Replace, string Kind)[] edits =
        [
            ("input/2024/notices/provincial.md", "深入学习领会", "深入学习领会（预览）", "incremental"),
            ("input/2018/notices/national.md", "title_en: Notice of the State Administration", "title_en: Notice (edited) of the State Administration", "incremental"),
            ("input/2024/notices/provincial.md", "## 二、重点安排", "## 二、重点安排（改）", "incremental"),
            ("input/2024/activities/fuzhou.yml", "title: 举办“质量之声”首席质量官经验交流分享会", "title: 举办“质量之声”首席质量官经验交流会", "incremental"),
            ("input/2024/slogans.yml", "实施质量强省战略 推进高质量发展", "实施质量强省战略 推进高质量发展！", "incremental"),
            // An earlier year: the current year's theme is on every page's share card, so editing it re-renders them all.
            ("input/2024/year.yml", "theme: 加强质量支撑 共建质量强省", "theme: 加强质量支撑 共建质量强省（预览）", "incremental"),
            ("input/2025/year.yml", "theme: 加强全面质量管理 促进质量强省建设", "theme: 加强全面质量管理 促进质量强省建设（预览）", "incremental"),
            ("theme/assets/site.css", "", "", "assets"),
            ("input/site/cities.yml", "name_en: Fuzhou", "name_en: Fuzhou City", "full"),
        ];
        foreach (var (file, find, replace, kind) in edits)
        {
            if (file.EndsWith(".css", StringComparison.Ordinal)) File.AppendAllText(_site.PathOf(file), "\n.preview-test { color: red; }\n");
            else _site.Edit(file, find, replace);
            PreviewBuild? firstLook = null;
            var update = await preview.UpdateAsync([file], look => firstLook = look);
            Assert.True(update.Succeeded, string.Join("\n", update.Diagnostics));
            Assert.Equal(kind, update.Kind);
            if (kind == "incremental")
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
            Assert.DoesNotContain(await preview.SearchIndexSettledAsync(), d => d.Severity == QualityMonth.Diagnostics.Severity.Error);
            await AssertEqualsFreshBuild(update.Output!, $"after editing {file}");
        }
    }

    [Fact]
    public async Task An_error_is_reported_with_file_and_line_and_the_fix_recovers()
    {
        await using var preview = new IncrementalSite(_site.Root);
        Assert.True((await preview.BuildAllAsync()).Succeeded);
        const string file = "input/2018/notices/provincial.md";
        _site.Edit(file, "date: 2018-", "date: 2018-13-");
        var broken = await preview.UpdateAsync([file]);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.File == file && d.Line > 0);

        _site.Edit(file, "date: 2018-13-", "date: 2018-");
        var fixedSite = await preview.UpdateAsync([file]);
        Assert.True(fixedSite.Succeeded, string.Join("\n", fixedSite.Diagnostics));
        Assert.DoesNotContain(await preview.SearchIndexSettledAsync(), d => d.Severity == QualityMonth.Diagnostics.Severity.Error);
        await AssertEqualsFreshBuild(fixedSite.Output!, "after the fix");
    }

    /// <summary>Compares with a full build by <see cref="SiteBuilder"/>, which shares no state with the preview.</summary>
    private async Task AssertEqualsFreshBuild(SiteOutput served, string when)
    {
        var fresh = await SiteBuilder.BuildAsync(_site.Root);
        Assert.True(fresh.Succeeded, string.Join("\n", fresh.Diagnostics));
        // The pages and files first, then the search index made from them, so that a difference names its cause.
        foreach (var searchIndex in new[] { false, true })
        {
            bool Compared(string path) => path.StartsWith("pagefind/", StringComparison.Ordinal) == searchIndex;
            var missing = fresh.Output!.Paths.Where(Compared).Except(served.Paths).Order(StringComparer.Ordinal).ToList();
            var extra = served.Paths.Where(Compared).Except(fresh.Output.Paths).Order(StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0, $"{when}: not served: {string.Join(", ", missing)}; served but not built: {string.Join(", ", extra)}");
            var different = fresh.Output.Paths.Where(Compared)
                .Where(path => !(fresh.Output.TryGet(path, out var expected) && served.TryGet(path, out var actual) && expected.AsSpan().SequenceEqual(actual)))
                .Order(StringComparer.Ordinal).ToList();
            Assert.True(different.Count == 0, $"{when}: different from a fresh build: {string.Join(", ", different)}");
        }
    }

    public void Dispose() => _site.Dispose();
}
