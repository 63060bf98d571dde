using System.Buffers.Binary;
using System.Text;

namespace QualityMonth.Imaging.Photos;

/// <summary>
/// Takes the metadata chunks (ICCP, EXIF, XMP) out of a WebP file. libvips 8.14.1, Debian 12's, ignores
/// webpsave's <c>strip</c> (fixed in 8.14.2, libvips commit fe203d72 "fix strip arg to webpsave") and
/// writes the source's EXIF — GPS position included — and ICC profile into every WebP it saves.
/// </summary>
internal static class WebpMetadata
{
    private static readonly string[] MetadataChunks = ["ICCP", "EXIF", "XMP "];

    /// <summary>VP8X flags that announce the chunks removed: ICC profile, EXIF, XMP.</summary>
    private const byte MetadataFlags = 0x20 | 0x08 | 0x04;

    public static void Strip(string path)
    {
        var webp = File.ReadAllBytes(path);
        if (webp.Length < 12 || Ascii(webp, 0) != "RIFF" || Ascii(webp, 8) != "WEBP")
            throw new InvalidDataException($"{path} is not a WebP file");
        using var kept = new MemoryStream(webp.Length);
        kept.Write(webp, 0, 12);
        for (var at = 12; at < webp.Length;)
        {
            if (at + 8 > webp.Length) throw new InvalidDataException($"{path}: truncated WebP chunk header at {at}");
            var fourCc = Ascii(webp, at);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            var total = Math.Min(8 + (long)size + (size & 1), webp.Length - at); // chunks are padded to an even size
            if (8 + size > total) throw new InvalidDataException($"{path}: WebP chunk {fourCc} runs past the end of the file");
            if (!MetadataChunks.Contains(fourCc))
            {
                var start = kept.Position;
                kept.Write(webp, at, (int)total);
                if (fourCc == "VP8X") kept.GetBuffer()[start + 8] &= unchecked((byte)~MetadataFlags);
            }
            at += (int)total;
        }
        var stripped = kept.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4), (uint)(stripped.Length - 8));
        File.WriteAllBytes(path, stripped);
    }

    private static string Ascii(byte[] bytes, int at) => Encoding.ASCII.GetString(bytes, at, 4);
}
