using System.Diagnostics;

namespace QualityMonth.Build;

/// <summary>
/// Where a build's time goes, step by step, printed to standard error as <c>timing &lt;step&gt; &lt;ms&gt;</c> when the
/// environment variable <c>QUALITYMONTH_TIMINGS</c> is set (the page benchmark, bench/pages/run.sh, reads the
/// Pagefind step from it). Off by default: the numbers are for profiling, not for staff.
/// </summary>
public static class BuildTimings
{
    public const string Variable = "QUALITYMONTH_TIMINGS";

    private static readonly bool Enabled = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Prints this process's peak resident memory (without child processes such as Pagefind), in KiB.</summary>
    public static void PeakMemory()
    {
        if (Enabled)
            Console.Error.WriteLine(FormattableString.Invariant($"timing peak-memory-kib {Process.GetCurrentProcess().PeakWorkingSet64 / 1024}"));
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
