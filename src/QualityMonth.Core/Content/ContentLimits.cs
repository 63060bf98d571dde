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

    /// <summary>Reports every content file over <see cref="MaxFileBytes"/>, before any is read.</summary>
    /// <returns>Whether there was none.</returns>
    public static bool ReportLargeFiles(string siteRoot, DiagnosticBag diagnostics)
    {
        var input = Path.Combine(siteRoot, ContentLoader.InputFolder);
        IEnumerable<string> files = Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", SiteTree.TreeWithoutLinks).Where(f => Path.GetExtension(f) is ".md" or ".yml")
            : [];
        var ok = true;
        foreach (var file in files.Prepend(Path.Combine(siteRoot, Config.SettingsLoader.FileName)).Where(File.Exists))
        {
            var bytes = new FileInfo(file).Length;
            if (bytes <= MaxFileBytes) continue;
            diagnostics.Error(Path.GetRelativePath(siteRoot, file).Replace('\\', '/'), 0, SiteMessages.FileTooLarge(bytes, MaxFileBytes));
            ok = false;
        }
        return ok;
    }
}
