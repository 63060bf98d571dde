namespace QualityMonth.Imaging;

/// <summary>
/// Builds that share one site's <c>.cache</c> (a build beside a preview, two builds in one clone): each holds a shared
/// lock on <c>.cache/.in-use</c> from its first use of the cache until it exits, and a cache is pruned — which deletes
/// files another build may be drawing or about to copy — only by a build that can lock it alone. Otherwise stale
/// entries wait for the next build that runs alone.
/// </summary>
public static class CacheLock
{
    private const string LockFile = ".cache/.in-use";

    private static readonly Dictionary<string, FileStream> Held = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Marks the cache of <paramref name="siteRoot"/> as in use by this process (once; kept until it exits).</summary>
    public static void Hold(string siteRoot)
    {
        var path = Path.Combine(siteRoot, LockFile);
        lock (Gate)
            if (!Held.ContainsKey(path))
                Held[path] = OpenShared(path);
    }

    /// <summary>Runs <paramref name="prune"/> when no other process uses the cache.</summary>
    /// <returns>Whether it ran.</returns>
    public static bool PruneAlone(string siteRoot, Action prune)
    {
        var path = Path.Combine(siteRoot, LockFile);
        lock (Gate)
        {
            // A lock on another handle of the same file would conflict with this process's own shared one.
            if (Held.Remove(path, out var shared)) shared.Dispose();
            try
            {
                FileStream alone;
                try
                {
                    alone = Open(path, FileShare.None);
                }
                catch (IOException)
                {
                    return false; // another build holds it
                }
                using (alone) prune();
                return true;
            }
            finally
            {
                Held[path] = OpenShared(path);
            }
        }
    }

    /// <summary>The shared lock, waited for while another build prunes (holds it alone): .NET's flock(2) does not wait.</summary>
    private static FileStream OpenShared(string path)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return Open(path, FileShare.ReadWrite);
            }
            catch (IOException) when (File.Exists(path) && waited.Elapsed < PruneWait)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Longer than any prune takes: a lock held longer is a stuck process, reported as the disk problem it then is.</summary>
    private static readonly TimeSpan PruneWait = TimeSpan.FromMinutes(2);

    /// <summary>.NET locks the file with flock(2): shared for <see cref="FileShare.ReadWrite"/>, exclusive for <see cref="FileShare.None"/>.</summary>
    private static FileStream Open(string path, FileShare share)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.OpenOrCreate, share == FileShare.None ? FileAccess.ReadWrite : FileAccess.Read, share);
    }
}
