using QualityMonth.Diagnostics;

namespace QualityMonth.Output;

/// <summary>
/// Which folders a build may replace. A build swaps its output folder wholesale, so a folder that holds the sources,
/// a system folder or one the generator did not make would be deleted: those are refused before anything is read.
/// Folders the generator makes carry <see cref="MarkerName"/>, so a later build knows it may replace them.
/// </summary>
public static class OutputFolder
{
    /// <summary>The file every output folder the generator writes holds (see docs/check.md).</summary>
    public const string MarkerName = ".qualitymonth-output";

    public const string MarkerText = "This folder was written by the qualitymonth generator; each build replaces it wholesale.\n";

    /// <summary>What a build reads and must never replace.</summary>
    private static readonly string[] Sources = ["input", "theme", "src", ".git", "statiq.json"];

    /// <summary>Why <paramref name="output"/> must not be replaced by a build of <paramref name="siteRoot"/>, or null when it may.</summary>
    public static Message? Problem(string siteRoot, string output)
    {
        var target = RealPath(output);
        if (File.Exists(target)) return OutputMessages.OutputIsFile(output);
        var root = RealPath(siteRoot);
        if (target == Path.GetPathRoot(target) || target == RealPath(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)))
            return OutputMessages.OutputIsSystemFolder(output);
        // The site folder or a folder above it holds every source; below it, only the sources' own folders do.
        if (IsSameOrInside(root, target))
            return OutputMessages.OutputHoldsSources(output, root);
        foreach (var source in Sources.Select(s => Path.Combine(root, s)))
            if (IsSameOrInside(target, source))
                return OutputMessages.OutputHoldsSources(output, source);
        if (Directory.Exists(target) && !File.Exists(Path.Combine(target, MarkerName)) && Directory.EnumerateFileSystemEntries(target).Any())
            return OutputMessages.OutputNotOurs(output, MarkerName);
        return null;
    }

    /// <summary>Whether <paramref name="folder"/> holds the marker, i.e. the generator made it (an empty folder counts too).</summary>
    public static bool IsOurs(string folder) =>
        File.Exists(Path.Combine(folder, MarkerName)) || !Directory.EnumerateFileSystemEntries(folder).Any();

    public static void Mark(string folder) => File.WriteAllText(Path.Combine(folder, MarkerName), MarkerText);

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The absolute path with every symbolic link in it resolved, as far as it exists: a link named like a harmless folder
    /// may lead to the sources. The part that does not exist yet is appended as written.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full)!;
        var parts = full[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(resolved, parts[i]);
            var info = new FileInfo(next);
            if (info.LinkTarget is null)
            {
                resolved = next;
                continue;
            }
            string? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            }
            catch (IOException)
            {
                target = null; // a loop of links: left as the link itself
            }
            resolved = target is null ? next : RealPath(target);
        }
        return resolved.Length > 1 ? resolved.TrimEnd(Path.DirectorySeparatorChar) : resolved;
    }
}
