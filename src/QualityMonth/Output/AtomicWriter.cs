using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using QualityMonth.Build;

namespace QualityMonth.Output;

/// <summary>
/// Writes a built site so that the output folder is always either the previous site or the new one: the new site is
/// written beside it (<c>.&lt;name&gt;.new-&lt;pid&gt;</c>) and swapped in by one <c>renameat2(RENAME_EXCHANGE)</c>, which
/// exchanges the two folders in a single step. The output stays a real folder (web servers, rsync, the deploy hooks and
/// <c>--previous</c> read it as one), which switching a symbolic link by rename would not give.
/// </summary>
public static partial class AtomicWriter
{
    /// <param name="complete">Run on the written staging folder before the swap, to add what is made from the written
    /// files (the search index); when it returns false, the staging folder is removed and the previous site left as it was.</param>
    /// <param name="madeByComplete">The top-level folders <paramref name="complete"/> makes: a reused staging folder keeps
    /// them for it to bring up to date.</param>
    /// <returns>Whether the new site was swapped in.</returns>
    /// <exception cref="IOException">The disk is full or the folder cannot be written; the previous site is left as it was.</exception>
    /// <remarks>
    /// The site before the previous one, kept as <c>.&lt;name&gt;.spare</c> by the last build, is the staging folder when it
    /// is there: only the files that changed are written (<see cref="SiteOutput.UpdateIn"/>), and the site the swap retires
    /// becomes the next spare instead of being deleted. Deleting a site of a thousand small files took seconds on a busy disk.
    /// </remarks>
    public static bool Write(SiteOutput site, string outputFolder, Func<string, bool> complete, IReadOnlySet<string>? madeByComplete = null)
    {
        var target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        RecoverFromKilledBuilds(target);
        var staging = Path.Combine(parent, StagingName(name, "new", Environment.ProcessId));
        var spare = Path.Combine(parent, SpareName(name));
        var swapped = false;
        try
        {
            using (BuildTimings.Measure("write"))
            {
                if (TakeSpare(spare, staging))
                {
                    OutputFolder.Mark(staging);
                    var kept = new HashSet<string>(StringComparer.Ordinal) { OutputFolder.MarkerName };
                    if (madeByComplete is not null) kept.UnionWith(madeByComplete);
                    site.UpdateIn(staging, kept);
                }
                else
                {
                    Directory.CreateDirectory(staging);
                    OutputFolder.Mark(staging);
                    site.WriteTo(staging);
                }
            }
            if (!complete(staging)) return false;
            Swap(staging, target, Path.Combine(parent, StagingName(name, "old", Environment.ProcessId)));
            swapped = true;
            site.WrittenFolderMoved(staging, target);
        }
        finally
        {
            // Without a swap, the partial new site; after an exchange, the previous one, kept for the next build.
            using (BuildTimings.Measure("swap"))
                if (!swapped || !KeepAsSpare(staging, spare))
                    DeleteIfExists(staging);
            if (!swapped && !Directory.Exists(target)) RecoverFromKilledBuilds(target);
        }
        return true;
    }

    /// <summary>The staging folders' names; .gitignore ignores them for the default output folder.</summary>
    private static string StagingName(string output, string kind, int processId) => $".{output}.{kind}-{processId}";

    /// <summary>The earlier site the next build updates instead of writing a whole new one; .gitignore ignores it too.</summary>
    private static string SpareName(string output) => $".{output}.spare";

    /// <summary>Moves the spare site to <paramref name="staging"/>: only a real folder the generator marked, and one build at a time.</summary>
    private static bool TakeSpare(string spare, string staging)
    {
        var folder = new DirectoryInfo(spare);
        if (!folder.Exists || folder.LinkTarget is not null || !OutputFolder.IsOurs(spare)) return false;
        try
        {
            Directory.Move(spare, staging);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // another build took it first, or the folder cannot be renamed: a new staging folder is written
        }
    }

    /// <returns>Whether the retired site in <paramref name="staging"/>, if any, is kept as the spare.</returns>
    private static bool KeepAsSpare(string staging, string spare)
    {
        if (!Directory.Exists(staging)) return true;
        if (Directory.Exists(spare) || File.Exists(spare)) return false;
        try
        {
            Directory.Move(staging, spare);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Swap(string staging, string target, string retired)
    {
        // Nothing to replace: a plain rename is one step, and fails if the folder appeared meanwhile.
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        if (TryExchange(staging, target)) return;
        // Systems and file systems without RENAME_EXCHANGE: two renames. A build killed between them leaves the
        // previous site under the retired name, which the next build puts back (RecoverFromKilledBuilds).
        Directory.Move(target, retired);
        Directory.Move(staging, target);
        DeleteIfExists(retired);
    }

    /// <summary>
    /// Removes the staging folders of builds that were killed (their process is gone), and puts back a previous site a
    /// build killed between the two renames of the fallback left moved aside. Only folders the generator marked are touched.
    /// </summary>
    public static void RecoverFromKilledBuilds(string outputFolder)
    {
        var target = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        if (!Directory.Exists(parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            if (StagingPattern().Match(Path.GetFileName(folder)) is not { Success: true } match
                || match.Groups["output"].Value != name
                || IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))
                || !OutputFolder.IsOurs(folder))
                continue;
            if (match.Groups["kind"].Value == "old" && !Directory.Exists(target))
                Directory.Move(folder, target);
            else
                DeleteIfExists(folder);
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Exchanges two folders in one step; false where the system or file system cannot.</summary>
    private static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        if (RenameAt2(AtCurrentFolder, first, AtCurrentFolder, second, RenameExchange) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        // EINVAL: the file system does not support the flag; ENOSYS: the kernel has no renameat2.
        if (errno is EInvalid or ENoSystemCall) return false;
        throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{second}'", errno);
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;
    private const int EInvalid = 22;
    private const int ENoSystemCall = 38;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [GeneratedRegex(@"^\.(?<output>.+)\.(?<kind>new|old)-(?<pid>[0-9]{1,9})$")]
    private static partial Regex StagingPattern();
}
