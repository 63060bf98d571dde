using QualityMonth.Config;

namespace QualityMonth.Imaging.Photos;

/// <summary>
/// One output a photo needs, described completely by its own fields: its <see cref="Name"/> is the spec
/// part of the rendition's <see cref="RenditionKey"/>, so changing one setting re-makes only the
/// renditions that setting shapes.
/// </summary>
/// <param name="Width">Target width, or null for the full-size download.</param>
public sealed record RenditionSpec(PhotoFormat Format, int? Width, int Quality)
{
    /// <summary>Bump when the processing itself changes, so every cached output is made again.</summary>
    // 3: libvips 8.18 from NetVips.Native; no workarounds for Debian's 8.14.1.
    public const int PipelineVersion = 3;

    public string Extension => Format switch
    {
        PhotoFormat.Avif => "avif",
        PhotoFormat.Webp => "webp",
        _ => "jpg",
    };

    /// <summary>e.g. <c>avif-960-q55</c>, <c>full-q90</c>.</summary>
    public string Name => $"{(Width is { } w ? $"{Format.ToString().ToLowerInvariant()}-{w}" : "full")}-q{Quality}";

    /// <summary>Every rendition a photo of this upright width needs: each width not above it (never upscaled), each format, and the full size.</summary>
    public static IReadOnlyList<RenditionSpec> For(int photoWidth, PhotoSettings settings)
    {
        var widths = settings.Widths.Where(w => w < photoWidth).ToList();
        if (widths.Count < settings.Widths.Count) widths.Add(photoWidth);
        return [
            .. widths.SelectMany(w => settings.Formats.Select(f => new RenditionSpec(f, w, settings.Quality[f]))),
            new RenditionSpec(PhotoFormat.Jpeg, null, settings.FullSizeQuality),
        ];
    }
}
