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

/// <summary>What a build produced: the site (null when an error was found), every diagnostic, and figures for the summary.</summary>
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
}

/// <summary>
/// The pipeline: load content → site model → render pages → assets → post-process → search index → outputs (in memory).
/// Writing to disk (atomically) or serving is up to the caller.
/// </summary>
public static class SiteBuilder
{
    private static readonly string[] RequiredAssets = ["site.css", "favicon.svg", "age-friendly.css", "age-friendly.js", "slogan-copy.js"];

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

    /// <param name="previousOutput">The published site the result follows, if any (see <see cref="BuildContext.PreviousOutput"/>).</param>
    /// <param name="overrides">Settings given on the command line in place of statiq.json's.</param>
    public static async Task<BuildResult> BuildAsync(string siteRoot, IProgress<(int Done, int Total)>? photoProgress = null, string? previousOutput = null,
        SettingsOverrides? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(siteRoot, diagnostics, overrides);
        if (site is null) return Failed(diagnostics);

        var output = new SiteOutput();
        var photos = await PhotoPipeline.PublishAsync(siteRoot, site, diagnostics, photoProgress);
        foreach (var (path, cacheFile) in photos.Files)
            output.AddFile(path, cacheFile);
        var assetUrls = ThemeAssets.Publish(siteRoot, output);
        foreach (var missing in RequiredAssets.Where(a => !assetUrls.ContainsKey(a)))
            diagnostics.Error($"{ThemeAssets.Folder}/{missing}", 0, "the theme needs this file");
        var pages = PagePlan.For(site, output.SizeOf);
        foreach (var clash in pages.GroupBy(p => p.OutputPath).Where(g => g.Count() > 1))
            foreach (var page in clash.Skip(1))
                diagnostics.Error(page.Source?.File ?? "theme", page.Source?.Line ?? 0,
                    $"two pages claim the URL {page.UrlPath} (also {clash.First().Source?.ToString() ?? clash.First().Component.Name})");
        if (diagnostics.HasErrors) return Failed(diagnostics);

        var build = new BuildContext(siteRoot, site, pages, photos.ByPhoto, output, diagnostics, previousOutput);
        foreach (var generator in FileGenerators)
            generator.Generate(build);
        if (diagnostics.HasErrors) return Failed(diagnostics);

        var rendered = new List<RenderedPage>(pages.Count);
        await using (var renderer = new PageRenderer())
            foreach (var page in pages)
                rendered.Add(new RenderedPage(page, await renderer.RenderAsync(site, page, assetUrls, photos.ByPhoto)));

        HtmlPostProcessor.Process(site, rendered, output, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics);

        PagefindIndex.Build(siteRoot, pages.Select(p => p.OutputPath), output, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics);

        return new BuildResult(output, site.Settings, diagnostics.Sorted(),
            pages.GroupBy(p => p.Language.Code).ToDictionary(g => g.Key, g => g.Count()),
            TranslationCoverage.Measure(site), photos.ByPhoto.Count, photos.Processed);
    }

    private static BuildResult Failed(DiagnosticBag diagnostics) =>
        new(null, null, diagnostics.Sorted(), new Dictionary<string, int>(), [], 0, 0);
}
