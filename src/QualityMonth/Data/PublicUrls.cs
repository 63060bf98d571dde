using QualityMonth.Config;
using QualityMonth.Model;

namespace QualityMonth.Data;

/// <summary>
/// Absolute URLs for files read outside the site (data, calendars, feeds, sitemap): the site's host,
/// its base path, and the language's prefix.
/// </summary>
public static class PublicUrls
{
    /// <summary>The absolute URL of a language-neutral site path in a language: <c>/2024/</c> → <c>https://host/base/en/2024/</c>.</summary>
    public static string Absolute(SiteSettings settings, string sitePath, Language language) =>
        Absolute(settings, language.Localize(sitePath));

    /// <summary>The absolute URL of a root-relative URL path that already carries its language prefix.</summary>
    public static string Absolute(SiteSettings settings, string urlPath) =>
        new Uri(settings.BaseUrl, settings.Mount(urlPath)).AbsoluteUri;

    /// <summary>Where a language's copy of a file is written in the output folder: <c>/data/x.csv</c> → <c>en/data/x.csv</c>.</summary>
    public static string OutputPath(string sitePath, Language language) => language.Localize(sitePath).TrimStart('/');
}
