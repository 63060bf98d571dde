using System.Diagnostics;

namespace QualityMonth.Search;

/// <summary>
/// One Pagefind process, started and left to run, so that the next can start before it ends (<see cref="WaitUntilIndexed"/>).
/// </summary>
internal sealed class PagefindRun : IDisposable
{
    // Indexing takes about 15 ms a page on two idle cores, several times that on a busy machine: two minutes failed a
    // 4,000-page build on the shared benchmark machine. The limit is only there to stop a hung process.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    private const string Nice = "/usr/bin/nice";

    /// <summary>What Pagefind logs once it has built its index and starts writing it out (its log is verbose even when
    /// it runs with --quiet).</summary>
    private const string IndexBuilt = "[Info]: Total:";

    private static readonly TimeSpan LogPoll = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly Task<string> _stdout, _stderr;
    private readonly string _log;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>How long it ran, once <see cref="Finish"/> returned.</summary>
    public TimeSpan Took { get; private set; }

    private PagefindRun(Process process, string log)
    {
        _process = process;
        _log = log;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts Pagefind with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, logging to <paramref name="log"/>.</summary>
    /// <param name="background">At the lowest CPU priority (the preview indexes while staff edit).</param>
    /// <exception cref="System.ComponentModel.Win32Exception">The binary could not be started.</exception>
    public static PagefindRun Start(string binary, string workingDirectory, IReadOnlyList<string> arguments, string log, bool background)
    {
        // Linux gives each thread its own niceness, inherited by the threads it starts: Pagefind is started niced rather
        // than reniced after its worker threads exist.
        var niced = background && File.Exists(Nice);
        var start = new ProcessStartInfo(niced ? Nice : binary)
        {
            // Pagefind reads pagefind.yml/.toml/.json from its working folder: an empty scratch folder keeps
            // a stray config file out of the build.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (niced) foreach (var argument in new[] { "-n", "19", binary }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "--logfile", log }) start.ArgumentList.Add(argument);
        // Nor may PAGEFIND_* variables of the user's shell change the index.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PAGEFIND_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        return new PagefindRun(Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}"), log);
    }

    /// <summary>
    /// Waits until Pagefind has built its index and is writing it out, or has ended. What it holds in memory is then at its
    /// largest and no longer grows; the rest is writing files, on one core.
    /// </summary>
    public void WaitUntilIndexed()
    {
        while (!_process.WaitForExit(LogPoll) && _clock.Elapsed < Timeout)
        {
            if (LogSays(IndexBuilt)) return;
        }
    }

    /// <summary>Whether the run ended, unsuccessfully.</summary>
    public bool Failed => _process.HasExited && _process.ExitCode != 0;

    /// <summary>Waits for Pagefind to end.</summary>
    /// <returns>The exit code, and everything Pagefind printed (stdout and stderr), trimmed.</returns>
    public (int ExitCode, string Messages) Finish()
    {
        if (!_process.WaitForExit(TimeSpan.FromTicks(Math.Max(0, (Timeout - _clock.Elapsed).Ticks))))
        {
            _process.Kill(entireProcessTree: true);
            return (-1, $"it did not finish in {Timeout.TotalMinutes} minutes");
        }
        Took = _clock.Elapsed;
        var messages = string.Join('\n', new[] { _stdout.Result, _stderr.Result }.Select(s => s.Trim()).Where(s => s.Length > 0));
        return (_process.ExitCode, messages);
    }

    private bool LogSays(string line)
    {
        try
        {
            using var log = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(log).ReadToEnd().Contains(line, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // not made yet
        }
    }

    /// <summary>Stops Pagefind if it still runs (another run failed).</summary>
    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
