using System.Runtime.InteropServices;

namespace QualityMonth.Imaging.Vips;

/// <summary>
/// Starts libvips once, hardened as its developer checklist says for untrusted input: every loader
/// marked untrusted (ImageMagick among them) is blocked, and of the rest only the formats we accept
/// may load. The operation cache is off (each photo is processed once); libvips' own thread pool is
/// sized by the caller, because photos are already processed in parallel.
/// </summary>
public static class VipsRuntime
{
    /// <summary>The loaders a submitted photo may be read with.</summary>
    public static readonly IReadOnlyList<string> AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadTiff"];

    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The libvips version, e.g. 8.14.1, without starting libvips (a warm build reads its cached images by it and draws nothing).</summary>
    public static string Version => LibraryVersion.Value;

    private static readonly Lazy<string> LibraryVersion = new(() =>
    {
        try
        {
            return VersionNumber();
        }
        catch (DllNotFoundException e)
        {
            throw NotInstalled(e);
        }
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many threads libvips may use inside one image's pipeline.</summary>
    public static void SetConcurrency(int threads)
    {
        EnsureInitialised();
        Native.ConcurrencySet(threads);
    }

    /// <summary>Frees libvips' per-thread buffers; call on a worker thread that is done with libvips.</summary>
    public static void ReleaseThread() => Native.ThreadShutdown();

    internal static void EnsureInitialised() => _ = Started.Value;

    /// <summary>vips_version only reads constants compiled into the library, so it needs no vips_init.</summary>
    private static string VersionNumber() => $"{Native.Version(0)}.{Native.Version(1)}.{Native.Version(2)}";

    private static VipsException NotInstalled(DllNotFoundException e) =>
        new($"libvips 8.14 (Debian package libvips42) is not installed: {e.Message}");

    private static string Start()
    {
        // Pixel buffers of a few MB come and go with every photo; in glibc's heap they fragment and
        // the process keeps growing (measured: 620 MiB for 6 photos of 12 MP). Served by mmap from
        // 1 MiB up they are returned on free: 370 MiB, at no measurable cost in time.
        Native.MallOpt(Native.MallocMmapThreshold, 1024 * 1024);
        try
        {
            if (Native.Init("qualitymonth") != 0)
                throw VipsException.FromBuffer("vips_init failed");
        }
        catch (DllNotFoundException e)
        {
            throw NotInstalled(e);
        }
        Native.CacheSetMax(0);
        Native.BlockUntrustedSet(true);
        Native.OperationBlockSet("VipsForeignLoad", true);
        foreach (var loader in AllowedLoaders)
            Native.OperationBlockSet(loader, false);
        return VersionNumber();
    }

    /// <summary>The loader libvips would pick for a file, by its content, e.g. "VipsForeignLoadJpegFile"; null when none may load it.</summary>
    public static string? FindLoader(string path)
    {
        EnsureInitialised();
        var name = Native.ForeignFindLoad(path);
        if (name == 0)
        {
            Native.ErrorClear();
            return null;
        }
        return Marshal.PtrToStringUTF8(name);
    }
}
