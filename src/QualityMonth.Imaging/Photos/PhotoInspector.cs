using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Vips;
using QualityMonth.Model;

namespace QualityMonth.Imaging.Photos;

/// <summary>A broken photo rule: which rule and what exactly is wrong with the photo, in both languages.</summary>
public sealed record RuleViolation(PhotoRule Rule, Phrase Detail);

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
            violations.Add(new(PhotoRule.MissingCaption, PhotoMessages.NoCaption()));

        if (new FileInfo(photo.FullPath).Length == 0)
            return Unreadable(PhotoMessages.EmptyFile());
        var loader = VipsRuntime.FindLoader(photo.FullPath);
        if (loader is null)
            return Unreadable(PhotoMessages.NotAnImage());
        var format = FormatOf(loader);
        var extension = Path.GetExtension(photo.FullPath).ToLowerInvariant();
        if (!ExtensionsByFormat[format].Contains(extension))
            violations.Add(new(PhotoRule.WrongFormat, PhotoMessages.WrongExtension(extension, format.ToUpperInvariant())));
        if (format != "jpeg")
            violations.Add(new(PhotoRule.NotJpeg, PhotoMessages.NotJpeg(format.ToUpperInvariant())));

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
            return Unreadable(PhotoMessages.Unreadable(e.Message));
        }

        if ((long)width * height > settings.MaxPixels)
            violations.Add(new(PhotoRule.OverPixelLimit, PhotoMessages.OverPixelLimit(width, height, settings.MaxPixels)));
        if (Math.Max(width, height) < settings.MinWidth || Math.Min(width, height) < settings.MinHeight)
            violations.Add(new(PhotoRule.TooSmall, PhotoMessages.TooSmall(width, height, settings.MinWidth, settings.MinHeight)));
        return new PhotoInspection(photo, width, height, violations);

        PhotoInspection Unreadable(Phrase detail) =>
            new(photo, 0, 0, [.. violations, new(PhotoRule.Unreadable, detail)]);
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
            return new(PhotoRule.Unreadable, PhotoMessages.Damaged(e.Message));
        }
    }

    /// <summary>The accepted format a loader reads: VipsForeignLoadJpegFile → jpeg.</summary>
    private static string FormatOf(string loader) =>
        ExtensionsByFormat.Keys.First(f => loader.StartsWith("VipsForeignLoad" + char.ToUpperInvariant(f[0]) + f[1..], StringComparison.Ordinal));
}
