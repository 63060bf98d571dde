using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// A PNG read by the tests themselves (chunk CRCs checked, IDAT inflated with .NET's zlib, scanlines
/// unfiltered as the PNG specification says), so share images are checked by a decoder that has nothing
/// to do with libvips, which wrote them. Handles what a card can be: 8-bit grey, RGB or RGBA, not interlaced.
/// </summary>
public sealed class PngFile
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels;

    private PngFile(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Samples per pixel: 1 grey, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>The samples of one pixel (the first three are the colour; grey is repeated).</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var at = (y * Width + x) * Channels;
            return Channels < 3 ? (_pixels[at], _pixels[at], _pixels[at]) : (_pixels[at], _pixels[at + 1], _pixels[at + 2]);
        }
    }

    public static PngFile Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <param name="path">What the bytes are, for the errors: a file, a screenshot.</param>
    public static PngFile Read(byte[] bytes, string path)
    {
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException($"{path} does not start with the PNG signature");
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        var at = 8;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (at + 12 > bytes.Length) throw new InvalidDataException($"{path} ends inside a chunk");
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at)));
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length));
            if (crc != PhotoFixtures.Crc32(bytes.AsSpan(at + 4, 4 + length))) throw new InvalidDataException($"{path}: the {type} chunk's CRC is wrong");
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    var (depth, colourType, interlace) = (data[8], data[9], data[12]); // then compression and filter methods (0)
                    if (depth != 8 || interlace != 0) throw new InvalidDataException($"{path}: bit depth {depth}, interlace {interlace} not supported here");
                    channels = colourType switch
                    {
                        0 => 1,
                        2 => 3,
                        6 => 4,
                        _ => throw new InvalidDataException($"{path}: colour type {colourType} not supported here"),
                    };
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }
            at += 12 + length;
        }
        if (channels == 0) throw new InvalidDataException($"{path} has no IHDR chunk");

        compressed.Position = 0;
        using var inflate = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return new PngFile(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    /// <summary>Undoes the per-scanline filters (None, Sub, Up, Average, Paeth).</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        if (raw.Length != height * (stride + 1)) throw new InvalidDataException($"image data is {raw.Length} bytes, expected {height * (stride + 1)}");
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                int value = raw[y * (stride + 1) + 1 + i];
                int left = i >= channels ? pixels[y * stride + i - channels] : 0;
                int up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
                value += filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown filter type {filter} on row {y}"),
                };
                pixels[y * stride + i] = (byte)value;
            }
        }
        return pixels;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        int toLeft = Math.Abs(estimate - left), toUp = Math.Abs(estimate - up), toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }
}
