
namespace QualityMonth.Imaging.Text;

/// <summary>
/// Keeps drawn cards in <c>.cache/share/</c>, a <see cref="RenditionStore"/>: each card's <see cref="RenditionKey"/>
/// is the hash of its text, the card spec with the fonts' identity, the layout version and the libvips version.
/// A rebuild with nothing changed draws nothing, and cards no longer wanted are pruned.
/// </summary>
public static class ShareCardCache
{
    public const string CacheFolder = ".cache/share";

    private const string Extension = "png";

    /// <returns>For each card, in order, the cached PNG holding it.</returns>
    /// <exception cref="MissingFontException">The fonts are not installed and a card has to be drawn.</exception>
    public static IReadOnlyList<string> Publish(string siteRoot, IReadOnlyList<ShareCardText> cards)
    {
        var fonts = CardFonts.Find();
        CacheLock.Hold(siteRoot);
        var store = new RenditionStore(Path.Combine(siteRoot, CacheFolder));
        var keys = cards.Select(card => Key(card, fonts)).ToList();
        foreach (var (card, key) in cards.Zip(keys).DistinctBy(c => c.Second))
            if (!store.Contains(key, Extension))
                store.Write(key, Extension, png => ShareCard.Render(card, fonts, png));
        CacheLock.PruneAlone(siteRoot, () => store.Prune(keys.Select(key => RenditionStore.FileName(key, Extension)).ToHashSet(StringComparer.Ordinal)));
        return [.. keys.Select(key => store.PathOf(key, Extension))];
    }

    private static RenditionKey Key(ShareCardText card, CardFonts fonts) => RenditionKey.For(
        RenditionKey.HashOf(string.Join('\u001f', [card.Top, .. card.Headline, "", card.Bottom])),
        $"card-1200x630 fonts {fonts.FilesHash}",
        ShareCard.LayoutVersion);
}
