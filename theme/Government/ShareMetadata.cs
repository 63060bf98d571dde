using QualityMonth.Routing;

namespace QualityMonth.Theme.Government;

/// <summary>What link previews (OpenGraph, Twitter cards) need besides the page's own text.</summary>
public static class ShareMetadata
{
    /// <summary>The share card's size in pixels: the 1.91:1 image link previews show at full width.</summary>
    public const int ImageWidth = 1200;
    public const int ImageHeight = 630;

    public static string SiteImageUrl(PageContext ctx) => ctx.AbsoluteFileUrl(Routes.SiteShareImage);

    /// <summary>
    /// OpenGraph's locale (language_TERRITORY) of one of the site's two languages (settings allow no other):
    /// Simplified Chinese as used in mainland China; English in the site's British spelling.
    /// </summary>
    public static string Locale(string languageCode) => languageCode == "en" ? "en_GB" : "zh_CN";
}
