using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Render;

namespace QualityMonth.Build;

/// <summary>Two pages planned at one address: each later one is reported, and dropped so the rest of the pipeline can run.</summary>
internal static class PageClashes
{
    public static IReadOnlyList<PageSpec> ReportAndDrop(Site site, IReadOnlyList<PageSpec> pages, DiagnosticBag diagnostics)
    {
        foreach (var clash in pages.GroupBy(p => p.OutputPath).Where(g => g.Count() > 1))
            foreach (var page in clash.Skip(1))
                Report(site, page, clash.First(), diagnostics);
        return pages.DistinctBy(p => p.OutputPath).ToList();
    }

    private static void Report(Site site, PageSpec page, PageSpec first, DiagnosticBag diagnostics)
    {
        var other = first.Page.Source(site)?.ToString() ?? $"{first.Page.Component.Name} ({first.Language.Code})";
        // A page of another language lands on a page of the default language only through its prefix.
        if (page.Language != first.Language && !page.Language.IsDefault)
            diagnostics.Error(SettingsLoader.FileName, 0, BuildMessages.PrefixClash(page.Language.Prefix, page.Language.Code, page.UrlPath, other));
        else if (page.Page.Source(site) is { } source)
            diagnostics.Error(source, BuildMessages.PageClash(page.UrlPath, other));
        else
            diagnostics.Error(ThemeFolder, 0, BuildMessages.PageClash(page.UrlPath, other));
    }

    /// <summary>Where a clash between two of the theme's own pages is reported: it is the theme's to fix.</summary>
    private const string ThemeFolder = "theme";
}
