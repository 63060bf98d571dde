namespace QualityMonth.Preview;

/// <summary>
/// Watches what a build reads (input/, the theme's assets, templates and C# files, statiq.json) and runs one rebuild per burst of
/// changes: editors save through temporary files, so events are collected for a short quiet period.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(15);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<IReadOnlyCollection<string>, Task> _rebuild;
    private readonly string _siteRoot;
    private readonly object _gate = new();
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Timer _timer;

    /// <param name="rebuild">Called with the site-relative paths changed since its last call.</param>
    public SiteWatcher(string siteRoot, Func<IReadOnlyCollection<string>, Task> rebuild)
    {
        _rebuild = rebuild;
        _siteRoot = siteRoot;
        _timer = new Timer(_ => _ = RunAsync());
        Watch(Path.Combine(siteRoot, "input"), "*", subdirectories: true);
        Watch(Path.Combine(siteRoot, ThemeSources.Folder), "*", subdirectories: true);
        Watch(siteRoot, "statiq.json", subdirectories: false);
    }

    private void Watch(string folder, string filter, bool subdirectories)
    {
        if (!Directory.Exists(folder)) return;
        var watcher = new FileSystemWatcher(folder, filter) { IncludeSubdirectories = subdirectories, EnableRaisingEvents = true };
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        _watchers.Add(watcher);
    }

    private void Changed(object sender, FileSystemEventArgs e)
    {
        var paths = e is RenamedEventArgs renamed ? [Relative(e.FullPath), Relative(renamed.OldFullPath)] : new[] { Relative(e.FullPath) };
        paths = paths.Where(ThemeSources.IsWatched).ToArray();
        if (paths.Length == 0) return;
        lock (_gate) _changed.UnionWith(paths);
        _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
    }

    private string Relative(string fullPath) => Path.GetRelativePath(_siteRoot, fullPath).Replace('\\', '/');

    private async Task RunAsync()
    {
        await _running.WaitAsync();
        HashSet<string> changed;
        lock (_gate) (changed, _changed) = (_changed, new HashSet<string>(StringComparer.Ordinal));
        if (changed.Count == 0) { _running.Release(); return; }
        try { await _rebuild(changed); }
        catch (Exception e) { Console.Error.WriteLine($"preview: rebuild failed: {e.Message}"); }
        finally { _running.Release(); }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
