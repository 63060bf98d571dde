using QualityMonth.Config;
using QualityMonth.Model;

namespace QualityMonth.Routing;

/// <summary>
/// The one place an address is built, step by step: a language-neutral site path (<c>/2024/</c>, from <see cref="Routes"/>)
/// → the language's URL path (<c>/en/2024/</c>) → mounted under the base path (<c>/base/en/2024/</c>) → absolute
/// (<c>https://host/base/en/2024/</c>); and the file a URL path is written to in the output folder (<c>en/2024/index.html</c>).
/// </summary>
public static class SiteUrls
{
    /// <summary>A language-neutral site path in a language: <c>/2024/</c> → <c>/en/2024/</c>; the default language's is the path itself.</summary>
    public static string Localize(string sitePath, Language language) => language.IsDefault ? sitePath : "/" + language.Prefix + sitePath;

    /// <summary>A root-relative link written in content, in the language of the page or feed that carries it: a link that
    /// already names that language (<c>/en/2024/</c>) is kept.</summary>
    public static string LocalizeContentLink(string url, Language language) =>
        language.IsDefault || url.StartsWith($"/{language.Prefix}/", StringComparison.Ordinal) ? url : Localize(url, language);

    /// <summary>A root-relative URL path under the base path the site is mounted under: <c>/en/2024/</c> → <c>/base/en/2024/</c>.</summary>
    public static string Mount(SiteSettings settings, string urlPath) => settings.BasePath + urlPath;

    /// <summary>The absolute URL of a root-relative URL path that already carries its language prefix (or needs none: a file
    /// of the site such as a photo).</summary>
    public static string Absolute(SiteSettings settings, string urlPath) => new Uri(settings.BaseUrl, Mount(settings, urlPath)).AbsoluteUri;

    /// <summary>The absolute URL of a language-neutral site path in a language: <c>/2024/</c> → <c>https://host/base/en/2024/</c>.</summary>
    public static string Absolute(SiteSettings settings, string sitePath, Language language) => Absolute(settings, Localize(sitePath, language));

    /// <summary>The file a URL path is written to in the output folder: <c>/en/2024/</c> → <c>en/2024/index.html</c>;
    /// <c>/404.html</c> → <c>404.html</c>.</summary>
    public static string OutputPath(string urlPath)
    {
        var path = urlPath.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>The file a language's copy of a site path is written to: <c>/data/x.csv</c> in English → <c>en/data/x.csv</c>.</summary>
    public static string OutputPath(string sitePath, Language language) => OutputPath(Localize(sitePath, language));
}
