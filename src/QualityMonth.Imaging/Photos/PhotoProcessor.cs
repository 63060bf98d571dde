using System.Globalization;
using NetVips;
using QualityMonth.Config;

namespace QualityMonth.Imaging.Photos;

/// <summary>The facts about a processed photo that do not depend on the settings.</summary>
public sealed record PhotoFacts(int Width, int Height, string Placeholder);

/// <summary>How a photo's facts and header are kept in the cache, generated at compile time rather than found by reflection at run time.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(PhotoFacts))]
[System.Text.Json.Serialization.JsonSerializable(typeof(PhotoHeader))]
internal sealed partial class PhotoFactsJson : System.Text.Json.Serialization.JsonSerializerContext;

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
            outputProfile: NeedsColourManagement(source) ? "srgb" : null, failOn: Enums.FailOn.Truncated);
        using var opaque = upright.HasAlpha() ? upright.Flatten(background: [255, 255, 255]) : null;
        using var srgb = (opaque ?? upright).Colourspace(Enums.Interpretation.Srgb);
        using var eightBit = srgb.Cast(Enums.BandFormat.Uchar);
        using var full = eightBit.CopyMemory();

        // Each width is resized once, into memory, and saved in every format from there: a lazy resize would be
        // computed again by each format's save.
        foreach (var sameWidth in outputs.GroupBy(o => o.Spec.Width is { } width && width < full.Width ? width : full.Width))
        {
            using var resized = sameWidth.Key < full.Width ? ResizedInMemory(full, sameWidth.Key) : null;
            foreach (var (rendition, path) in sameWidth)
                Save(resized ?? full, rendition, path);
        }
        return new PhotoFacts(full.Width, full.Height, AverageColour(full));
    }

    /// <summary>
    /// Whether the photo's colours must go through ICC profiles to become sRGB: it carries a profile (Display P3,
    /// Adobe RGB, a CMYK press profile…) or is in a device space such as CMYK. A photo without one is sRGB or grey
    /// already, and the colour-space conversion after decoding is enough; the ICC transform from sRGB to sRGB
    /// changed no pixel and cost 2.2 s of the 16 s a 12 MP photo takes (measured on the benchmark's photos).
    /// </summary>
    private static bool NeedsColourManagement(string source)
    {
        using var header = Image.NewFromFile(source, access: Enums.Access.Sequential);
        return header.Contains("icc-profile-data")
            || header.Interpretation is not (Enums.Interpretation.Srgb or Enums.Interpretation.Bw or Enums.Interpretation.Rgb16 or Enums.Interpretation.Grey16);
    }

    private static Image ResizedInMemory(Image full, int width)
    {
        using var lazy = full.ThumbnailImage(width, height: 10_000_000, size: Enums.Size.Down);
        return lazy.CopyMemory();
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
