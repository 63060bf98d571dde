using QualityMonth.Diagnostics;

namespace QualityMonth.Output;

/// <summary>
/// The most the site's pages and data files may weigh, photos aside (their number and size have their own rules,
/// docs/photos.md): about twenty times today's site. Crossing it means content grew by mistake, e.g. a huge text
/// repeated on every page, and is stopped before anything is written or indexed.
/// </summary>
public static class OutputLimit
{
    public const long MaxBytes = 256L * 1024 * 1024;

    private const string PhotosFolder = "photos/";

    /// <returns>Whether the site is within the limit; otherwise an error naming the output folder and the largest files.</returns>
    public static bool Check(SiteOutput output, string outputFolder, DiagnosticBag diagnostics)
    {
        var sizes = output.Paths.Where(p => !p.StartsWith(PhotosFolder, StringComparison.Ordinal))
            .Select(p => (Path: p, Bytes: output.SizeOf(p) ?? 0)).ToList();
        var total = sizes.Sum(s => s.Bytes);
        if (total <= MaxBytes) return true;
        var largest = string.Join(", ", sizes.OrderByDescending(s => s.Bytes).Take(3).Select(s => $"{s.Path} ({s.Bytes / 1024} KB)"));
        diagnostics.Error(outputFolder, 0, OutputMessages.OutputTooLarge(total / (1024 * 1024), MaxBytes / (1024 * 1024), largest));
        return false;
    }
}
