using System.Runtime.InteropServices;

namespace QualityMonth.Preview;

/// <summary>Work the preview does ahead, which must not slow what staff wait for (a save served).</summary>
internal static partial class BackgroundThread
{
    private const int PrioProcess = 0, LowestPriority = 19;

    /// <summary>Gives the calling thread the lowest CPU priority. Linux keeps a niceness per thread (<c>setpriority</c> on
    /// its id); elsewhere the runtime's thread priority does it.</summary>
    public static void LowerPriority()
    {
        // Best effort: where it is refused, the work runs at normal priority.
        if (OperatingSystem.IsLinux())
            SetPriority(PrioProcess, GetThreadId(), LowestPriority);
        else
            Thread.CurrentThread.Priority = ThreadPriority.Lowest;
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
