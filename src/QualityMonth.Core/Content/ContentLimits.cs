using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>
/// Sizes beyond which content is refused with a clear message rather than a build that runs for minutes (a 30 MB
/// notice kept the search indexer busy past ten minutes). Each limit is far above what the real documents need;
/// docs/check.md lists them.
/// </summary>
public static class ContentLimits
{
    /// <summary>Characters in a title, in any language: the longest in the documents, an English activity title, has 724.</summary>
    public const int MaxTitleLength = 2_000;

    /// <summary>Bytes in a content file (.md, .yml) or statiq.json: the longest notice has about 20 KB.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Bytes in a theme file (theme/assets/: stylesheets, scripts, icons, each copied into the site whole): today's
    /// largest has 22 KB. Far larger means a video or a document dropped there by mistake, and from 2 GB on the file
    /// could not even be read.
    /// </summary>
    public const long MaxThemeFileBytes = 16 * 1024 * 1024;

    /// <summary>Reports every content file over <see cref="MaxFileBytes"/> and theme file over <see cref="MaxThemeFileBytes"/>, before any is read.</summary>
    /// <returns>Whether there was none.</returns>
    public static bool ReportLargeFiles(string siteRoot, DiagnosticBag diagnostics)
    {
        var content = FilesUnder(siteRoot, ContentLoader.InputFolder).Where(f => Path.GetExtension(f) is ".md" or ".yml")
            .Prepend(Path.Combine(siteRoot, Config.SettingsLoader.FileName)).Where(File.Exists);
        var ok = true;
        foreach (var file in content)
            ok &= Report(siteRoot, file, MaxFileBytes, SiteMessages.FileTooLarge, diagnostics);
        foreach (var file in FilesUnder(siteRoot, "theme/assets"))
            ok &= Report(siteRoot, file, MaxThemeFileBytes, SiteMessages.ThemeFileTooLarge, diagnostics);
        return ok;
    }

    /// <summary>Reports <paramref name="file"/>, a content file, when it is over <see cref="MaxFileBytes"/>, before it is read.</summary>
    /// <returns>Whether it is within the limit (or gone: reading it reports that).</returns>
    public static bool ReportLargeFile(string siteRoot, string file, DiagnosticBag diagnostics) =>
        !File.Exists(file) || Report(siteRoot, file, MaxFileBytes, SiteMessages.FileTooLarge, diagnostics);

    private static bool Report(string siteRoot, string file, long limit, Func<long, long, Message> message, DiagnosticBag diagnostics)
    {
        var bytes = new FileInfo(file).Length;
        if (bytes <= limit) return true;
        diagnostics.Error(Path.GetRelativePath(siteRoot, file).Replace('\\', '/'), 0, message(bytes, limit));
        return false;
    }

    private static IEnumerable<string> FilesUnder(string siteRoot, string folder)
    {
        var path = Path.Combine(siteRoot, folder);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SiteTree.TreeWithoutLinks) : [];
    }
}
