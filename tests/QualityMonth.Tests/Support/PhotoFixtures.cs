using System.Buffers.Binary;
using System.Text;
using NetVips;
using QualityMonth.Imaging;

namespace QualityMonth.Tests.Support;

/// <summary>An 8-bit RGB colour, for making and reading back test pictures.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public double[] Bands => [R, G, B];

    /// <summary>The largest difference of one channel.</summary>
    public int DistanceTo(Rgb other) => new[] { Math.Abs(R - other.R), Math.Abs(G - other.G), Math.Abs(B - other.B) }.Max();

    public override string ToString() => $"({R}, {G}, {B})";
}

/// <summary>
/// Photo fixtures made by the tests themselves with libvips (through NetVips, as the generator), and
/// byte surgery where libvips will not write what a camera or a broken upload does (EXIF with GPS, a
/// truncated file, a header claiming 100000×100000). Also reads outputs back: pixels and metadata.
/// </summary>
public static class PhotoFixtures
{
    /// <summary>The upright test card: four quadrants of four colours, so any rotation or mirror shows.</summary>
    public static readonly Rgb TopLeft = new(220, 40, 40), TopRight = new(40, 180, 60), BottomLeft = new(40, 70, 220), BottomRight = new(240, 220, 60);

    /// <summary>The test card's colours, in order: top-left, top-right, bottom-left, bottom-right.</summary>
    public static readonly Rgb[] Card = [TopLeft, TopRight, BottomLeft, BottomRight];

    /// <summary>A test card in colours a CMYK press can print, so a CMYK round trip keeps them.</summary>
    public static readonly Rgb[] PrintableCard = [new(190, 70, 60), new(70, 150, 90), new(70, 100, 170), new(230, 200, 90)];

    /// <summary>A colour clearly inside sRGB, whose Display P3 numbers differ from its sRGB numbers.</summary>
    public static readonly Rgb P3TestColour = new(200, 30, 30);

    /// <summary>Fuzhou, as a camera would record it.</summary>
    public const int GpsLatitudeDegrees = 26, GpsLongitudeDegrees = 119;

    // ---- pictures -------------------------------------------------------------------------------

