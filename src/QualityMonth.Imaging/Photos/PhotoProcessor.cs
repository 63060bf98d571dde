using System.Globalization;
using QualityMonth.Config;
using QualityMonth.Imaging.Vips;

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
    /// <summary>Writes each rendition into <paramref name="folder"/> under its cache name.</summary>
    public static PhotoFacts Process(string source, IReadOnlyList<RenditionSpec> renditions, string folder)
    {
        // One full decode, kept in memory: the full-size download and every width are made from it.
        using var upright = VipsOperation.Create("thumbnail")
            .Set("filename", source)
            .Set("width", 10_000_000).Set("height", 10_000_000).Set("size", "down")
            // Without an import profile, libvips 8.14 takes a photo with no embedded profile to XYZ with its own
            // D65 formula and exports that as if it were the D50 ICC connection space: colours shift (a blue
            // 40,70,220 comes out 82,59,221). "srgb" is only the fallback: an embedded profile still wins.
            .Set("import_profile", "srgb")
            .Set("export_profile", "srgb")
            .Set("fail_on", "truncated")
            .Build();
        using var decoded = upright.GetImage("out");
        using var opaque = decoded.Bands is 2 or 4 ? Flatten(decoded) : null;
        using var srgb = Colourspace(opaque ?? decoded);
        using var full = srgb.CopyMemory();

        foreach (var rendition in renditions)
        {
            var path = Path.Combine(folder, rendition.CacheName);
            if (rendition.Width is { } width && width < full.Width)
            {
                using var resize = VipsOperation.Create("thumbnail_image").Set("in", full).Set("width", width)
                    .Set("height", 10_000_000).Set("size", "down").Build();
                using var resized = resize.GetImage("out");
                Save(resized, rendition, path);
            }
            else
            {
                Save(full, rendition, path);
            }
        }
        return new PhotoFacts(full.Width, full.Height, AverageColour(full));
    }

    private static VipsImage Flatten(VipsImage image)
    {
        using var flatten = VipsOperation.Create("flatten").Set("in", image).Set("background", new[] { 255.0, 255.0, 255.0 }).Build();
        return flatten.GetImage("out");
    }

    /// <summary>8-bit sRGB whatever came in (16-bit PNGs, greyscale, images without a profile).</summary>
    private static VipsImage Colourspace(VipsImage image)
    {
        using var convert = VipsOperation.Create("colourspace").Set("in", image).Set("space", "srgb").Build();
        using var srgb = convert.GetImage("out");
        using var cast = VipsOperation.Create("cast").Set("in", srgb).Set("format", "uchar").Build();
        return cast.GetImage("out");
    }

    private static void Save(VipsImage image, RenditionSpec rendition, string path)
    {
        var save = rendition.Format switch
        {
            PhotoFormat.Avif => VipsOperation.Create("heifsave").Set("compression", "av1").Set("bitdepth", 8).Set("effort", 4),
            PhotoFormat.Webp => VipsOperation.Create("webpsave"),
            _ => VipsOperation.Create("jpegsave").Set("optimize_coding", true).Set("interlace", true),
        };
        using (save)
            save.Set("in", image).Set("filename", path).Set("Q", rendition.Quality).Set("strip", true).Build();
        if (rendition.Format == PhotoFormat.Webp)
            WebpMetadata.Strip(path); // libvips 8.14.1's webpsave ignores "strip"
    }

    private static string AverageColour(VipsImage image)
    {
        using var shrink = VipsOperation.Create("thumbnail_image").Set("in", image).Set("width", 1).Set("height", 1).Set("size", "force").Build();
        using var pixel = shrink.GetImage("out");
        var rgb = pixel.ToMemory();
        return string.Create(CultureInfo.InvariantCulture, $"#{rgb[0]:x2}{rgb[1]:x2}{rgb[2]:x2}");
    }
}
