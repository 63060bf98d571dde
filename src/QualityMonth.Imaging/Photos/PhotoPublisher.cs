using System.Globalization;
using QualityMonth.Model;

namespace QualityMonth.Imaging.Photos;

/// <summary>One rendition of a photo as the publisher needs it: what it is, its key, and its bytes' size (0 when only planned).</summary>
public sealed record PlannedRendition(RenditionSpec Spec, RenditionKey Key, long Bytes);

/// <summary>
/// Gives a photo's renditions their published names and the data the gallery markup needs (sizes,
/// URLs, placeholder colour). A name is the photo's place on the site and its rendition's key, e.g.
/// <c>2025-market-regulation-green-week-1-960.0a75cfc3fd.jpg</c>: readable, and new whenever the bytes can be.
/// </summary>
public static class PhotoPublisher
{
    public const string UrlFolder = "/photos/";

    /// <param name="use">Where the photo is used: the name's readable part.</param>
    /// <param name="facts">The processed photo's size and average colour (or the header's size, when planned).</param>
    public static (ProcessedPhoto Photo, IReadOnlyList<string> OutputPaths) Publish(PhotoUse use, PhotoFacts facts, IReadOnlyList<PlannedRendition> renditions)
    {
        var stem = $"{use.Year.Year}-{use.Group.HostSlug}-{use.Activity.Id}-{use.Number}";
        var responsive = new List<PhotoRendition>();
        var paths = new List<string>();
        PhotoRendition? full = null;
        foreach (var (spec, key, bytes) in renditions)
        {
            var (width, height) = spec.Width is { } w && w < facts.Width
                ? (w, (int)Math.Round((double)facts.Height * w / facts.Width))
                : (facts.Width, facts.Height);
            var size = spec.Width is null ? "full" : width.ToString(CultureInfo.InvariantCulture);
            var name = $"{stem}-{size}.{key.Value[..10]}.{spec.Extension}";
            var rendition = new PhotoRendition(spec.Format, width, height, UrlFolder + name, bytes);
            paths.Add(UrlFolder.TrimStart('/') + name);
            if (spec.Width is null) full = rendition; else responsive.Add(rendition);
        }
        return (new ProcessedPhoto(use.Photo, facts.Width, facts.Height, facts.Placeholder, responsive,
            full ?? throw new ArgumentException("a photo needs its full-size rendition", nameof(renditions))), paths);
    }
}
