using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>Browser tests share one Chromium and one served build of the real site, at the root and under a sub-path.</summary>
[CollectionDefinition(Name)]
[LongRunning(24)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>, ICollectionFixture<ServedSite>, ICollectionFixture<ServedSiteUnderSubPath>
{
    public const string Name = "Browser";
}

/// <summary>One page of every template the theme has, as Chinese (root) paths and their English versions.</summary>
public static class SitePages
{
    public const string Missing = "/no-such-page/";

    private static readonly string[] Templates =
    [
        "/", "/2024/", "/2024/notices/provincial/", "/2024/slogans/", "/slogans/",
        "/cities/", "/cities/fuzhou/", "/organisers/", "/organisers/market-regulation/", "/404.html", "/press/", "/search/", "/data/",
        "/activities/", "/activities/kind/training/", "/activities/2023/yongan/sanming-quality-award/",
        "/activities/2025/market-regulation/green-product-certification-week/",
    ];

    public static TheoryData<string> EveryTemplate => [.. Templates, .. Templates.Select(English)];

    public static string English(string path) => "/en" + path;
}
