using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Theme;

/// <summary>What every component knows about the page being rendered.</summary>
/// <param name="Path">The page's language-neutral site path, e.g. <c>/2024/slogans/</c>.</param>
/// <param name="AssetUrls">Fingerprinted URLs of theme assets, by file name (<c>site.css</c>).</param>
/// <param name="Photos">The published photos, by the activity's entry (<see cref="PhotoRef"/>): two activities may list one file.</param>
public sealed record PageContext(Site Site, Language Language, string Path, IReadOnlyDictionary<string, string> AssetUrls,
    IReadOnlyDictionary<PhotoRef, ProcessedPhoto> Photos)
{
    public UiStrings S { get; } = UiStrings.For(Language.Locale);

    public BrowseStrings B { get; } = BrowseStrings.For(Language.Locale);

    /// <summary>Root-relative URL of a site path in this page's language (the base path is added at output).</summary>
    public string Url(string sitePath) => SiteUrls.Localize(sitePath, Language);

    /// <summary>Absolute URL of a site path in a language, for hreflang and canonical links.</summary>
    public string AbsoluteUrl(string sitePath, Language language) => SiteUrls.Absolute(Site.Settings, sitePath, language);

    /// <summary>Absolute URL of a file of the site (not a page, so in no language), e.g. a share image or a photo.</summary>
    public string AbsoluteFileUrl(string rootRelativeUrl) => SiteUrls.Absolute(Site.Settings, rootRelativeUrl);

    public LocalizedValue T(LocalizedText text) => text.In(Language);

    public string Asset(string name) => AssetUrls[name];

    public bool IsEnglish => !Language.IsDefault;
}
