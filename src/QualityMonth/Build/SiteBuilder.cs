using QualityMonth.Assets;
using QualityMonth.Config;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.PostProcess;
using QualityMonth.Render;
using QualityMonth.Search;

namespace QualityMonth.Build;

/// <summary>What a run of the pipeline produced: the site (null when an error was found), every diagnostic, and figures for the summary.</summary>
/// <param name="Output">The site, or null when an error was found; a check's output holds stand-ins for images and is never written.</param>
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

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>Whether the pages were rendered, so the links in them were checked.</summary>
    public bool Rendered => PagesPerLanguage.Count > 0;
}

/// <summary>
/// The pipeline: load content → site model → photos → plan pages → file generators → render → post-process
/// (links) → search index → outputs (in memory). <c>build</c> and <c>check</c> both run it, so they report the
/// same problems; a check skips only the image work and the search index (<see cref="PipelineMode"/>).
/// Writing to disk (atomically) or serving is up to the caller.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The theme files every page links to: without them no page can be rendered.</summary>
    internal static readonly string[] RequiredAssets = ["site.css", "favicon.svg", "age-friendly.js", "slogan-copy.js"];

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
    public static Task<BuildResult> BuildAsync(string siteRoot, IProgress<(int Done, int Total)>? photoProgress = null, string? previousOutput = null,
        SettingsOverrides? overrides = null) =>
        RunAsync(siteRoot, PipelineMode.Build, photoProgress, previousOutput, overrides);

    /// <summary>Everything a build would report, without making images or the search index; nothing is written.</summary>
    public static Task<BuildResult> CheckAsync(string siteRoot, SettingsOverrides? overrides = null) =>
        RunAsync(siteRoot, PipelineMode.Check, null, null, overrides);

    /// <summary>
    /// Runs every step the content allows, so one run reports as many problems as it can: only content that does not
    /// load, or a theme without its files, stops it before the pages are rendered and their links checked.
    /// </summary>
    private static async Task<BuildResult> RunAsync(string siteRoot, PipelineMode mode, IProgress<(int Done, int Total)>? photoProgress, string? previousOutput,
        SettingsOverrides? overrides)
    {
        var diagnostics = new DiagnosticBag();
        Site? site;
        using (BuildTimings.Measure("load"))
            site = ContentLoader.Load(siteRoot, diagnostics, overrides);
        if (site is null) return Failed(diagnostics, null, []);
        var coverage = TranslationCoverage.Measure(site);
        TranslationCoverage.WarnUntranslated(site, diagnostics);

        var output = new SiteOutput();
        PublishedPhotos photos;
        using (BuildTimings.Measure("photos"))
            photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, photoProgress, encode: mode == PipelineMode.Build);
        foreach (var (path, cacheFile) in photos.Files)
            if (cacheFile is null) output.AddStandIn(path);
            else output.AddFile(path, cacheFile);
        var assetUrls = ThemeAssets.Publish(siteRoot, output);
        var missingAssets = RequiredAssets.Where(a => !assetUrls.ContainsKey(a)).ToList();
        foreach (var missing in missingAssets)
            diagnostics.Error($"{ThemeAssets.Folder}/{missing}", 0, BuildMessages.ThemeFileMissing());
        // The theme's pages cannot be rendered without them.
        if (missingAssets.Count > 0) return Failed(diagnostics, site.Settings, coverage);

        var pages = PageClashes.ReportAndDrop(PagePlan.For(site, output.SizeOf), diagnostics);
        var build = new BuildContext(siteRoot, site, pages, photos.ByPhoto, output, diagnostics, previousOutput, mode);
        foreach (var generator in FileGenerators)
            using (BuildTimings.Measure(generator.GetType().Name))
                generator.Generate(build);

        var finisher = new HtmlPostProcessor(site, pages, output);
        using (BuildTimings.Measure("render+post-process"))
            await PageRendering.RenderAllAsync(site, pages, assetUrls, photos.ByPhoto, finisher);
        finisher.Report(diagnostics);
        var pagesPerLanguage = pages.GroupBy(p => p.Language.Code).ToDictionary(g => g.Key, g => g.Count());
        BuildResult RenderedButFailed() =>
            Failed(diagnostics, site.Settings, coverage) with { PagesPerLanguage = pagesPerLanguage, Photos = photos.ByPhoto.Count };

        if (diagnostics.HasErrors) return RenderedButFailed();
        if (mode == PipelineMode.Build)
        {
            using (BuildTimings.Measure("pagefind"))
                PagefindIndex.Build(siteRoot, pages.Select(p => p.OutputPath), output, diagnostics);
            if (diagnostics.HasErrors) return RenderedButFailed();
        }
        return new BuildResult(output, site.Settings, diagnostics.Sorted(), pagesPerLanguage, coverage, photos.ByPhoto.Count, photos.Processed);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, SiteSettings? settings, IReadOnlyList<TranslationCoverage> coverage) =>
        new(null, settings, diagnostics.Sorted(), new Dictionary<string, int>(), coverage, 0, 0);
}
