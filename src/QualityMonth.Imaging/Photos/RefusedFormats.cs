using System.Text;

namespace QualityMonth.Imaging.Photos;

/// <summary>
/// Names the image formats the site refuses, from a file's first bytes. libvips cannot say: the loaders of
/// these formats are blocked (or not built into NetVips.Native), and a blocked loader is never offered for a
/// file. Naming the format lets the message say what the file is instead of "not an image".
/// </summary>
internal static class RefusedFormats
{
    private const int HeadLength = 1024;

    private static readonly (byte[] Signature, string Format)[] Signatures =
    [
        ("GIF87a"u8.ToArray(), "GIF"),
        ("GIF89a"u8.ToArray(), "GIF"),
        ("%PDF-"u8.ToArray(), "PDF"),
        ("SIMPLE  ="u8.ToArray(), "FITS"),
        ("8BPS"u8.ToArray(), "PSD"),
        ("BM"u8.ToArray(), "BMP"),
        ([0x08, 0xf2, 0xa6, 0xb6], "VIPS (.v)"), // libvips' own format, in either byte order
        ([0xb6, 0xa6, 0xf2, 0x08], "VIPS (.v)"),
    ];

    /// <summary>The refused format a file is in, or null when it is none of them.</summary>
    public static string? Identify(string path)
    {
        var head = new byte[HeadLength];
        int length;
        using (var stream = File.OpenRead(path))
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        foreach (var (signature, format) in Signatures)
            if (bytes.StartsWith(signature)) return format;
        if (IsNetpbm(bytes)) return "PPM";
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.StartsWith("<svg", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal))
            && text.Contains("<svg", StringComparison.Ordinal) ? "SVG" : null;
    }

    /// <summary>PBM, PGM, PPM, PAM or PFM: "P", a type character, then whitespace.</summary>
    private static bool IsNetpbm(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 'P' && "1234567Ff".Contains((char)bytes[1]) && char.IsWhiteSpace((char)bytes[2]);
}
