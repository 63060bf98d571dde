using QualityMonth.Build;

namespace QualityMonth.Output;

/// <summary>
/// Writes a built site so that the output folder is always either the previous site or the new one:
/// the new site is written beside it, then swapped in by renaming.
/// </summary>
public static class AtomicWriter
{
    /// <param name="complete">Run on the written staging folder before the swap, to add what is made from the written
    /// files (the search index); when it returns false, the staging folder is removed and the previous site left as it was.</param>
    /// <returns>Whether the new site was swapped in.</returns>
    public static bool Write(SiteOutput site, string outputFolder, Func<string, bool> complete)
    {
        var target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(retired);
        try
        {
            Directory.CreateDirectory(staging);
            using (BuildTimings.Measure("write"))
                site.WriteTo(staging);
            if (!complete(staging))
            {
                DeleteIfExists(staging);
                return false;
            }
            if (Directory.Exists(target))
                Directory.Move(target, retired);
            Directory.Move(staging, target);
        }
        catch
        {
            // Put the previous site back if it was moved aside, and drop the partial new one.
            if (!Directory.Exists(target) && Directory.Exists(retired))
                Directory.Move(retired, target);
            DeleteIfExists(staging);
            throw;
        }
        DeleteIfExists(retired);
        return true;
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
