using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using QualityMonth.Assets;
using QualityMonth.Config;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Routing;
using QualityMonth.Search;

namespace QualityMonth.Build;

/// <summary>What a run of the engine produced: the site (null when an error was found), every diagnostic, and figures for the summary.</summary>
/// <param name="Output">The site, or null when an error was found; a check's output holds stand-ins for images and is never written.
/// A build published to an output folder has its search index there only, not in <paramref name="Output"/> (see <see cref="SearchIndexFiles"/>).</param>
/// <param name="PagesPerLanguage">The pages rendered and link-checked, per language; empty when the content did not load far enough to render.</param>
public sealed record BuildResult(
    SiteOutput? Output,
    SiteSettings? Settings,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, int> PagesPerLanguage,
    IReadOnlyList<TranslationCoverage> Coverage,
    int Photos,
    int PhotosProcessed)
{
    public bool Succeeded => Output is not null;

    /// <summary>The search index's files Pagefind wrote straight into the output folder.</summary>
    public int SearchIndexFiles { get; init; }

    /// <summary>How many files the site has.</summary>
    public int Files => (Output?.Count ?? 0) + SearchIndexFiles;

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Whether the pages were rendered, so the links in them were checked.</summary>
    public bool Rendered => PagesPerLanguage.Count > 0;

    /// <summary>What the run did: everything, or only what the changed paths affect.</summary>
    public RunKind Kind { get; init; } = RunKind.Full;

    /// <summary>How many pages this run rendered.</summary>
    public int PagesRendered { get; init; }

    /// <summary>The URL paths (base path included) of the pages this run changed, so that only browsers showing one of them
    /// reload; null when any page may have changed.</summary>
    public IReadOnlyList<string>? ChangedPages { get; init; }
}

/// <summary>What a run did: what the changed paths called for.</summary>
public enum RunKind
{
    /// <summary>Everything, from the files.</summary>
    Full,
    /// <summary>The saved content files read again, and the steps and pages that read them run again.</summary>
    Incremental,
    /// <summary>The pages made from the saved files only, served before the rest of an incremental run.</summary>
    FirstLook,
    /// <summary>The theme's assets replaced, and their URLs in every page, without rendering.</summary>
    Assets,
    /// <summary>The theme's templates compiled again (the preview), and every page rendered with them.</summary>
    Theme,
    /// <summary>Nothing the site is made from changed.</summary>
    None,
}

/// <summary>What a run is for, and what the command line gives it.</summary>
public sealed record EngineOptions
{
    public PipelineMode Mode { get; init; } = PipelineMode.Build;

    /// <summary>Settings given on the command line in place of statiq.json's.</summary>
    public SettingsOverrides? Overrides { get; init; }

    /// <summary>The published site the result follows, if any (see <see cref="BuildContext.PreviousOutput"/>).</summary>
    public string? PreviousOutput { get; init; }

    /// <summary>Where a build publishes the site; it is replaced only when the whole build succeeds. Without one, the site,
    /// search index included, is kept in memory.</summary>
    public string? OutputFolder { get; init; }

    public IProgress<(int Done, int Total)>? PhotoProgress { get; init; }

    /// <summary>The language of the problems the preview's background search index prints on the console.</summary>
    public Locale Language { get; init; } = Locale.English;
}

/// <summary>
/// The one pipeline <c>build</c>, <c>check</c> and <c>preview</c> run: load content → site model → translation and glossary
/// warnings → photos and theme assets → plan pages → file generators → render (links checked as each page is written) →
/// search index → outputs. Each run reports as many problems as it can: only content that does not load, or a theme
/// without its files, stops it before the pages are rendered and their links checked. A check makes no images and no
/// search index (<see cref="PipelineMode"/>); a build given an output folder writes the site there (atomically) and has
/// Pagefind index the written pages, so each file is written once.
/// </summary>
/// <remarks>
/// The preview's engine keeps the last good site between runs (model, page plan, each page's dependencies and anchors,
/// what each file generator made, the output) and runs again for a set of changed paths. Each step runs again only when
/// it reads one of them: content files that already existed are read again into the model, the translation and glossary
/// warnings run again on it, the file generators that read them (<see cref="IFileGenerator.Reads"/>) run again, and
/// only the pages that depend on them (<see cref="SitePage.Dependencies"/>) are rendered again, those made from the saved
/// files first (a first look, served before the rest). A changed theme asset replaces its files and URLs without
/// rendering; a setting, a registry, a photo, or a file added or removed runs everything; a theme template or C# file
/// compiles the theme (<see cref="Preview.ThemeCompiler"/>) and renders every page with it. The result equals a full
/// run's (tested file by file), and the search index is rebuilt in the background after it.
/// </remarks>
public sealed class SiteEngine(string siteRoot, EngineOptions options) : IAsyncDisposable
{
    /// <summary>The theme files every page links to: without them no page can be rendered.</summary>
    private static readonly string[] RequiredAssets = ["site.css", "favicon.svg", "age-friendly.js", "slogan-copy.js", "read-aloud.js"];

