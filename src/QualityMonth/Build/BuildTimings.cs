using System.Diagnostics;

namespace QualityMonth.Build;

/// <summary>
/// Where a run's time goes, step by step, printed to standard error as <c>timing &lt;step&gt; &lt;ms&gt;</c> when the
/// command runs with <c>--timings</c>: the same step names for build, check and each preview update (the benchmarks read
/// them, e.g. bench/pages/run.sh the Pagefind step). Off by default: the numbers are for profiling, not for staff.
/// </summary>
public static class BuildTimings
{
    /// <summary>Whether <c>--timings</c> was given; set once, before the command runs.</summary>
    public static bool Enabled { get; private set; }

    public static void Enable() => Enabled = true;

    /// <summary>Prints a step timed elsewhere.</summary>
    public static void Print(string step, long milliseconds)
    {
        if (Enabled) Console.Error.WriteLine(FormattableString.Invariant($"timing {step} {milliseconds}"));
    }

    /// <summary>Prints this process's peak resident memory (without child processes such as Pagefind), in KiB, and its garbage
    /// collections: how many of each generation, and how long they paused the program; and how long starting libvips took,
    /// when the run started it (a build with no photo changed does not: <see cref="Imaging.Photos.PhotoHeaders"/>).</summary>
    public static void ProcessTotals()
    {
        if (!Enabled) return;
        if (Imaging.LibVips.StartTime is { } libVips) Print("libvips-start", (long)libVips.TotalMilliseconds);
        Console.Error.WriteLine(FormattableString.Invariant($"timing peak-memory-kib {Process.GetCurrentProcess().PeakWorkingSet64 / 1024}"));
        Console.Error.WriteLine(FormattableString.Invariant(
            $"timing gc-collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
    }

    /// <summary>Starts timing a step; disposing the result prints the step's time.</summary>
    public static Step Measure(string step) => new(step, Enabled ? Stopwatch.GetTimestamp() : 0);

    public readonly struct Step(string name, long started) : IDisposable
    {
        public void Dispose()
        {
            if (started == 0) return;
            Console.Error.WriteLine(FormattableString.Invariant($"timing {name} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0}"));
        }
    }
}
