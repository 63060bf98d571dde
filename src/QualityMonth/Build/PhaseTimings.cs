using System.Diagnostics;
using System.Runtime;

namespace QualityMonth.Build;

/// <summary>
/// Where a run's time goes, for profiling start-up (bench/startup): with <c>--timings</c> each phase's wall time, and
/// how much of it the JIT compiler took, is printed to stderr when the process ends. These are the process's phases
/// (runtime start, command line, the command); the command's own steps are timed by <see cref="BuildTimings"/> under the
/// same switch. The phases are marked before the command line is read, so they are always recorded (a few marks a run).
/// </summary>
public static class PhaseTimings
{
    private static readonly List<(string Phase, TimeSpan Wall, TimeSpan Jit, long Methods)> Phases = [];
    private static readonly Lock Gate = new();
    private static TimeSpan _lastWall;
    private static TimeSpan _lastJit;
    private static long _lastMethods;

    /// <summary>Ends the phase that ran since the previous mark (the first one: since the process started).</summary>
    public static void Mark(string phase)
    {
        lock (Gate)
        {
            var wall = DateTime.Now - Process.GetCurrentProcess().StartTime;
            var jit = JitInfo.GetCompilationTime();
            var methods = JitInfo.GetCompiledMethodCount();
            Phases.Add((phase, wall - _lastWall, jit - _lastJit, methods - _lastMethods));
            (_lastWall, _lastJit, _lastMethods) = (wall, jit, methods);
        }
    }

    /// <summary>Prints the phases marked so far, one line each, then the total.</summary>
    public static void Report()
    {
        if (!BuildTimings.Enabled) return;
        Mark("until exit");
        lock (Gate)
        {
            Console.Error.WriteLine($"[timings] {"phase",-28} {"wall ms",8} {"JIT ms",8} {"methods",8}");
            foreach (var (phase, wall, jit, methods) in Phases)
                Console.Error.WriteLine($"[timings] {phase,-28} {wall.TotalMilliseconds,8:F1} {jit.TotalMilliseconds,8:F1} {methods,8}");
            Console.Error.WriteLine($"[timings] {"total",-28} {_lastWall.TotalMilliseconds,8:F1} {_lastJit.TotalMilliseconds,8:F1} {_lastMethods,8}");
        }
    }
}
