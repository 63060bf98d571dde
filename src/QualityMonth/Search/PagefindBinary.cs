using System.Runtime.InteropServices;

namespace QualityMonth.Search;

/// <summary>
/// Finds the Pagefind executable that npm installed: the "extended" build, the one that segments
/// Chinese into words when it indexes. It lives in the platform package
/// <c>node_modules/@pagefind/&lt;os&gt;-&lt;cpu&gt;/bin/</c>, where Pagefind's own npm wrapper finds it too.
/// package.json pins the platform packages themselves (Linux x64 and arm64, the machines this runs on)
/// rather than the wrapper, and the build runs the binary directly, so it needs no Node.
/// </summary>
public static class PagefindBinary
{
    /// <summary>The platform package's folder under node_modules, e.g. <c>@pagefind/linux-x64</c>.</summary>
    public static string PlatformPackage
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
            var cpu = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                _ => "x64",
            };
            return $"@pagefind/{os}-{cpu}";
        }
    }

    public static string ExecutableName => OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended";

    /// <summary>
    /// The first <c>node_modules/@pagefind/…/bin/pagefind_extended</c> found in one of
    /// <paramref name="startFolders"/> or the folders above it, or null.
    /// </summary>
    public static string? Find(params string[] startFolders)
    {
        var relative = Path.Combine("node_modules", PlatformPackage, "bin", ExecutableName);
        foreach (var start in startFolders)
            for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
