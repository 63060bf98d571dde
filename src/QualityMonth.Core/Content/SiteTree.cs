using QualityMonth.Config;
using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>
/// The files a build reads (statiq.json, input/, theme/), walked without following symbolic links. Git carries links,
/// so a push could publish a file from anywhere on the server (<c>favicon.svg -&gt; /etc/passwd</c>) or send the build
/// round a loop (<c>up -&gt; ../..</c>): every link is refused, whatever it points at, before any file is read.
/// </summary>
public static class SiteTree
{
    /// <summary>What the build reads, relative to the site root.</summary>
    private static readonly string[] ReadEntries = [SettingsLoader.FileName, ContentLoader.InputFolder, "theme"];

    /// <summary>Lists a folder's own entries, links included (they are reported, not followed), hidden files too.</summary>
    private static readonly EnumerationOptions OneLevel = new() { AttributesToSkip = 0, RecurseSubdirectories = false };

    /// <summary>For the loaders: the files of a folder matching a pattern, symbolic links left out.</summary>
    public static readonly EnumerationOptions WithoutLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint, MatchCasing = MatchCasing.CaseSensitive };

    /// <summary>For scans of a whole tree: every file below a folder, not descending into linked folders.</summary>
    public static readonly EnumerationOptions TreeWithoutLinks = new() { AttributesToSkip = FileAttributes.ReparsePoint, RecurseSubdirectories = true };

    /// <summary>The first symbolic link on the way from <paramref name="siteRoot"/> down to <paramref name="fullPath"/> inside it, or null.</summary>
    public static FileSystemInfo? LinkOnPath(string siteRoot, string fullPath)
    {
        var at = siteRoot;
        foreach (var name in Path.GetRelativePath(siteRoot, fullPath).Split(Path.DirectorySeparatorChar))
        {
            at = Path.Combine(at, name);
            var entry = new FileInfo(at);
            if (entry.LinkTarget is not null) return entry;
        }
        return null;
    }

    /// <summary>Reports the first symbolic link on the way to <paramref name="fullPath"/> (<see cref="LinkOnPath"/>), as an error on the link.</summary>
    /// <returns>Whether there was none.</returns>
    public static bool ReportLinkOnPath(string siteRoot, string fullPath, DiagnosticBag diagnostics)
    {
        if (LinkOnPath(siteRoot, fullPath) is not { LinkTarget: { } target } link) return true;
        Report(siteRoot, link, target, diagnostics);
        return false;
    }

    private static void Report(string siteRoot, FileSystemInfo link, string target, DiagnosticBag diagnostics) =>
        diagnostics.Error(Path.GetRelativePath(siteRoot, link.FullName).Replace('\\', '/'), 0, SiteMessages.SymbolicLink(target));

    /// <summary>Reports every symbolic link among the files a build reads, as an error on the link.</summary>
    /// <returns>Whether there was none.</returns>
    public static bool ReportLinks(string siteRoot, DiagnosticBag diagnostics)
    {
        var clean = true;
        var folders = new Stack<string>();
        foreach (var entry in ReadEntries.Select(e => Path.Combine(siteRoot, e)))
            Visit(new FileInfo(entry));
        while (folders.TryPop(out var folder))
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel))
                Visit(entry);
        return clean;

        void Visit(FileSystemInfo entry)
        {
            if (entry.LinkTarget is { } target)
            {
                Report(siteRoot, entry, target, diagnostics);
                clean = false;
            }
            else if (Directory.Exists(entry.FullName))
                folders.Push(entry.FullName);
        }
    }
}
