using System.Diagnostics;
using QualityMonth.Assets;
using QualityMonth.Build;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Search;

namespace QualityMonth.Preview;

/// <summary>What an update of the preview produced: the site to serve, or the errors to show instead.</summary>
/// <param name="ChangedPages">The URL paths (base path included) of the pages this update changed, so that only browsers showing
/// one of them reload; null when any page may have changed.</param>
public sealed record PreviewBuild(SiteOutput? Output, string BasePath, IReadOnlyList<Diagnostic> Diagnostics, string Kind, int PagesRendered,
    IReadOnlyList<string>? ChangedPages = null)
{
    public bool Succeeded => Output is not null;
}

/// <summary>
/// The preview's site, kept in memory between saves: the model, the pages planned with what each depends on, and the
/// finished output. A save of content files that already existed reloads only those files into the model and
/// re-renders only the pages that depend on them (<see cref="PageDependencies"/>); a changed theme asset, setting,
/// registry, photo, or an added or removed file rebuilds everything. An incremental update serves a first look as soon
/// as the pages made from the saved files are rendered (the page the editor is looking at), then the other dependent
/// pages, the feeds and data files; the search index is rebuilt in the background after that. The result equals a full
/// build's (tested page by page).
/// </summary>
/// <param name="language">The language of the problems the background search index prints on the console.</param>
public sealed class IncrementalSite(string siteRoot, MessageLanguage language = MessageLanguage.English) : IAsyncDisposable
{
    // The same file generators as a build, in their order.
    private static IReadOnlyList<IFileGenerator> FileGenerators => SiteBuilder.FileGenerators;

    private readonly PageRenderer _renderer = new();
    private Task _search = Task.CompletedTask;
    private IReadOnlyList<Diagnostic> _searchDiagnostics = [];
    private Good? _good;
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private int _searchGeneration;

    /// <summary>The last site that built without errors, and what the next update needs to know about it.</summary>
    private sealed record Good(
        Site Site,
        IReadOnlyDictionary<string, string> AssetUrls,
        PublishedPhotos Photos,
        IReadOnlyList<PageSpec> Pages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies,
        Dictionary<string, PageAnchors> Anchors,
        IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> GeneratedFiles,
        IReadOnlySet<string> InputFiles,
        SiteOutput Output)
    {
        /// <summary>Every folder above an input file.</summary>
        public IReadOnlySet<string> InputFolders { get; } = InputFiles.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);

        private static IEnumerable<string> Ancestors(string file)
        {
            for (var slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
                yield return file[..slash];
        }
    }

    /// <summary>Builds everything (the first build, and whenever an update cannot be incremental).</summary>
    public async Task<PreviewBuild> BuildAllAsync()
    {
        var clock = Stopwatch.StartNew();
        // Until a full build succeeds, nothing is known good to update from.
        _good = null;
        var diagnostics = new DiagnosticBag();
        var inputFiles = InputFiles();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Load(siteRoot, diagnostics);
        if (site is null) return Failed(diagnostics, "full");
        TranslationCoverage.WarnUntranslated(site, diagnostics);
        GlossaryCheck.Warn(site, diagnostics);
        var output = new SiteOutput();
        var (photos, assetUrls) = await SiteBuilder.PublishFilesAsync(siteRoot, site, output, diagnostics, null, encode: true);
        if (assetUrls is null || diagnostics.HasErrors) return Failed(diagnostics, "full");

        var pages = PageClashes.ReportAndDrop(site, PagePlan.For(site), diagnostics);
        var generated = Generate(site, pages, photos, output, diagnostics, new Dictionary<IFileGenerator, IReadOnlySet<string>>(), changedFiles: null);
        var links = new PageLinks(site, pages, output);
        using (BuildTimings.Measure("render"))
            await PageRendering.RenderAllAsync(site, pages, assetUrls, photos.ByPhoto, output, links);
        links.Report(diagnostics);
        var anchors = links.Anchors().ToDictionary(StringComparer.Ordinal);
        if (diagnostics.HasErrors) return Failed(diagnostics, "full");

        _pending = new HashSet<string>(StringComparer.Ordinal);
        _good = new Good(site, assetUrls, photos, pages, pages.ToDictionary(p => p.OutputPath, p => p.Page.Dependencies(site)),
            anchors, generated, inputFiles, output);
        // The first build serves with its search index; later ones index in the background.
        Interlocked.Increment(ref _searchGeneration);
        using (BuildTimings.Measure("pagefind"))
            PagefindIndex.Build(siteRoot, pages.Select(p => p.OutputPath), output, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, "full");
        Timings("full", clock);
        return new PreviewBuild(output, site.Settings.BasePath, diagnostics.Sorted(), "full", pages.Count);
    }

