using QualityMonth.Config;

namespace QualityMonth.Model;

/// <summary>A photo an activity lists: the submitted file and its caption (说明) and credit.</summary>
/// <param name="File">Path relative to the site root, forward slashes.</param>
public sealed record PhotoRef(string File, string FullPath, LocalizedText? Caption, LocalizedText? Credit, SourceLocation Source);

/// <summary>One output image of a photo.</summary>
public sealed record PhotoRendition(PhotoFormat Format, int Width, int Height, string Url, long Bytes)
{
    public string MimeType => Format switch
    {
        PhotoFormat.Avif => "image/avif",
        PhotoFormat.Webp => "image/webp",
        _ => "image/jpeg",
    };
}

/// <summary>A photo ready to publish: upright, sRGB, without metadata, in every width and format.</summary>
/// <param name="Placeholder">The photo's average colour (#rrggbb), shown while it loads.</param>
public sealed record ProcessedPhoto(PhotoRef Source, int Width, int Height, string Placeholder,
    IReadOnlyList<PhotoRendition> Renditions, PhotoRendition FullSize);