    /// <summary>An sRGB image of one flat colour.</summary>
    public static Image Flat(int width, int height, Rgb colour)
    {
        LibVips.EnsureStarted();
        using var black = Image.Black(width, height, bands: 3);
        using var filled = black.Linear(new[] { 1.0, 1.0, 1.0 }, colour.Bands, uchar: true);
        return filled.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>The upright test card (<see cref="Card"/>, or other colours in the same order), sRGB, 8-bit.</summary>
    public static Image Quadrants(int width, int height, Rgb[]? colours = null)
    {
        colours ??= Card;
        int halfWidth = width / 2, halfHeight = height / 2;
        using var card = Flat(width, height, colours[3]);
        using var topLeft = Flat(halfWidth, halfHeight, colours[0]);
        using var topRight = Flat(width - halfWidth, halfHeight, colours[1]);
        using var bottomLeft = Flat(halfWidth, height - halfHeight, colours[2]);
        using var a = card.Insert(topLeft, 0, 0);
        using var b = a.Insert(topRight, halfWidth, 0);
        return b.Insert(bottomLeft, 0, halfHeight);
    }

    /// <summary>
    /// How a camera stores an upright picture it tags with EXIF orientation <paramref name="orientation"/>:
    /// the inverse of the transform a viewer applies (EXIF 2.32, tag 0x0112).
    /// </summary>
    public static Image StoredFor(Image upright, int orientation) => orientation switch
    {
        1 => upright.Copy(),
        2 => upright.FlipHor(),
        3 => upright.Rot180(),
        4 => upright.FlipVer(),
        5 => Then(upright.Rot90(), i => i.FlipHor()),   // transpose
        6 => upright.Rot270(),                          // viewer turns it 90° clockwise
        7 => Then(upright.Rot270(), i => i.FlipHor()),  // transverse
        8 => upright.Rot90(),                           // viewer turns it 90° anticlockwise
        _ => throw new ArgumentOutOfRangeException(nameof(orientation)),
    };

    // ---- files ----------------------------------------------------------------------------------

    /// <summary>A plain sRGB JPEG without any metadata.</summary>
    public static void WriteJpeg(string path, Image image, bool strip = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        image.Jpegsave(path, q: 92, keep: strip ? Enums.ForeignKeep.None : Enums.ForeignKeep.All);
    }

    /// <summary>A flat-colour JPEG of the given size.</summary>
    public static void WriteJpeg(string path, int width, int height, Rgb? colour = null)
    {
        using var image = Flat(width, height, colour ?? TopLeft);
        WriteJpeg(path, image);
    }

    /// <summary>The test card stored as a camera tagging EXIF orientation <paramref name="orientation"/> would store it.</summary>
    public static void WriteOrientedJpeg(string path, int orientation, int uprightWidth = 1200, int uprightHeight = 900)
    {
        using var upright = Quadrants(uprightWidth, uprightHeight);
        using var stored = StoredFor(upright, orientation);
        WriteJpeg(path, stored);
        File.WriteAllBytes(path, WithApp1(File.ReadAllBytes(path), ExifApp1(orientation, gps: false)));
    }

    /// <summary>An upright camera JPEG whose EXIF holds a GPS position (and the orientation tag).</summary>
    public static void WriteGpsJpeg(string path)
    {
        using var image = Quadrants(1200, 900);
        WriteJpeg(path, image);
        File.WriteAllBytes(path, WithApp1(File.ReadAllBytes(path), ExifApp1(1, gps: true)));
    }

    /// <summary>A CMYK JPEG of the <see cref="PrintableCard"/> (4 bands, libvips' CMYK profile embedded).</summary>
    public static void WriteCmykJpeg(string path)
    {
        using var image = Quadrants(1200, 900, PrintableCard);
        using var cmyk = image.Colourspace(Enums.Interpretation.Cmyk);
        WriteJpeg(path, cmyk, strip: false);
    }

    /// <summary>A 16-bit-per-channel RGB PNG of the test card.</summary>
    public static void WriteSixteenBitPng(string path)
    {
        using var image = Quadrants(1200, 900);
        using var scaled = image.Linear(new[] { 257.0, 257.0, 257.0 }, new[] { 0.0, 0.0, 0.0 });
        using var ushorts = scaled.Cast(Enums.BandFormat.Ushort);
        using var rgb16 = ushorts.Copy(interpretation: Enums.Interpretation.Rgb16);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        rgb16.Pngsave(path, bitdepth: 16, compression: 1);
    }

    /// <summary>A flat <see cref="P3TestColour"/> converted to Display P3 numbers, with the Display P3 profile embedded.</summary>
    public static void WriteDisplayP3Jpeg(string path)
    {
        using var image = Flat(1200, 900, P3TestColour);
        using var p3 = image.IccTransform("p3", inputProfile: "srgb");
        WriteJpeg(path, p3, strip: false);
    }

    /// <summary>A JPEG cut off after 60% of its bytes, as an interrupted upload leaves it: the header is intact.</summary>
    public static void WriteTruncatedJpeg(string path)
    {
        using var image = Quadrants(1200, 900);
        using var noise = Image.Gaussnoise(1200, 900, mean: 0.0, sigma: 40.0);
        using var noisy = image.Add(noise);
        using var bytes = noisy.Cast(Enums.BandFormat.Uchar);
        using var srgb = bytes.Copy(interpretation: Enums.Interpretation.Srgb);
        WriteJpeg(path, srgb);
        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length * 6 / 10)]);
    }

    /// <summary>A small, valid PNG whose IHDR claims 100000×100000 pixels (CRC recomputed, so the header is well formed).</summary>
    public static void WriteHugeHeaderPng(string path)
    {
        using var image = Flat(64, 48, TopLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        image.Pngsave(path, keep: Enums.ForeignKeep.None);
        var png = File.ReadAllBytes(path);
        // Signature (8), then IHDR: length (4) "IHDR" (4) width (4) height (4) … CRC over type and data.
        if (Encoding.ASCII.GetString(png, 12, 4) != "IHDR") throw new InvalidOperationException("no IHDR first");
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 4 + 13)));
        File.WriteAllBytes(path, png);
    }

    /// <summary>A small, valid JPEG whose frame header (SOF) claims 65000×65000 pixels, the most a JPEG can say.</summary>
    public static void WriteHugeHeaderJpeg(string path)
    {
        WriteJpeg(path, 64, 48);
        var jpeg = File.ReadAllBytes(path);
        var sof = FindMarker(jpeg, 0xC0) ?? FindMarker(jpeg, 0xC2) ?? throw new InvalidOperationException("no SOF marker");
        // FFCn, length (2), precision (1), height (2), width (2)
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 65_000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 65_000);
        File.WriteAllBytes(path, jpeg);
    }

    /// <summary>A PNG picture saved under a .jpg name.</summary>
    public static void WritePngNamedJpg(string path)
    {
        using var image = Quadrants(1200, 900);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        image.Pngsave(path + ".png", compression: 1);
        File.Move(path + ".png", path, overwrite: true);
    }

    // ---- EXIF by hand ---------------------------------------------------------------------------

    /// <summary>
    /// An APP1 Exif segment as a camera writes it (big-endian TIFF): IFD0 with Orientation and, if asked,
    /// a GPSInfo pointer to a GPS IFD with version, latitude and longitude.
    /// </summary>
    public static byte[] ExifApp1(int? orientation, bool gps)
    {
        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, uint Value)>();
        if (orientation is { } o) ifd0.Add((0x0112, 3, 1, (uint)o << 16)); // SHORT, left-justified in the value field
        if (gps) ifd0.Add((0x8825, 4, 1, 0)); // LONG: offset of the GPS IFD, filled in below
        var ifd0Size = 2 + 12 * ifd0.Count + 4;
        var gpsOffset = (uint)(8 + ifd0Size);
        const int GpsEntries = 5;
        var gpsData = gpsOffset + 2 + 12 * GpsEntries + 4;

        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        Add16(tiff, 42);
        Add32(tiff, 8);
        Add16(tiff, (ushort)ifd0.Count);
        foreach (var (tag, type, count, value) in ifd0)
        {
            Add16(tiff, tag);
            Add16(tiff, type);
            Add32(tiff, count);
            Add32(tiff, tag == 0x8825 ? gpsOffset : value);
        }
        Add32(tiff, 0);
        if (gps)
        {
            Add16(tiff, GpsEntries);
            Entry(0x0000, 1, 4, 0x02030000);                 // GPSVersionID 2.3.0.0 (BYTE ×4)
            Entry(0x0001, 2, 2, (uint)'N' << 24);            // GPSLatitudeRef "N\0"
            Entry(0x0002, 5, 3, gpsData);                    // GPSLatitude (RATIONAL ×3)
            Entry(0x0003, 2, 2, (uint)'E' << 24);            // GPSLongitudeRef "E\0"
            Entry(0x0004, 5, 3, gpsData + 24);               // GPSLongitude (RATIONAL ×3)
            Add32(tiff, 0);
            foreach (var (numerator, denominator) in new (uint, uint)[] { (GpsLatitudeDegrees, 1), (4, 1), (3000, 100), (GpsLongitudeDegrees, 1), (18, 1), (1234, 100) })
            {
                Add32(tiff, numerator);
                Add32(tiff, denominator);
            }
        }

        var segment = new List<byte> { 0xFF, 0xE1 };
        Add16(segment, (ushort)(2 + 6 + tiff.Count));
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. segment];

        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            Add16(tiff, tag);
            Add16(tiff, type);
            Add32(tiff, count);
            Add32(tiff, value);
        }
    }

    /// <summary>Inserts an APPn segment after the SOI marker and the JFIF APP0 segment, if any.</summary>
    public static byte[] WithApp1(byte[] jpeg, byte[] app1)
    {
        if (jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw new ArgumentException("not a JPEG");
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        return [.. jpeg[..at], .. app1, .. jpeg[at..]];
    }

    private static int? FindMarker(byte[] jpeg, byte marker)
    {
        // Walk the segments from SOI up to the start of scan.
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            if (jpeg[at + 1] == marker) return at;
            if (jpeg[at + 1] == 0xDA) return null;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        return null;
    }

    private static void Add16(List<byte> to, ushort value) { to.Add((byte)(value >> 8)); to.Add((byte)value); }

    private static void Add32(List<byte> to, uint value) { Add16(to, (ushort)(value >> 16)); Add16(to, (ushort)value); }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309), for fixtures written and read back by the tests.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    // ---- reading back ---------------------------------------------------------------------------

    /// <summary>Opens an image file with the loader libvips picks from its content (JPEG, PNG, WebP, AVIF…).</summary>
    public static Image Load(string path)
    {
        LibVips.EnsureStarted();
        return Image.NewFromFile(path);
    }

    /// <summary>The raw samples of one pixel: 3 bytes for 8-bit RGB, 6 for 16-bit RGB, 4 for 8-bit CMYK…</summary>
    public static byte[] Samples(Image image, int x, int y)
    {
        using var pixel = image.ExtractArea(x, y, 1, 1);
        var memory = pixel.WriteToMemory(out var size);
        try
        {
            var bytes = new byte[size];
            System.Runtime.InteropServices.Marshal.Copy(memory, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            NetVips.NetVips.Free(memory);
        }
    }

    /// <summary>The colour at a point of an 8-bit RGB image.</summary>
    public static Rgb PixelAt(Image image, int x, int y)
    {
        var samples = Samples(image, x, y);
        if (samples.Length != 3) throw new InvalidOperationException($"expected 8-bit RGB, got {samples.Length} bytes per pixel ({image.Bands} bands)");
        return new Rgb(samples[0], samples[1], samples[2]);
    }

    /// <summary>The colours at the centres of the four quadrants: top-left, top-right, bottom-left, bottom-right.</summary>
    public static Rgb[] QuadrantCentres(Image image)
    {
        int w = image.Width, h = image.Height;
        return [PixelAt(image, w / 4, h / 4), PixelAt(image, w * 3 / 4, h / 4), PixelAt(image, w / 4, h * 3 / 4), PixelAt(image, w * 3 / 4, h * 3 / 4)];
    }

    /// <summary>The metadata fields libvips found in an image file that a published photo must not carry.</summary>
    public static IReadOnlyList<string> MetadataFields(Image image) =>
        [.. new[] { "exif-data", "icc-profile-data", "xmp-data", "iptc-data", "exif-ifd3-GPSLatitude", "exif-ifd0-Orientation", "orientation" }.Where(image.Contains)];

    private static Image Then(Image first, Func<Image, Image> next)
    {
        using (first)
            return next(first);
    }
}
