using System.Globalization;
using NetVips;
using QualityMonth.Config;

namespace QualityMonth.Imaging.Photos;

/// <summary>The facts about a processed photo that do not depend on the settings.</summary>
public sealed record PhotoFacts(int Width, int Height, string Placeholder);

/// <summary>
/// Turns one submitted photo into web images with libvips: upright (EXIF orientation), converted to
/// sRGB from whatever profile it carries (Display P3, CMYK…), flattened onto white if it has alpha,
/// metadata stripped (no GPS, no camera data), then saved in each needed width and format.
/// </summary>
public static class PhotoProcessor
{
    /// <summary>Writes each rendition to its path.</summary>
    public static PhotoFacts Process(string source, IReadOnlyList<(RenditionSpec Spec, string Path)> outputs)
    {
        LibVips.EnsureStarted();
        // One full decode, kept in memory: the full-size download and every width are made from it.
        using var upright = Image.Thumbnail(source, 10_000_000, height: 10_000_000, size: Enums.Size.Down,
            outputProfile: "srgb", failOn: Enums.FailOn.Truncated);
        using var opaque = upright.HasAlpha() ? upright.Flatten(background: [255, 255, 255]) : null;
        using var srgb = (opaque ?? upright).Colourspace(Enums.Interpretation.Srgb);
        using var eightBit = srgb.Cast(Enums.BandFormat.Uchar);
        using var full = eightBit.CopyMemory();

        foreach (var (rendition, path) in outputs)
        {
            if (rendition.Width is { } width && width < full.Width)
            {
                using var resized = full.ThumbnailImage(width, height: 10_000_000, size: Enums.Size.Down);
                Save(resized, rendition, path);
            }
            else
            {
                Save(full, rendition, path);
            }
        }
        return new PhotoFacts(full.Width, full.Height, AverageColour(full));
    }

    private static void Save(Image image, RenditionSpec rendition, string path)
    {
        switch (rendition.Format)
        {
            case PhotoFormat.Avif:
                image.Heifsave(path, q: rendition.Quality, bitdepth: 8, compression: Enums.ForeignHeifCompression.Av1, effort: 4, keep: Enums.ForeignKeep.None);
                break;
            case PhotoFormat.Webp:
                image.Webpsave(path, q: rendition.Quality, keep: Enums.ForeignKeep.None);
                break;
            default:
                image.Jpegsave(path, q: rendition.Quality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
                break;
        }
    }

    private static string AverageColour(Image image)
    {
        using var pixel = image.ThumbnailImage(1, height: 1, size: Enums.Size.Force);
        var rgb = pixel.WriteToMemory<byte>();
        return string.Create(CultureInfo.InvariantCulture, $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}");
    }
}