    /// <summary>Brings the site up to date after <paramref name="changed"/> (site-relative paths) were saved.</summary>
    /// <param name="firstLook">Called, during an incremental update, with the site in which only the pages made from the saved
    /// files are new, before the rest of the update; not called when those pages have errors or there are none.</param>
    public async Task<PreviewBuild> UpdateAsync(IReadOnlyCollection<string> changed, Action<PreviewBuild>? firstLook = null)
    {
        _pending.UnionWith(changed);
        if (_good is not { } good || AddedOrRemoved(good, _pending)) return await BuildAllAsync();
        // Editors save through temporary files, which are gone by now: only the site's own files count.
        var relevant = _pending.Where(p => good.InputFiles.Contains(p) || !p.StartsWith(ContentLoader.InputFolder + "/", StringComparison.Ordinal)).ToList();
        if (relevant.Count == 0) return new PreviewBuild(good.Output, good.Site.Settings.BasePath, [], "none", 0, []);
        if (relevant.All(f => f.StartsWith(ThemeAssets.Folder + "/", StringComparison.Ordinal))) return UpdateAssets(good) ?? await BuildAllAsync();
        if (!relevant.All(f => ContentLoader.IsYearFile(f) && Path.GetExtension(f) is ".md" or ".yml")) return await BuildAllAsync();
        var files = relevant;

        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Reload(siteRoot, good.Site, files, diagnostics);
        if (site is null) return Failed(diagnostics, "incremental");

        var output = good.Output.Clone();
        var photos = good.Photos;
        // A reloaded year has new photo references (pages look photos up by them): whenever the site has photos, they are
        // published again, which the photo cache makes cheap; an activities file may also have changed its photos.
        if (good.Photos.ByPhoto.Count > 0 || files.Any(f => f.Contains("/activities/", StringComparison.Ordinal)))
        {
            photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, null, encode: true);
            if (!photos.Files.Select(f => f.OutputPath).ToHashSet().SetEquals(good.Photos.Files.Select(f => f.OutputPath))) return await BuildAllAsync();
        }
        // First look: the pages made from the saved files, rendered and served before anything else (and before the
        // whole site is planned again: they are the pages they were, as a page names its notice, year or activity by
        // its keys, looked up in the reloaded site).
        var anchors = new Dictionary<string, PageAnchors>(good.Anchors, StringComparer.Ordinal);
        var own = good.Pages.Where(p => p.Page.MadeFrom(site) is { } source && files.Any(f => f.StartsWith(source, StringComparison.Ordinal))).ToList();
        var rendered = await ProcessAgainAsync(site, own, good.AssetUrls, photos, output, anchors, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, "incremental");
        if (own.Count > 0 && firstLook is not null)
            firstLook(new PreviewBuild(output.Clone(), site.Settings.BasePath, [], "first look", rendered, UrlsOf(site, own)));
        BuildTimings.Print("first-look", clock.ElapsedMilliseconds);

