using QualityMonth.Assets;
using QualityMonth.Config;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Search;

namespace QualityMonth.Build;

/// <summary>What a run of the pipeline produced: the site (null when an error was found), every diagnostic, and figures for the summary.</summary>
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
}

/// <summary>
/// The pipeline: load content → site model → photos → plan pages → file generators → render (links checked as each
/// page is written) → search index → outputs (in memory). <c>build</c> and <c>check</c> both run it, so they report the
/// same problems; a check skips only the image work and the search index (<see cref="PipelineMode"/>).
/// A build given an output folder writes the site there (atomically) and has Pagefind index the written pages, so
/// each file is written once; without one, it keeps the site, index included, in memory.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The theme files every page links to: without them no page can be rendered.</summary>
    private static readonly string[] RequiredAssets = ["site.css", "favicon.svg", "age-friendly.js", "slogan-copy.js", "read-aloud.js"];

    /// <summary>The files made from the model besides the pages, in the order they run.</summary>
    internal static readonly IFileGenerator[] FileGenerators =
    [
        new Feeds.RobotsTxt(),
        new Data.ActivityData(),
        new Feeds.ActivityCalendars(),
        new Feeds.AtomFeeds(),
        new Feeds.Sitemap(),
        new Share.ShareImages(),
    ];

    /// <param name="previousOutput">The published site the result follows, if any (see <see cref="BuildContext.PreviousOutput"/>).</param>
    /// <param name="overrides">Settings given on the command line in place of statiq.json's.</param>
    /// <param name="outputFolder">Where to publish the site; it is replaced only when the whole build succeeds.</param>
    public static Task<BuildResult> BuildAsync(string siteRoot, IProgress<(int Done, int Total)>? photoProgress = null, string? previousOutput = null,
        SettingsOverrides? overrides = null, string? outputFolder = null) =>
        RunAsync(siteRoot, PipelineMode.Build, photoProgress, previousOutput, overrides, outputFolder);

    /// <summary>Everything a build would report, without making images or the search index; nothing is written.</summary>
    public static Task<BuildResult> CheckAsync(string siteRoot, SettingsOverrides? overrides = null) =>
        RunAsync(siteRoot, PipelineMode.Check, null, null, overrides, null);

    /// <summary>
    /// Runs every step the content allows, so one run reports as many problems as it can: only content that does not
    /// load, or a theme without its files, stops it before the pages are rendered and their links checked.
    /// </summary>
    private static async Task<BuildResult> RunAsync(string siteRoot, PipelineMode mode, IProgress<(int Done, int Total)>? photoProgress, string? previousOutput,
        SettingsOverrides? overrides, string? outputFolder)
    {
        var diagnostics = new DiagnosticBag();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Load(siteRoot, diagnostics, overrides);
        if (site is null) return Failed(diagnostics, null, []);
        var coverage = TranslationCoverage.Measure(site);
        TranslationCoverage.WarnUntranslated(site, diagnostics);
        GlossaryCheck.Warn(site, diagnostics);

        var output = new SiteOutput();
        var (photos, assetUrls) = await PublishFilesAsync(siteRoot, site, output, diagnostics, photoProgress, encode: mode == PipelineMode.Build);
        // The theme's pages cannot be rendered without its files.
        if (assetUrls is null) return Failed(diagnostics, site.Settings, coverage);

        var pages = PageClashes.ReportAndDrop(site, PagePlan.For(site), diagnostics);
        var build = new BuildContext(siteRoot, site, pages, photos.ByPhoto, output, diagnostics, previousOutput, mode);
        foreach (var generator in FileGenerators)
            using (BuildTimings.Measure(generator.GetType().Name))
                generator.Generate(build);

        var links = new PageLinks(site, pages, output);
        using (BuildTimings.Measure("render"))
            await PageRendering.RenderAllAsync(site, pages, assetUrls, photos.ByPhoto, output, links);
        links.Report(diagnostics);
        var pagesPerLanguage = pages.GroupBy(p => p.Language.Code).ToDictionary(g => g.Key, g => g.Count());
        BuildResult RenderedButFailed() =>
            Failed(diagnostics, site.Settings, coverage) with { PagesPerLanguage = pagesPerLanguage, Photos = photos.ByPhoto.Count };

        if (diagnostics.HasErrors) return RenderedButFailed();
        var searchIndexFiles = 0;
        if (mode == PipelineMode.Build && outputFolder is null)
            using (BuildTimings.Measure("pagefind"))
                PagefindIndex.Build(siteRoot, pages.Select(p => p.OutputPath), output, diagnostics);
        else if (mode == PipelineMode.Build)
            searchIndexFiles = Publish(siteRoot, output, outputFolder!, diagnostics);
        if (diagnostics.HasErrors) return RenderedButFailed();
        return new BuildResult(output, site.Settings, diagnostics.Sorted(), pagesPerLanguage, coverage, photos.ByPhoto.Count, photos.Processed)
        {
            SearchIndexFiles = searchIndexFiles,
        };
    }

    /// <summary>
    /// Puts the site's photos (stand-ins when not <paramref name="encode"/>) and the theme's assets into
    /// <paramref name="output"/>; the build and the preview's full builds start with it.
    /// </summary>
    /// <returns>The photos, and each asset's URL by its file name; null URLs, with an error for each, when a file every page
    /// needs is missing.</returns>
    internal static async Task<(PublishedPhotos Photos, IReadOnlyDictionary<string, string>? AssetUrls)> PublishFilesAsync(string siteRoot, Site site,
        SiteOutput output, DiagnosticBag diagnostics, IProgress<(int Done, int Total)>? photoProgress, bool encode)
    {
        PublishedPhotos photos;
        using (BuildTimings.Measure("photos"))
            photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, photoProgress, encode);
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

    /// <summary>Writes the site to <paramref name="outputFolder"/> with the search index Pagefind makes from the written pages.</summary>
    /// <returns>How many files the search index has; 0, with an error, when nothing was published.</returns>
    private static int Publish(string siteRoot, SiteOutput output, string outputFolder, DiagnosticBag diagnostics)
    {
        if (!OutputLimit.Check(output, outputFolder, diagnostics)) return 0;
        if (PagefindIndex.FindBinary(siteRoot, diagnostics) is not { } pagefind) return 0;
        var searchIndexFiles = 0;
        try
        {
            AtomicWriter.Write(output, outputFolder, staging =>
            {
                using (BuildTimings.Measure("pagefind"))
                    searchIndexFiles = PagefindIndex.BuildInFolder(pagefind, staging, diagnostics);
                return searchIndexFiles > 0;
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a folder without write permission: the machine's problem, not the content's.
            diagnostics.Error(outputFolder, 0, OutputMessages.OutputUnwritable(Path.GetDirectoryName(Path.GetFullPath(outputFolder))!, e.Message));
            return 0;
        }
        return searchIndexFiles;
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, SiteSettings? settings, IReadOnlyList<TranslationCoverage> coverage) =>
        new(null, settings, diagnostics.Sorted(), new Dictionary<string, int>(), coverage, 0, 0);
}
