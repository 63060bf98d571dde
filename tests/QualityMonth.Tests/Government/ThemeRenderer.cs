using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Government;

/// <summary>
/// Renders one theme page in process, for content the real site does not have (a publication date,
/// a 网站标识码, a title that tries to close a script): cheaper than a build per variant. The HTML is
/// read back with AngleSharp, not with anything that wrote it.
/// </summary>
public static class ThemeRenderer
{
    /// <summary>The real content, loaded once (no photos are processed).</summary>
    public static Site RealSite => LazySite.Value;

    private static readonly Lazy<Site> LazySite = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        return ContentLoader.Load(Repo.Root, diagnostics)
               ?? throw new InvalidOperationException("the real content did not load: " + string.Join('\n', diagnostics.Sorted()));
    });

    public static async Task<IHtmlDocument> RenderAsync(Site site, string sitePath, Language language, SitePage page)
    {
        // Every theme asset under a plain URL: the page links whichever it needs.
        var assets = Directory.GetFiles(Path.Combine(Repo.Root, "theme", "assets"))
            .ToDictionary(f => Path.GetFileName(f), f => "/assets/" + Path.GetFileName(f));
        var spec = new PageSpec(sitePath, language, page);
        await using var renderer = new PageRenderer(CompiledTheme.BuiltIn);
        // Links are recorded against this page alone: they are not checked here (Report is not called).
        var output = new SiteOutput();
        var links = new PageLinks(site, [spec], output);
        var html = await renderer.RenderAsync(site, spec, assets, new Dictionary<PhotoRef, ProcessedPhoto>(), output, links.Recorder(0));
        return new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
    }
}
