namespace QualityMonth.Output;

/// <summary>
/// Writes a built site so that the output folder is always either the previous site or the new one:
/// the new site is written beside it, then swapped in by renaming.
/// </summary>
public static class AtomicWriter
{
    public static void Write(SiteOutput site, string outputFolder)
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
            site.WriteTo(staging);
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
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
