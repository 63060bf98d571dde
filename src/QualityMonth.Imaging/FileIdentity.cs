using System.Runtime.InteropServices;

namespace QualityMonth.Imaging;

/// <summary>
/// What <c>statx(2)</c> says of a file that changes whenever its bytes may have: the device and inode (a file replaced by
/// another), the size, and the modification and change times in nanoseconds. The change time cannot be set back by
/// <c>touch</c> or a copy tool, so a file rewritten in place with the same size and modification time still differs.
/// </summary>
public readonly partial record struct FileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    /// <summary>The file's identity, or null where <c>statx</c> is not available (not Linux) or the file cannot be read.</summary>
    public static FileIdentity? Of(string path)
    {
        Span<byte> stat = stackalloc byte[StatxSize];
        if (!TryStat(path, followLinks: true, stat)) return null;
        return new FileIdentity(
            Device: ((ulong)U32(stat, DeviceMajorAt) << 32) | U32(stat, DeviceMinorAt),
            Inode: U64(stat, InodeAt),
            Size: (long)U64(stat, SizeAt),
            ModifiedNanoseconds: Nanoseconds(stat, ModifiedAt),
            ChangedNanoseconds: Nanoseconds(stat, ChangedAt));
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a regular file (not a link, folder, pipe or device) with no other name (hard link)
    /// anywhere, so that what is written there changes nothing else; false where <c>statx</c> is not available.
    /// </summary>
    public static bool IsLoneRegularFile(string path)
    {
        Span<byte> stat = stackalloc byte[StatxSize];
        return TryStat(path, followLinks: false, stat)
            && (BitConverter.ToUInt16(stat[ModeAt..]) & FileTypeMask) == RegularFile
            && U32(stat, LinksAt) == 1;
    }

    private static bool TryStat(string path, bool followLinks, Span<byte> stat)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Statx(AtCurrentFolder, path, followLinks ? 0 : NoFollow, BasicStats, ref MemoryMarshal.GetReference(stat)) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28
        }
    }

    private static ulong U64(ReadOnlySpan<byte> stat, int offset) => BitConverter.ToUInt64(stat[offset..]);

    private static uint U32(ReadOnlySpan<byte> stat, int offset) => BitConverter.ToUInt32(stat[offset..]);

    /// <summary>A <c>struct statx_timestamp</c>: seconds, then nanoseconds.</summary>
    private static long Nanoseconds(ReadOnlySpan<byte> stat, int offset) => BitConverter.ToInt64(stat[offset..]) * 1_000_000_000 + U32(stat, offset + 8);

    /// <summary>Whether the file was last changed (written, renamed, its times set) before <paramref name="time"/>.</summary>
    public bool ChangedBefore(DateTime time) => DateTime.UnixEpoch.AddTicks(ChangedNanoseconds / 100) < time;

    // struct statx (linux/stat.h): the same layout on every architecture.
    private const int StatxSize = 256, LinksAt = 16, ModeAt = 28, InodeAt = 32, SizeAt = 40, ChangedAt = 96, ModifiedAt = 112, DeviceMajorAt = 136, DeviceMinorAt = 140;
    private const int AtCurrentFolder = -100;
    private const int NoFollow = 0x100;
    private const uint BasicStats = 0x7ff;
    private const int FileTypeMask = 0xf000, RegularFile = 0x8000;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int folder, string path, int flags, uint mask, ref byte buffer);
}
