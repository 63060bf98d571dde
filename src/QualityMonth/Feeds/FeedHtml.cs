using QualityMonth.Config;
using QualityMonth.Model;
using QualityMonth.Render;
using QualityMonth.Routing;

namespace QualityMonth.Feeds;

/// <summary>Content HTML made fit for a feed reader, which shows it away from the site: every link absolute.</summary>
public static class FeedHtml
{
    /// <summary>
    /// Makes the links of a page's content HTML absolute: <c>#attachment-1</c> on the page, <c>/2024/slogans/</c>
    /// in the feed's language (as the pages' content links are) under the site's base path.
    /// </summary>
    public static string Absolute(SiteSettings settings, string html, string pageSitePath, Language language) =>
        // The preview regenerates the feeds after every save: a notice that did not change keeps its HTML
        // string (and the settings object), so its result is looked up instead of written again.
        Results.GetOrCreateValue(html).GetOrAdd((settings, pageSitePath, language), key => Convert(key.Settings, html, key.PageSitePath, key.Language));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string,
        System.Collections.Concurrent.ConcurrentDictionary<(SiteSettings Settings, string PageSitePath, Language Language), string>> Results = new();

    private static string Convert(SiteSettings settings, string html, string pageSitePath, Language language)
    {
        return PageHtmlWriter.Fragment(html, Resolve);

        string Resolve(string url)
        {
            if (url.StartsWith('#')) return SiteUrls.Absolute(settings, pageSitePath, language) + url;
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;
            return SiteUrls.Absolute(settings, SiteUrls.LocalizeContentLink(url, language));
        }
    }
}