        var pages = PageClashes.ReportAndDrop(site, PagePlan.For(site), diagnostics);
        // A page added or removed changes what every link may point to: that is a full build's work.
        if (!pages.Select(p => p.OutputPath).SequenceEqual(good.Pages.Select(p => p.OutputPath))) return await BuildAllAsync();

        // Then the rest: the feeds and data files, the other pages that show what changed, and the links into them.
        var dependencies = pages.ToDictionary(p => p.OutputPath, p => p.Page.Dependencies(site));
        var dirty = pages.Where(p => PageDependencies.Affected(dependencies[p.OutputPath], files) || PageDependencies.Affected(good.Dependencies[p.OutputPath], files)).ToList();
        var generated = Generate(site, pages, photos, output, diagnostics, good.GeneratedFiles, files);
        var ownPaths = own.Select(p => p.OutputPath).ToHashSet();
        var rest = dirty.Where(p => !ownPaths.Contains(p.OutputPath)).ToList();
        rendered += await ProcessAgainAsync(site, rest, good.AssetUrls, photos, output, anchors, diagnostics);
        // A page whose ids changed can break the #anchors other pages link to: those are checked again (the first look's
        // pages were checked against the rest's ids from before).
        bool IdsChanged(PageSpec page) => !anchors[page.OutputPath].Ids.SetEquals(good.Anchors[page.OutputPath].Ids);
        var changedIds = dirty.Where(IdsChanged).Select(p => p.OutputPath).ToHashSet();
        var restChangedIds = rest.Where(IdsChanged).Select(p => p.OutputPath).ToHashSet();
        var dirtyPaths = dirty.Select(p => p.OutputPath).ToHashSet();
        var linking = pages.Where(p => dirtyPaths.Contains(p.OutputPath)
            ? ownPaths.Contains(p.OutputPath) && anchors[p.OutputPath].Targets.Overlaps(restChangedIds)
            : anchors[p.OutputPath].Targets.Overlaps(changedIds)).ToList();
        rendered += await ProcessAgainAsync(site, linking, good.AssetUrls, photos, output, anchors, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, "incremental");