    /// <summary>The files made from the model besides the pages, in the order they run.</summary>
    private static readonly IFileGenerator[] FileGenerators =
    [
        new Feeds.RobotsTxt(),
        new Data.ActivityData(),
        new Feeds.ActivityCalendars(),
        new Feeds.AtomFeeds(),
        new Feeds.Sitemap(),
        new Share.ShareImages(),
    ];

    /// <summary>Renders the few pages a save touches, kept warm between runs.</summary>
    private PageRenderer? _renderer;
    /// <summary>The theme pages are rendered with: the built-in one until the preview compiles a saved template.</summary>
    private CompiledTheme _theme = CompiledTheme.BuiltIn;
    private Preview.ThemeCompiler? _themeCompiler;
    /// <summary>The background compile that loads the template compiler (<see cref="WarmUpThemeCompiler"/>), if any.</summary>
    private Task _themeWarmUp = Task.CompletedTask;
    private Task _search = Task.CompletedTask;
    private IReadOnlyList<Diagnostic> _searchDiagnostics = [];
    private Kept? _kept;
    /// <summary>The paths changed since the last good run: a failed run reads them all again next time.</summary>
    private HashSet<string> _pending = new(StringComparer.Ordinal);
    private int _searchGeneration;

    /// <summary>The last site that was made without errors, and what the next run needs to know about it (the preview only).</summary>
    private sealed record Kept(
        Site Site,
        IReadOnlyDictionary<string, string> AssetUrls,
        PublishedPhotos Photos,
        IReadOnlyList<PageSpec> Pages,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies,
        Dictionary<string, PageAnchors> Anchors,
        IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> GeneratedFiles,
        IReadOnlySet<string> InputFiles,
        IReadOnlyList<TranslationCoverage> Coverage,
        IReadOnlyList<Diagnostic> Warnings,
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

    /// <summary>Whether this engine keeps its site between runs for the next (the preview).</summary>
    private bool KeepsSite => options.Mode == PipelineMode.Preview;

    /// <summary>Runs the pipeline: everything, or, given the site-relative <paramref name="changed"/> paths, what depends on them.</summary>
    /// <param name="firstLook">Called, during an incremental run, with the site in which only the pages made from the saved
    /// files are new, before the rest of the run; not called when those pages have errors or there are none.</param>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Preview.TemplateCompiling.OnlyWhenSupported)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Preview.TemplateCompiling.OnlyWhenSupported)]
    public async Task<BuildResult> RunAsync(IReadOnlyCollection<string>? changed = null, Action<BuildResult>? firstLook = null)
    {
        if (changed is null) return await RunAllAsync();
        _pending.UnionWith(changed);
        if (Preview.TemplateCompiling.IsSupported && KeepsSite && _pending.Any(Preview.ThemeSources.IsSource)) return await CompileThemeAsync();
        if (_kept is not { } kept || AddedOrRemoved(kept, _pending)) return await RunAllAsync();
        // Editors save through temporary files, which are gone by now: only the site's own files count.
        var relevant = _pending.Where(p => kept.InputFiles.Contains(p) || !IsInput(p)).ToList();
        if (relevant.Count == 0) return Served(kept, RunKind.None, [], 0, []);
        if (relevant.All(f => f.StartsWith(ThemeAssets.Folder + "/", StringComparison.Ordinal))) return UpdateAssets(kept) ?? await RunAllAsync();
        // Settings and registries are read by every step.
        if (!relevant.All(f => ContentLoader.IsYearFile(f) && Path.GetExtension(f) is ".md" or ".yml")) return await RunAllAsync();
        return await UpdateContentAsync(kept, relevant, firstLook);
    }

    /// <param name="servedSearchIndex">A kept site whose search index is served until the new site's, made in the background, replaces
    /// it (the preview, after a theme change); without one, the run indexes the site before it returns.</param>
    private async Task<BuildResult> RunAllAsync(SiteOutput? servedSearchIndex = null)
    {
        var clock = Stopwatch.StartNew();
        // Until a full run succeeds, nothing is known good to update from.
        _kept = null;
        var inputFiles = KeepsSite ? InputFiles() : [];
        var diagnostics = new DiagnosticBag();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Load(siteRoot, diagnostics, options.Overrides);
        if (site is null) return Failed(diagnostics, null, []);
        var (coverage, warnings) = Warn(site, diagnostics);

        var output = new SiteOutput();
        var (photos, assetUrls) = await PublishFilesAsync(site, output, diagnostics);
        // The theme's pages cannot be rendered without its files.
        if (assetUrls is null) return Failed(diagnostics, site.Settings, coverage);

        var pages = PageClashes.ReportAndDrop(site, PagePlan.For(site), diagnostics);
        var generated = Generate(site, pages, photos, output, diagnostics, new Dictionary<IFileGenerator, IReadOnlySet<string>>(), changedFiles: null);
        var links = new PageLinks(site, pages, output);
        using (BuildTimings.Measure("render"))
            await PageRendering.RenderAllAsync(site, pages, assetUrls, photos.ByPhoto, output, links, _theme);
        links.Report(diagnostics);
        var pagesPerLanguage = PagesPerLanguage(pages);
        BuildResult RenderedButFailed() =>
            Failed(diagnostics, site.Settings, coverage) with { PagesPerLanguage = pagesPerLanguage, Photos = photos.ByPhoto.Count };
        if (diagnostics.HasErrors) return RenderedButFailed();

        var searchIndexFiles = options.Mode == PipelineMode.Check || servedSearchIndex is not null ? 0 : IndexForSearch(pages, output, diagnostics);
        if (diagnostics.HasErrors) return RenderedButFailed();
        foreach (var path in servedSearchIndex?.Paths.Where(IsSearchFile) ?? [])
            output.SetFrom(servedSearchIndex!, path);

        if (KeepsSite)
        {
            _pending = new HashSet<string>(StringComparer.Ordinal);
            _kept = new Kept(site, assetUrls, photos, pages, pages.ToDictionary(p => p.OutputPath, p => p.Page.Dependencies(site)),
                links.Anchors().ToDictionary(StringComparer.Ordinal), generated, inputFiles, coverage, warnings, output);
            Timings(RunKind.Full, clock);
            if (servedSearchIndex is not null) StartSearchIndex(output);
        }
        return new BuildResult(output, site.Settings, diagnostics.Sorted(), pagesPerLanguage, coverage, photos.ByPhoto.Count, photos.Processed)
        {
            SearchIndexFiles = searchIndexFiles,
            PagesRendered = pages.Count,
        };
    }

    /// <summary>
    /// Compiles the theme on a thread of its own and throws the result away (the preview, once it serves). The first compile
    /// of a session loads Roslyn, the SDK's Razor generator and the metadata of the ~230 framework assemblies the theme is
    /// compiled against, and compiles their code: about 6 s of the first template save's 7 s on 4,000 pages, against about
    /// 1 s for a later save (docs/benchmarks.md, Preview). Done ahead, every template save is a later one. It costs about
    /// 300 MB that the preview keeps (Roslyn and the references), and a few seconds of one core at the lowest priority.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = Preview.TemplateCompiling.OnlyWhenSupported)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Preview.TemplateCompiling.OnlyWhenSupported)]
    public void WarmUpThemeCompiler()
    {
        if (!Preview.TemplateCompiling.IsSupported || !KeepsSite) return;
        var compiler = _themeCompiler ??= new Preview.ThemeCompiler(siteRoot);
        _themeWarmUp = Task.Factory.StartNew(() =>
        {
            try
            {
                // At the lowest priority, on this thread alone, so that a content save meanwhile comes first (it still took 30-50 ms
                // more, the compile's garbage collections pausing the whole process; 50-90 ms more with the compile on every core).
                Preview.BackgroundThread.LowerPriority();
                // Twice: the first loads and compiles the compiler's code; a second compile still took twice a later one's time.
                for (var round = 1; round <= 2; round++)
                    using (BuildTimings.Measure($"compile-theme-warm-up-{round}"))
                        compiler.Compile(new DiagnosticBag(), onThisThread: true)?.Unload();
            }
            catch (Exception e)
            {
                // Only the first template save is slower for it; that save reports what the compiler finds.
                if (BuildTimings.Enabled) Console.Error.WriteLine($"template compiler warm-up failed: {e.Message}");
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// A theme template or C# file was saved (the preview): the theme is compiled and, when it compiles, every page is
    /// rendered with it (every page depends on the layout). The templates make nothing but pages: with a kept site and
    /// nothing else saved, only the pages are rendered again, over the kept model; otherwise everything runs. Until then
    /// the last good site stays served; the saved file stays pending, so the next run compiles again.
    /// </summary>
    [RequiresUnreferencedCode("compiles and loads the theme: only on the JIT (TemplateCompiling.IsSupported)")]
    [RequiresDynamicCode("compiles and loads the theme: only on the JIT (TemplateCompiling.IsSupported)")]
    private async Task<BuildResult> CompileThemeAsync()
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        CompiledTheme? compiled;
        // The compiler keeps state from compile to compile: one at a time.
        await _themeWarmUp;
        using (BuildTimings.Measure("compile-theme"))
            compiled = (_themeCompiler ??= new Preview.ThemeCompiler(siteRoot)).Compile(diagnostics);
        if (compiled is null) return Failed(diagnostics, _kept?.Site.Settings, []) with { Kind = RunKind.Theme };
        var previous = _theme;
        _theme = compiled;
        if (_renderer is not null) await _renderer.DisposeAsync();
        _renderer = null;
        previous.Unload();
        // The search index takes longer than the rest: the last good site's is served until the new one is made.
        var result = _kept is { } kept && _pending.All(Preview.ThemeSources.IsSource)
            ? await RenderPagesAgainAsync(kept)
            : await RunAllAsync(_kept?.Output);
        Timings(RunKind.Theme, clock);
        return result with { Kind = RunKind.Theme };
    }

    /// <summary>Every page of the kept site rendered again with the current theme, its links checked as a full run checks them;
    /// the other files are kept. Serves the last good site's search index until the new one is made.</summary>
    private async Task<BuildResult> RenderPagesAgainAsync(Kept kept)
    {
        var diagnostics = new DiagnosticBag();
        var output = kept.Output.Clone();
        foreach (var page in kept.Pages) output.Remove(page.OutputPath);
        var links = new PageLinks(kept.Site, kept.Pages, output);
        using (BuildTimings.Measure("render"))
            await PageRendering.RenderAllAsync(kept.Site, kept.Pages, kept.AssetUrls, kept.Photos.ByPhoto, output, links, _theme);
        links.Report(diagnostics);
        if (diagnostics.HasErrors)
        {
            // The kept pages were made with the previous theme: the next run starts afresh.
            _kept = null;
            return Failed(diagnostics, kept.Site.Settings, kept.Coverage);
        }
        foreach (var warning in kept.Warnings) diagnostics.Add(warning);
        _pending = new HashSet<string>(StringComparer.Ordinal);
        var updated = kept with { Output = output, Anchors = links.Anchors().ToDictionary(StringComparer.Ordinal) };
        _kept = updated;
        StartSearchIndex(output);
        return Served(updated, RunKind.Theme, diagnostics.Sorted(), kept.Pages.Count, null);
    }

    /// <summary>Brings the kept site up to date after content <paramref name="files"/> that already existed were saved.</summary>
    private async Task<BuildResult> UpdateContentAsync(Kept kept, IReadOnlyCollection<string> files, Action<BuildResult>? firstLook)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Reload(siteRoot, kept.Site, files, diagnostics);
        if (site is null) return Failed(diagnostics, kept.Site.Settings, []) with { Kind = RunKind.Incremental };

        var output = kept.Output.Clone();
        var photos = kept.Photos;
        // A reloaded year has new photo references (pages look photos up by them): whenever the site has photos, they are
        // published again, which the photo cache makes cheap; an activities file may also have changed its photos.
        if (kept.Photos.ByPhoto.Count > 0 || files.Any(f => f.Contains("/activities/", StringComparison.Ordinal)))
        {
            using (BuildTimings.Measure("photos"))
                photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, null, encode: true);
            if (!photos.Files.Select(f => f.OutputPath).ToHashSet().SetEquals(kept.Photos.Files.Select(f => f.OutputPath))) return await RunAllAsync();
        }
        // First look: the pages made from the saved files, rendered and served before anything else (and before the
        // whole site is planned again: they are the pages they were, as a page names its notice, year or activity by
        // its keys, looked up in the reloaded site).
        var anchors = new Dictionary<string, PageAnchors>(kept.Anchors, StringComparer.Ordinal);
        var own = kept.Pages.Where(p => p.Page.MadeFrom(site) is { } source && files.Any(f => f.StartsWith(source, StringComparison.Ordinal))).ToList();
        var rendered = await RenderAgainAsync(site, own, kept.AssetUrls, photos, output, anchors, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, site.Settings, []) with { Kind = RunKind.Incremental };
        if (own.Count > 0 && firstLook is not null)
            firstLook(new BuildResult(output.Clone(), site.Settings, [], PagesPerLanguage(kept.Pages), kept.Coverage, photos.ByPhoto.Count, 0)
            {
                Kind = RunKind.FirstLook,
                PagesRendered = rendered,
                ChangedPages = UrlsOf(site, own),
            });
        BuildTimings.Print("first-look", clock.ElapsedMilliseconds);
        // After the first look: they read the whole model, which takes longer than the first look itself on a large site.
        var (coverage, warnings) = Warn(site, diagnostics);

        var pages = PageClashes.ReportAndDrop(site, PagePlan.For(site), diagnostics);
        // A page added or removed changes what every link may point to: that is a full run's work.
        if (!pages.Select(p => p.OutputPath).SequenceEqual(kept.Pages.Select(p => p.OutputPath))) return await RunAllAsync();

        // Then the rest: the feeds and data files, the other pages that show what changed, and the links into them.
        var dependencies = pages.ToDictionary(p => p.OutputPath, p => p.Page.Dependencies(site));
        var dirty = pages.Where(p => PageDependencies.Affected(dependencies[p.OutputPath], files) || PageDependencies.Affected(kept.Dependencies[p.OutputPath], files)).ToList();
        var generated = Generate(site, pages, photos, output, diagnostics, kept.GeneratedFiles, files);
        var ownPaths = own.Select(p => p.OutputPath).ToHashSet();
        var rest = dirty.Where(p => !ownPaths.Contains(p.OutputPath)).ToList();
        rendered += await RenderAgainAsync(site, rest, kept.AssetUrls, photos, output, anchors, diagnostics);
        // A page whose ids changed can break the #anchors other pages link to: those are checked again (the first look's
        // pages were checked against the rest's ids from before).
        bool IdsChanged(PageSpec page) => !anchors[page.OutputPath].Ids.SetEquals(kept.Anchors[page.OutputPath].Ids);
        var changedIds = dirty.Where(IdsChanged).Select(p => p.OutputPath).ToHashSet();
        var restChangedIds = rest.Where(IdsChanged).Select(p => p.OutputPath).ToHashSet();
        var dirtyPaths = dirty.Select(p => p.OutputPath).ToHashSet();
        var linking = pages.Where(p => dirtyPaths.Contains(p.OutputPath)
            ? ownPaths.Contains(p.OutputPath) && anchors[p.OutputPath].Targets.Overlaps(restChangedIds)
            : anchors[p.OutputPath].Targets.Overlaps(changedIds)).ToList();
        rendered += await RenderAgainAsync(site, linking, kept.AssetUrls, photos, output, anchors, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics, site.Settings, coverage) with { Kind = RunKind.Incremental };

        _pending = new HashSet<string>(StringComparer.Ordinal);
        var updated = kept with
        {
            Site = site, Photos = photos, Pages = pages, Dependencies = dependencies, Anchors = anchors, GeneratedFiles = generated, Coverage = coverage,
            Warnings = warnings, Output = output,
        };
        _kept = updated;
        Timings(RunKind.Incremental, clock);
        StartSearchIndex(output);
        // Pages rendered again only to check their links come out the same: no browser needs to reload them.
        var changedPages = own.Count > 0 && firstLook is not null ? rest : dirty;
        return Served(updated, RunKind.Incremental, diagnostics.Sorted(), rendered, UrlsOf(site, changedPages));
    }

    /// <summary>The translation and glossary warnings, which read the whole model: they run on every load.</summary>
    /// <returns>How much of the site is translated, for the summary, and the warnings, which an update that does not load
    /// the content reports again.</returns>
    private static (IReadOnlyList<TranslationCoverage> Coverage, IReadOnlyList<Diagnostic> Warnings) Warn(Site site, DiagnosticBag diagnostics)
    {
        using var timing = BuildTimings.Measure("warnings");
        var warnings = new DiagnosticBag();
        TranslationCoverage.WarnUntranslated(site, warnings);
        GlossaryCheck.Warn(site, warnings);
        var sorted = warnings.Sorted();
        foreach (var warning in sorted) diagnostics.Add(warning);
        return (TranslationCoverage.Measure(site), sorted);
    }

    /// <summary>
    /// Puts the site's photos (stand-ins for a check) and the theme's assets into <paramref name="output"/>.
    /// </summary>
    /// <returns>The photos, and each asset's URL by its file name; null URLs, with an error for each, when a file every page
    /// needs is missing.</returns>
    private async Task<(PublishedPhotos Photos, IReadOnlyDictionary<string, string>? AssetUrls)> PublishFilesAsync(Site site, SiteOutput output,
        DiagnosticBag diagnostics)
    {
        PublishedPhotos photos;
        using (BuildTimings.Measure("photos"))
            photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, options.PhotoProgress, encode: options.Mode != PipelineMode.Check);
        foreach (var (path, cacheFile) in photos.Files)
            if (cacheFile is null) output.AddStandIn(path);
            else output.AddFile(path, cacheFile);
        var assetUrls = ThemeAssets.Publish(siteRoot, output);
        if (site.Settings.Footer.PartyGovernmentMark is { } mark)
            output.AddFile(mark.ImageUrl.TrimStart('/'), mark.ImageFile);
        var missingAssets = RequiredAssets.Where(a => !assetUrls.ContainsKey(a)).ToList();
        foreach (var missing in missingAssets)
            diagnostics.Error($"{ThemeAssets.Folder}/{missing}", 0, BuildMessages.ThemeFileMissing());
        return (photos, missingAssets.Count == 0 ? assetUrls : null);
    }

    /// <summary>
    /// Runs the file generators into <paramref name="output"/>, replacing what each made last time. With
    /// <paramref name="changedFiles"/>, a generator that reads none of them keeps its files.
    /// </summary>
    /// <returns>The paths each generator made.</returns>
    private IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> Generate(Site site, IReadOnlyList<PageSpec> pages, PublishedPhotos photos, SiteOutput output,
        DiagnosticBag diagnostics, IReadOnlyDictionary<IFileGenerator, IReadOnlySet<string>> previous, IReadOnlyCollection<string>? changedFiles)
    {
        var made = new Dictionary<IFileGenerator, IReadOnlySet<string>>();
        foreach (var generator in FileGenerators)
        {
            if (changedFiles is not null && !changedFiles.Any(generator.Reads))
            {
                made[generator] = previous[generator];
                continue;
            }
            var generated = new SiteOutput();
            using (BuildTimings.Measure(generator.GetType().Name))
                generator.Generate(new BuildContext(siteRoot, site, pages, photos.ByPhoto, generated, diagnostics, options.PreviousOutput, options.Mode));
            if (previous.TryGetValue(generator, out var before))
                foreach (var path in before) output.Remove(path);
            foreach (var path in generated.Paths) output.SetFrom(generated, path);
            made[generator] = generated.Paths.ToHashSet(StringComparer.Ordinal);
        }
        return made;
    }

    /// <summary>Renders <paramref name="pages"/> again into <paramref name="output"/>, checking their links against the rest.</summary>
    private async Task<int> RenderAgainAsync(Site site, IReadOnlyList<PageSpec> pages, IReadOnlyDictionary<string, string> assetUrls, PublishedPhotos photos,
        SiteOutput output, Dictionary<string, PageAnchors> anchors, DiagnosticBag diagnostics)
    {
        if (pages.Count == 0) return 0;
        var paths = pages.Select(p => p.OutputPath).ToHashSet();
        foreach (var path in paths) output.Remove(path);
        var others = anchors.Where(a => !paths.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var links = new PageLinks(site, pages, output, others);
        using var timing = BuildTimings.Measure("render");
        for (var index = 0; index < pages.Count; index++)
        {
            var recorder = links.Recorder(index);
            links.Finish(index, recorder, await (_renderer ??= new PageRenderer(_theme)).RenderAsync(site, pages[index], assetUrls, photos.ByPhoto, output, recorder));
        }
        links.Report(diagnostics);
        foreach (var (path, pageAnchors) in links.Anchors())
            anchors[path] = pageAnchors;
        return pages.Count;
    }

    /// <summary>
    /// A changed stylesheet, script or icon of the theme: pages name assets only by their content-hashed URLs, so the
    /// new files replace the old ones and every page's old URL is replaced by the new one, without rendering.
    /// An asset added or removed is a full run's work (null).
    /// </summary>
    private BuildResult? UpdateAssets(Kept kept)
    {
        var clock = Stopwatch.StartNew();
        var assets = new SiteOutput();
        var assetUrls = ThemeAssets.Publish(siteRoot, assets);
        if (!assetUrls.Keys.ToHashSet().SetEquals(kept.AssetUrls.Keys)) return null;
        var renamed = assetUrls.Where(a => a.Value != kept.AssetUrls[a.Key]).Select(a => (Old: kept.AssetUrls[a.Key], New: a.Value)).ToList();
        var output = kept.Output.Clone();
        foreach (var (oldUrl, _) in renamed) output.Remove(oldUrl.TrimStart('/'));
        foreach (var (_, newUrl) in renamed) output.SetFrom(assets, newUrl.TrimStart('/'));
        var replacements = renamed.Select(r => (Old: System.Text.Encoding.UTF8.GetBytes(r.Old), New: System.Text.Encoding.UTF8.GetBytes(r.New))).ToList();
        Parallel.ForEach(kept.Pages, page =>
        {
            output.TryGet(page.OutputPath, out var bytes);
            var replaced = replacements.Aggregate(bytes, (html, url) => ReplaceBytes(html, url.Old, url.New));
            if (!ReferenceEquals(replaced, bytes)) output.Set(page.OutputPath, replaced);
        });
        _pending = new HashSet<string>(StringComparer.Ordinal);
        var updated = kept with { AssetUrls = assetUrls, Output = output };
        _kept = updated;
        Timings(RunKind.Assets, clock);
        StartSearchIndex(output);
        return Served(updated, RunKind.Assets, kept.Warnings, 0, null);
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

    /// <summary>The search index: in the output folder a build publishes to, else in the output in memory (the preview's
    /// first run serves with it; its later runs index in the background).</summary>
    /// <returns>How many files the search index has in the output folder.</returns>
    private int IndexForSearch(IReadOnlyList<PageSpec> pages, SiteOutput output, DiagnosticBag diagnostics)
    {
        // Newer than any index the preview is still making in the background, which is then dropped.
        Interlocked.Increment(ref _searchGeneration);
        if (options.OutputFolder is { } outputFolder) return Publish(output, outputFolder, LanguageFolders(pages), diagnostics);
        using (BuildTimings.Measure("pagefind"))
            PagefindIndex.Build(siteRoot, pages.Select(p => p.OutputPath), LanguageFolders(pages), output, diagnostics);
        return 0;
    }

    /// <summary>Writes the site to <paramref name="outputFolder"/> with the search index Pagefind makes from the written pages.</summary>
    /// <returns>How many files the search index has; 0, with an error, when nothing was published.</returns>
    private int Publish(SiteOutput output, string outputFolder, IReadOnlyCollection<string> languageFolders, DiagnosticBag diagnostics)
    {
        if (!OutputLimit.Check(output, outputFolder, diagnostics)) return 0;
        if (PagefindIndex.FindBinary(siteRoot, diagnostics) is not { } pagefind) return 0;
        var searchIndexFiles = 0;
        try
        {
            AtomicWriter.Write(output, outputFolder, staging =>
            {
                using (BuildTimings.Measure("pagefind"))
                    searchIndexFiles = PagefindIndex.BuildInFolder(siteRoot, pagefind, staging, output, languageFolders, diagnostics);
                return searchIndexFiles > 0;
            }, madeByComplete: new HashSet<string>(StringComparer.Ordinal) { PagefindIndex.Folder });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a folder without write permission: the machine's problem, not the content's.
            diagnostics.Error(outputFolder, 0, OutputMessages.OutputUnwritable(Path.GetDirectoryName(Path.GetFullPath(outputFolder))!, e.Message));
            return 0;
        }
        return searchIndexFiles;
    }

    /// <summary>
    /// Indexes the pages for search in the background, one index at a time, and puts the index into the served output
    /// when done; a newer site skips an older one's index. Until then search answers from the previous index.
    /// </summary>
    private void StartSearchIndex(SiteOutput output)
    {
        var generation = Interlocked.Increment(ref _searchGeneration);
        var pages = _kept!.Pages.Select(p => p.OutputPath).ToList();
        var languageFolders = LanguageFolders(_kept.Pages);
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
            await Task.Factory.StartNew(() => PagefindIndex.Build(siteRoot, pages, languageFolders, snapshot, diagnostics, background: true),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            _searchDiagnostics = diagnostics.Sorted();
            foreach (var diagnostic in _searchDiagnostics)
                Console.Error.WriteLine(diagnostic.ToLine(options.Language));
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

    /// <summary>The folders of the pages' languages that are not at the root: each is indexed by a Pagefind of its own.</summary>
    private static IReadOnlyCollection<string> LanguageFolders(IEnumerable<PageSpec> pages) =>
        pages.Select(p => p.Language.Prefix).Where(prefix => prefix.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static bool IsSearchFile(string path) => path.StartsWith(PagefindIndex.Folder + "/", StringComparison.Ordinal);

    private static bool IsInput(string path) => path.StartsWith(ContentLoader.InputFolder + "/", StringComparison.Ordinal);

    /// <summary>
    /// Whether a content file was added or removed since the last good run: an editor's save fires an event for it, so
    /// only the changed paths are looked at (a renamed folder is one event, for the folder).
    /// </summary>
    private bool AddedOrRemoved(Kept kept, IEnumerable<string> changed) =>
        changed.Where(IsInput).Any(p =>
        {
            var full = Path.Combine(siteRoot, p);
            return Directory.Exists(full) || kept.InputFolders.Contains(p) || File.Exists(full) != kept.InputFiles.Contains(p);
        });

    private HashSet<string> InputFiles()
    {
        var input = Path.Combine(siteRoot, ContentLoader.InputFolder);
        return Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", SiteTree.TreeWithoutLinks).Select(f => Path.GetRelativePath(siteRoot, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static Dictionary<string, int> PagesPerLanguage(IReadOnlyList<PageSpec> pages) =>
        pages.GroupBy(p => p.Language.Code).ToDictionary(g => g.Key, g => g.Count());

    private static List<string> UrlsOf(Site site, IEnumerable<PageSpec> pages) =>
        pages.Select(p => SiteUrls.Mount(site.Settings, p.UrlPath)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The kept site, as a run that changed only what it names.</summary>
    private static BuildResult Served(Kept kept, RunKind kind, IReadOnlyList<Diagnostic> diagnostics, int pagesRendered, IReadOnlyList<string>? changedPages) =>
        new(kept.Output, kept.Site.Settings, diagnostics, PagesPerLanguage(kept.Pages), kept.Coverage, kept.Photos.ByPhoto.Count, 0)
        {
            Kind = kind,
            PagesRendered = pagesRendered,
            ChangedPages = changedPages,
        };

    private static BuildResult Failed(DiagnosticBag diagnostics, SiteSettings? settings, IReadOnlyList<TranslationCoverage> coverage) =>
        new(null, settings, diagnostics.Sorted(), new Dictionary<string, int>(), coverage, 0, 0);

    /// <summary>A kept run's whole time; its steps are timed under their own names.</summary>
    private static void Timings(RunKind kind, Stopwatch clock) => BuildTimings.Print($"update-{kind.ToString().ToLowerInvariant()}", clock.ElapsedMilliseconds);

    public ValueTask DisposeAsync() => _renderer?.DisposeAsync() ?? ValueTask.CompletedTask;
}
