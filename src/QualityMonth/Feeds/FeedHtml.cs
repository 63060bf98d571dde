using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Config;
using QualityMonth.Data;
using QualityMonth.Model;

namespace QualityMonth.Feeds;

/// <summary>Content HTML made fit for a feed reader, which shows it away from the site: every link absolute.</summary>
public static class FeedHtml
{
    private static readonly string[] UrlAttributes = ["href", "src"];

    /// <summary>One parser per thread for every entry: making one is costly, and builds may run side by side (tests).</summary>
    [ThreadStatic] private static HtmlParser? t_parser;

    /// <summary>
    /// Makes the links of a page's content HTML absolute: <c>#attachment-1</c> on the page, <c>/2024/slogans/</c>
    /// in the feed's language (as the pages' post-processing does for content links) under the site's base path.
    /// </summary>
    public static string Absolute(SiteSettings settings, string html, string pageSitePath, Language language) =>
        // The preview regenerates the feeds after every save: a notice that did not change keeps its HTML
        // string (and the settings object), so its result is looked up instead of parsed again.
        Results.GetOrCreateValue(html).GetOrAdd((settings, pageSitePath, language), key => Convert(key.Settings, html, key.PageSitePath, key.Language));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string,
        System.Collections.Concurrent.ConcurrentDictionary<(SiteSettings Settings, string PageSitePath, Language Language), string>> Results = new();

    private static string Convert(SiteSettings settings, string html, string pageSitePath, Language language)
    {
        var body = (t_parser ??= new HtmlParser()).ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        // Descendants rather than QuerySelectorAll("*"): AngleSharp's selector cache is behind one lock, which the
        // entries made in parallel queued on.
        foreach (var element in body.Descendants<IElement>().ToList())
            foreach (var attribute in UrlAttributes)
                if (element.GetAttribute(attribute) is { } url && Resolve(url) is { } absolute)
                    element.SetAttribute(attribute, absolute);
        return body.InnerHtml;

        string? Resolve(string url)
        {
            if (url.StartsWith('#')) return PublicUrls.Absolute(settings, pageSitePath, language) + url;
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return null;
            var localized = language.IsDefault || url.StartsWith($"/{language.Prefix}/", StringComparison.Ordinal) ? url : language.Localize(url);
            return PublicUrls.Absolute(settings, localized);
        }
    }
}