        _pending = new HashSet<string>(StringComparer.Ordinal);
        _good = good with { Site = site, Photos = photos, Pages = pages, Dependencies = dependencies, Anchors = anchors, GeneratedFiles = generated, Output = output };
        Timings("incremental", clock);
        StartSearchIndex(output);
        // Pages rendered again only to check their links come out the same: no browser needs to reload them.
        var changedPages = own.Count > 0 && firstLook is not null ? rest : dirty;
        return new PreviewBuild(output, site.Settings.BasePath, diagnostics.Sorted(), "incremental", rendered, UrlsOf(site, changedPages));
    }

    /// <summary>
    /// Whether a content file was added or removed since the last good build: an editor's save fires an event for it, so
    /// only the changed paths are looked at (a renamed folder is one event, for the folder).
    /// </summary>
    private bool AddedOrRemoved(Good good, IEnumerable<string> changed) =>
        changed.Where(p => p.StartsWith(ContentLoader.InputFolder + "/", StringComparison.Ordinal)).Any(p =>
        {
            var full = Path.Combine(siteRoot, p);
            return Directory.Exists(full) || good.InputFolders.Contains(p) || File.Exists(full) != good.InputFiles.Contains(p);
        });

    private static List<string> UrlsOf(Site site, IEnumerable<PageSpec> pages) =>
        pages.Select(p => site.Settings.BasePath + p.UrlPath).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A changed stylesheet, script or icon of the theme: pages name assets only by their content-hashed URLs, so the
    /// new files replace the old ones and every page's old URL is replaced by the new one, without rendering.
    /// An asset added or removed is a full build's work (null).
    /// </summary>
    private PreviewBuild? UpdateAssets(Good good)
    {
        var clock = Stopwatch.StartNew();
        var assets = new SiteOutput();
        var assetUrls = ThemeAssets.Publish(siteRoot, assets);
        if (!assetUrls.Keys.ToHashSet().SetEquals(good.AssetUrls.Keys)) return null;
        var renamed = assetUrls.Where(a => a.Value != good.AssetUrls[a.Key]).Select(a => (Old: good.AssetUrls[a.Key], New: a.Value)).ToList();
        var output = good.Output.Clone();
        foreach (var (oldUrl, _) in renamed) output.Remove(oldUrl.TrimStart('/'));
        foreach (var (_, newUrl) in renamed) output.SetFrom(assets, newUrl.TrimStart('/'));
        var replacements = renamed.Select(r => (Old: System.Text.Encoding.UTF8.GetBytes(r.Old), New: System.Text.Encoding.UTF8.GetBytes(r.New))).ToList();
        Parallel.ForEach(good.Pages, page =>
        {
            output.TryGet(page.OutputPath, out var bytes);
            var replaced = replacements.Aggregate(bytes, (html, url) => ReplaceBytes(html, url.Old, url.New));
            if (!ReferenceEquals(replaced, bytes)) output.Set(page.OutputPath, replaced);
        });
        _pending = new HashSet<string>(StringComparer.Ordinal);
        _good = good with { AssetUrls = assetUrls, Output = output };
        Timings("assets", clock);
        StartSearchIndex(output);
        return new PreviewBuild(output, good.Site.Settings.BasePath, [], "assets", 0);
    }

    /// <summary>
    /// <paramref name="html"/> with every <paramref name="oldValue"/> replaced by <paramref name="newValue"/>, or the same array
    /// when there is none: UTF-8 bytes are searched as they are, without decoding the page.
    /// </summary>
    private static byte[] ReplaceBytes(byte[] html, byte[] oldValue, byte[] newValue)
    {
        var at = html.AsSpan().IndexOf(oldValue);
        if (at < 0) return html;
        using var result = new MemoryStream(html.Length + newValue.Length - oldValue.Length);
        var rest = html.AsSpan();
        while (at >= 0)
        {
            result.Write(rest[..at]);
            result.Write(newValue);
            rest = rest[(at + oldValue.Length)..];
            at = rest.IndexOf(oldValue);
        }
        result.Write(rest);
        return result.ToArray();
    }

    /// <summary>Renders <paramref name="pages"/> again into <paramref name="output"/>, checking their links against the rest.</summary>
    private async Task<int> ProcessAgainAsync(Site site, IReadOnlyList<PageSpec> pages, IReadOnlyDictionary<string, string> assetUrls, PublishedPhotos photos,
        SiteOutput output, Dictionary<string, PageAnchors> anchors, DiagnosticBag diagnostics)
    {
        if (pages.Count == 0) return 0;
        var paths = pages.Select(p => p.OutputPath).ToHashSet();
        foreach (var path in paths) output.Remove(path);
        var others = anchors.Where(a => !paths.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var links = new PageLinks(site, pages, output, others);
        // The few pages a save touches are rendered by the one renderer kept warm between saves.
        using var timing = BuildTimings.Measure("render");
        for (var index = 0; index < pages.Count; index++)
        {
            var recorder = links.Recorder(index);
            links.Finish(index, recorder, await _renderer.RenderAsync(site, pages[index], assetUrls, photos.ByPhoto, output, recorder));
        }
        links.Report(diagnostics);
        foreach (var (path, pageAnchors) in links.Anchors())
            anchors[path] = pageAnchors;
        return pages.Count;
    }

    /// <summary>
    /// Runs the file generators into <paramref name="output"/>, replacing what each made last time. With
    /// <paramref name="changedFiles"/>, a generator none of them can affect keeps its files: the share cards show only
    /// the years' themes and slogans (and settings, which a full build reloads).
    /// </summary>
    /// <returns>The paths each generator made.</returns>
    private IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> Generate(Site site, IReadOnlyList<PageSpec> pages, PublishedPhotos photos, SiteOutput output,
        DiagnosticBag diagnostics, IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> previous, IReadOnlyCollection<string>? changedFiles)
    {
        var made = new Dictionary<IFileGenerator, IReadOnlySet<string>>();
        foreach (var generator in FileGenerators)
        {
            if (changedFiles is not null && generator is Share.ShareImages && !changedFiles.Any(f => f.EndsWith("/year.yml", StringComparison.Ordinal) || f.EndsWith("/slogans.yml", StringComparison.Ordinal)))
            {
                made[generator] = previous[generator];
                continue;
            }
            var generated = new SiteOutput();
            using (BuildTimings.Measure(generator.GetType().Name))
                generator.Generate(new BuildContext(siteRoot, site, pages, photos.ByPhoto, generated, diagnostics, null, PipelineMode.Build));
            if (previous.TryGetValue(generator, out var before))
                foreach (var path in before) output.Remove(path);
            foreach (var path in generated.Paths) output.SetFrom(generated, path);
            made[generator] = generated.Paths.ToHashSet(StringComparer.Ordinal);
        }
        return made;
    }

    /// <summary>
    /// Indexes the pages for search in the background, one index at a time, and puts the index into the served output
    /// when done; a newer site skips an older one's index. Until then search answers from the previous index.
    /// </summary>
    private void StartSearchIndex(SiteOutput output)
    {
        var generation = Interlocked.Increment(ref _searchGeneration);
        var pages = _good!.Pages.Select(p => p.OutputPath).ToList();
        var snapshot = output.Clone();
        var previous = _search;
        _search = Task.Run(async () =>
        {
            await previous;
            if (generation != Volatile.Read(ref _searchGeneration)) return;
            var diagnostics = new DiagnosticBag();
            var stale = snapshot.Paths.Where(IsSearchFile).ToList();
            foreach (var path in stale) snapshot.Remove(path);
            // Its own thread: indexing blocks for seconds, and a blocked pool thread on two cores delays the next save's
            // update and the server's requests until the pool adds a thread (about a second).
            await Task.Factory.StartNew(() => PagefindIndex.Build(siteRoot, pages, snapshot, diagnostics, background: true),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _searchDiagnostics = diagnostics.Sorted();
            foreach (var diagnostic in _searchDiagnostics)
                Console.Error.WriteLine(diagnostic.ToLine(language));
            if (diagnostics.HasErrors) return;
            var fresh = snapshot.Paths.Where(IsSearchFile).ToHashSet(StringComparer.Ordinal);
            foreach (var path in fresh) output.SetFrom(snapshot, path);
            foreach (var path in output.Paths.Where(p => IsSearchFile(p) && !fresh.Contains(p)).ToList()) output.Remove(path);
        });
    }

    /// <summary>Waits until the search index of the newest site is in its output (tests, benchmark).</summary>
    /// <returns>What the last background index reported (an error leaves the previous index served).</returns>
    public async Task<IReadOnlyList<Diagnostic>> SearchIndexSettledAsync()
    {
        Task current;
        do { current = _search; await current; } while (current != _search);
        return _searchDiagnostics;
    }

    private static bool IsSearchFile(string path) => path.StartsWith(PagefindIndex.Folder + "/", StringComparison.Ordinal);

    private HashSet<string> InputFiles()
    {
        var input = Path.Combine(siteRoot, ContentLoader.InputFolder);
        return Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", SiteTree.TreeWithoutLinks).Select(f => Path.GetRelativePath(siteRoot, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private PreviewBuild Failed(DiagnosticBag diagnostics, string kind) =>
        new(null, _good?.Site.Settings.BasePath ?? "", diagnostics.Sorted(), kind, 0);

    /// <summary>The whole update's time; its steps are timed under the build's step names.</summary>
    private static void Timings(string kind, Stopwatch clock) => BuildTimings.Print($"update-{kind}", clock.ElapsedMilliseconds);

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();
}
