using NetVips;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
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
    /// <summary>The formats a photo may be read in, by the loader that reads them, and the names they may have.</summary>
    private static readonly (string Loader, string Format, string[] Extensions)[] Accepted =
    [
        ("VipsForeignLoadJpeg", "JPEG", [".jpg", ".jpeg", ".jpe"]),
        ("VipsForeignLoadPng", "PNG", [".png"]),
        ("VipsForeignLoadWebp", "WebP", [".webp"]),
        ("VipsForeignLoadHeif", "AVIF", [".avif"]),
        ("VipsForeignLoadTiff", "TIFF", [".tif", ".tiff"]),
    ];

    /// <param name="headers">The headers read before, by content: a photo found there is not read again.</param>
    public static PhotoInspection Inspect(PhotoRef photo, PhotoSettings settings, PhotoHeaders? headers = null)
    {
        var violations = new List<RuleViolation>();
        if (photo.Caption is null)
            violations.Add(new(PhotoRule.MissingCaption, PhotoMessages.NoCaption()));

        if (new FileInfo(photo.FullPath).Length == 0)
            return new(photo, 0, 0, [.. violations, new(PhotoRule.Unreadable, PhotoMessages.EmptyFile())]);
        var header = headers?.Find(photo.FullPath) is { } known && Accepted.Any(a => a.Format == known.Format) ? known : null;
        if (header is null)
        {
            var (read, refusal) = ReadHeader(photo.FullPath);
            if (refusal is not null) return new(photo, 0, 0, [.. violations, refusal]);
            header = read!;
            headers?.Remember(photo.FullPath, header);
        }

        var (format, width, height) = header;
        var extension = Path.GetExtension(photo.FullPath).ToLowerInvariant();
        if (!Accepted.Single(a => a.Format == format).Extensions.Contains(extension))
            violations.Add(new(PhotoRule.WrongFormat, PhotoMessages.WrongExtension(extension, format)));
        if (format != "JPEG")
            violations.Add(new(PhotoRule.NotJpeg, PhotoMessages.NotJpeg(format)));
        if ((long)width * height > settings.MaxPixels)
            violations.Add(new(PhotoRule.OverPixelLimit, PhotoMessages.OverPixelLimit(width, height, settings.MaxPixels)));
        if (Math.Max(width, height) < settings.MinWidth || Math.Min(width, height) < settings.MinHeight)
            violations.Add(new(PhotoRule.TooSmall, PhotoMessages.TooSmall(width, height, settings.MinWidth, settings.MinHeight)));
        return new PhotoInspection(photo, width, height, violations);
    }

    /// <summary>The photo's format, found from its content, and its upright size, read before any pixel is decoded; or why it is refused.</summary>
    private static (PhotoHeader? Header, RuleViolation? Refusal) ReadHeader(string file)
    {
        // Only the accepted loaders are left unblocked, and libvips offers no blocked one.
        var loader = LibVips.FindLoader(file);
        var accepted = loader is null ? default : Accepted.FirstOrDefault(a => loader.StartsWith(a.Loader, StringComparison.Ordinal));
        if (accepted.Format is null)
            return (null, RefusedFormats.Identify(file) is { } refused
                ? new(PhotoRule.WrongFormat, PhotoMessages.RefusedFormat(refused))
                : new(PhotoRule.Unreadable, PhotoMessages.NotAnImage()));
        try
        {
            using var image = Image.NewFromFile(file, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
            // Phones' HEIC is HEIF with HEVC inside, which NetVips.Native cannot decode (patents): only AVIF is readable HEIF.
            if (image.Contains("heif-compression") && (string)image.Get("heif-compression") != "av1")
                return (null, new(PhotoRule.WrongFormat, PhotoMessages.Heic()));
            var sideways = image.Contains("orientation") && (int)image.Get("orientation") is >= 5 and <= 8;
            return (sideways ? new(accepted.Format, image.Height, image.Width) : new(accepted.Format, image.Width, image.Height), null);
        }
        catch (VipsException e)
        {
            return (null, new(PhotoRule.Unreadable, PhotoMessages.Unreadable(Reason(e))));
        }
    }

    /// <summary>
    /// Decodes every pixel of a photo, at a small size where the format allows (JPEG shrink-on-load), failing
    /// on truncation as the build does: finds the truncated or damaged files a header cannot show.
    /// </summary>
    public static RuleViolation? Decode(PhotoRef photo)
    {
        LibVips.EnsureStarted();
        try
        {
            using var thumbnail = Image.Thumbnail(photo.FullPath, 64, height: 64, failOn: Enums.FailOn.Truncated);
            using var pixels = thumbnail.CopyMemory();
            return null;
        }
        catch (VipsException e)
        {
            return new(PhotoRule.Unreadable, PhotoMessages.Damaged(Reason(e)));
        }
    }

    /// <summary>libvips' own words for a failure, on one line.</summary>
    public static string Reason(VipsException e) =>
        string.Join("; ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
