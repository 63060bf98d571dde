using System.Reflection;
using System.Runtime.InteropServices;
using NetVips;

namespace QualityMonth.Imaging;

/// <summary>
/// libvips as the generator uses it: the build NetVips.Native ships (the same version on every
/// platform), started once and hardened as libvips' checklist for untrusted input says. Every loader
/// marked untrusted is blocked, and of the rest only the formats we accept may load. The operation
/// cache is off (each photo is processed once, so it would only hold memory); libvips' own thread
/// pool is sized by the caller, because photos are already processed in parallel.
/// </summary>
public static partial class LibVips
{
    /// <summary>The loaders a submitted photo may be read with (JPEG; PNG, WebP, AVIF and TIFF as deviations).</summary>
    public static readonly IReadOnlyList<string> AllowedLoaders =
        ["VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif", "VipsForeignLoadTiff"];

    private static readonly Lazy<TimeSpan> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The version of the libvips NetVips.Native ships, e.g. 8.18.7: part of every rendition's key, so an upgrade re-makes them
    /// once. Known without starting libvips (a build with no photo changed need not start it); starting it checks the
    /// library loaded is that version.
    /// </summary>
    public static string Version { get; } = typeof(LibVips).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "LibVipsVersion").Value ?? throw new InvalidOperationException("the generator was built without LibVipsVersion");

    /// <summary>How long starting libvips took; null when this process has not started it.</summary>
    public static TimeSpan? StartTime => Started.IsValueCreated ? Started.Value : null;

    /// <summary>Starts and hardens libvips; every use of NetVips in the generator goes through here first.</summary>
    public static void EnsureStarted() => _ = Started.Value;

    /// <summary>How many threads libvips may use inside one image's pipeline.</summary>
    public static void SetConcurrency(int threads)
    {
        EnsureStarted();
        NetVips.NetVips.Concurrency = threads;
    }

    /// <summary>The loader libvips would pick for a file by its content, e.g. "VipsForeignLoadJpegFile"; null when no allowed loader reads it.</summary>
    public static string? FindLoader(string path)
    {
        EnsureStarted();
        return Image.FindLoad(path);
    }

    private static TimeSpan Start()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (OperatingSystem.IsLinux()) ReturnLargeBuffersOnFree();
        if (!ModuleInitializer.VipsInitialized)
            throw new InvalidOperationException("libvips (NetVips.Native) could not be started", ModuleInitializer.Exception);
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in AllowedLoaders)
            Operation.Block(loader, false);
        var loaded = $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";
        // Renditions are kept under the version the generator was built with: another library would make other bytes under the same keys.
        if (loaded != Version)
            throw new InvalidOperationException($"libvips {loaded} was loaded, but the generator was built with NetVips.Native {Version}");
        return clock.Elapsed;
    }

    /// <summary>
    /// Pixel buffers of a few MB come and go with every photo; in glibc's heap they fragment and the
    /// process keeps growing (measured on 8.14: 620 MiB for 6 photos of 12 MP). Served by mmap from
    /// 1 MiB up they are returned on free (370 MiB), at no measurable cost in time.
    /// </summary>
    private static void ReturnLargeBuffersOnFree()
    {
        try
        {
            MallOpt(MallocMmapThreshold, 1024 * 1024);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl): its allocator returns large blocks to the system by itself.
        }
    }

    private const int MallocMmapThreshold = -3;

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}
