using QualityMonth.Model;
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
    /// OpenGraph's locale (language_TERRITORY) of a locale:
    /// Simplified Chinese as used in mainland China; English in the site's British spelling.
    /// </summary>
    public static string OpenGraphLocale(Locale locale) => locale.Pick("zh_CN", "en_GB");
}
