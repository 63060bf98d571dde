using QualityMonth.Config;
using QualityMonth.Imaging.Vips;
using QualityMonth.Model;

namespace QualityMonth.Imaging.Photos;

/// <summary>A broken photo rule: which rule and what exactly is wrong.</summary>
public sealed record RuleViolation(PhotoRule Rule, string Message);

/// <summary>What the header of a submitted photo says, and the rules it breaks.</summary>
/// <param name="Width">Width once the photo stands upright (EXIF orientation applied).</param>
public sealed record PhotoInspection(PhotoRef Photo, int Width, int Height, IReadOnlyList<RuleViolation> Violations)
{
    /// <summary>Whether the photo can be processed at all (it may still break rules set to warnings).</summary>
    public bool Processable => Violations.All(v => v.Rule is not (PhotoRule.Unreadable or PhotoRule.OverPixelLimit or PhotoRule.WrongFormat));
}

/// <summary>
/// Checks a photo against the notices' rules from its header alone: the format is found from the
/// file's content, and the dimensions are read before any pixel is decoded, so a file claiming
/// 100000×100000 pixels costs nothing.
/// </summary>
public static class PhotoInspector
{
    private static readonly Dictionary<string, string[]> ExtensionsByFormat = new()
    {
        ["jpeg"] = [".jpg", ".jpeg", ".jpe"],
        ["png"] = [".png"],
        ["webp"] = [".webp"],
        ["heif"] = [".heic", ".heif", ".avif"],
        ["tiff"] = [".tif", ".tiff"],
    };

    public static PhotoInspection Inspect(PhotoRef photo, PhotoSettings settings)
    {
        var violations = new List<RuleViolation>();
        if (photo.Caption is null)
            violations.Add(new(PhotoRule.MissingCaption, "has no caption (说明): add 'caption:' under it"));

        if (new FileInfo(photo.FullPath).Length == 0)
            return Unreadable("is an empty file (0 bytes)");
        var loader = VipsRuntime.FindLoader(photo.FullPath);
        if (loader is null)
            return Unreadable("is not an image libvips may read (accepted: JPEG; also PNG, WebP, HEIF, TIFF)");
        var format = FormatOf(loader);
        var extension = Path.GetExtension(photo.FullPath).ToLowerInvariant();
        if (!ExtensionsByFormat[format].Contains(extension))
            violations.Add(new(PhotoRule.WrongFormat, $"is named {extension} but its content is {format.ToUpperInvariant()}: rename it or export it again"));
        if (format != "jpeg")
            violations.Add(new(PhotoRule.NotJpeg, $"is {format.ToUpperInvariant()}, not JPG (the notices ask for JPG)"));

        int width, height;
        try
        {
            using var header = VipsOperation.Create(loader).Set("filename", photo.FullPath).Build();
            using var image = header.GetImage("out");
            var sideways = image.GetInt("orientation") is >= 5 and <= 8;
            (width, height) = sideways ? (image.Height, image.Width) : (image.Width, image.Height);
        }
        catch (VipsException e)
        {
            return Unreadable($"cannot be read: {e.Message}");
        }

        if ((long)width * height > settings.MaxPixels)
            violations.Add(new(PhotoRule.OverPixelLimit, $"is {width}×{height} pixels, over the limit of {settings.MaxPixels:N0} pixels"));
        if (Math.Max(width, height) < settings.MinWidth || Math.Min(width, height) < settings.MinHeight)
            violations.Add(new(PhotoRule.TooSmall, $"is {width}×{height}, smaller than {settings.MinWidth}×{settings.MinHeight} (the notices ask for 像素在{settings.MinWidth}×{settings.MinHeight}及以上)"));
        return new PhotoInspection(photo, width, height, violations);

        PhotoInspection Unreadable(string message) =>
            new(photo, 0, 0, [.. violations, new(PhotoRule.Unreadable, message)]);
    }

    /// <summary>
    /// Decodes every pixel of a photo, at a small size where the format allows (JPEG shrink-on-load), failing
    /// on truncation as the build does: finds the truncated or damaged files a header cannot show.
    /// </summary>
    public static RuleViolation? Decode(PhotoRef photo)
    {
        try
        {
            using var thumbnail = VipsOperation.Create("thumbnail").Set("filename", photo.FullPath)
                .Set("width", 64).Set("height", 64).Set("fail_on", "truncated").Build();
            using var image = thumbnail.GetImage("out");
            using var pixels = image.CopyMemory();
            return null;
        }
        catch (VipsException e)
        {
            return new(PhotoRule.Unreadable, $"cannot be decoded (truncated or damaged): {e.Message}");
        }
    }

    /// <summary>The accepted format a loader reads: VipsForeignLoadJpegFile → jpeg.</summary>
    private static string FormatOf(string loader) =>
        ExtensionsByFormat.Keys.First(f => loader.StartsWith("VipsForeignLoad" + char.ToUpperInvariant(f[0]) + f[1..], StringComparison.Ordinal));
}
