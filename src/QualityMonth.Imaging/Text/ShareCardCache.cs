using System.Security.Cryptography;
using System.Text;
using QualityMonth.Imaging.Vips;

namespace QualityMonth.Imaging.Text;

/// <summary>
/// Keeps drawn cards in <c>.cache/share/</c>, named by a hash of everything that decides their pixels
/// (text, layout version, font files, libvips version): a rebuild with nothing changed draws nothing, and
/// cards no longer wanted are pruned.
/// </summary>
public static class ShareCardCache
{
    public const string CacheFolder = ".cache/share";

    /// <returns>For each card, in order, the cached PNG holding it.</returns>
    /// <exception cref="MissingFontException">The fonts are not installed and a card has to be drawn.</exception>
    public static IReadOnlyList<string> Publish(string siteRoot, IReadOnlyList<ShareCardText> cards)
    {
        var fonts = CardFonts.Find();
        CacheLock.Hold(siteRoot);
        var folder = Path.Combine(siteRoot, CacheFolder);
        Directory.CreateDirectory(folder);
        var files = cards.Select(card => Path.Combine(folder, Key(card, fonts) + ".png")).ToList();
        foreach (var (card, file) in cards.Zip(files).DistinctBy(c => c.Second))
        {
            if (File.Exists(file)) continue;
            // Drawn beside its final name and moved in: the cache never holds half a file.
            var scratch = file + ".tmp-" + Guid.NewGuid().ToString("N");
            try
            {
                ShareCard.Render(card, fonts, scratch);
                File.Move(scratch, file, overwrite: true);
            }
            finally
            {
                File.Delete(scratch);
            }
        }
        var wanted = files.ToHashSet(StringComparer.Ordinal);
        CacheLock.PruneAlone(siteRoot, () =>
        {
            foreach (var stale in Directory.GetFiles(folder).Where(f => !wanted.Contains(f)))
                File.Delete(stale);
        });
        return files;
    }

    private static string Key(ShareCardText card, CardFonts fonts)
    {
        var identity = string.Join('\u001f',
            [$"layout {ShareCard.LayoutVersion}", $"libvips {VipsRuntime.Version}", $"fonts {fonts.FilesHash}", card.Top, .. card.Headline, "", card.Bottom]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
