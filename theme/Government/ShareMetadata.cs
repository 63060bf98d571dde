using QualityMonth.Routing;

namespace QualityMonth.Theme.Government;

/// <summary>What link previews (OpenGraph, Twitter cards) need besides the page's own text.</summary>
public static class ShareMetadata
{
    /// <summary>The share card's size in pixels: the 1.91:1 image link previews show at full width.</summary>
    public const int ImageWidth = 1200;
    public const int ImageHeight = 630;

    /// <summary>Absolute URL of a file of the site (not a page), under the base path: https://host/base/share/site.png.</summary>
    public static string AbsoluteFileUrl(PageContext ctx, string rootRelativeUrl) =>
        new Uri(ctx.Site.Settings.BaseUrl, ctx.Site.Settings.Mount(rootRelativeUrl)).AbsoluteUri;

    public static string SiteImageUrl(PageContext ctx) => AbsoluteFileUrl(ctx, Routes.SiteShareImage);

    /// <summary>
    /// OpenGraph's locale (language_TERRITORY) of one of the site's two languages (settings allow no other):
    /// Simplified Chinese as used in mainland China; English in the site's British spelling.
    /// </summary>
    public static string Locale(string languageCode) => languageCode == "en" ? "en_GB" : "zh_CN";
}
