namespace QualityMonth.Preview;

/// <summary>
/// Watches what a build reads (input/, theme/assets/, statiq.json) and runs one rebuild per burst of
/// changes: editors save through temporary files, so events are collected for a short quiet period.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(80);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<Task> _rebuild;
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly Timer _timer;

    public SiteWatcher(string siteRoot, Func<Task> rebuild)
    {
        _rebuild = rebuild;
        _timer = new Timer(_ => _ = RunAsync());
        Watch(Path.Combine(siteRoot, "input"), "*", subdirectories: true);
        Watch(Path.Combine(siteRoot, "theme", "assets"), "*", subdirectories: true);
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

    private void Changed(object sender, FileSystemEventArgs e) => _timer.Change(QuietPeriod, Timeout.InfiniteTimeSpan);

    private async Task RunAsync()
    {
        await _running.WaitAsync();
        try { await _rebuild(); }
        catch (Exception e) { Console.Error.WriteLine($"preview: rebuild failed: {e.Message}"); }
        finally { _running.Release(); }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
