using QualityMonth.Build;
using QualityMonth.Routing;

namespace QualityMonth.Feeds;

/// <summary><c>robots.txt</c>: everything may be crawled; points crawlers at the sitemap.</summary>
public sealed class RobotsTxt : IFileGenerator
{
    public void Generate(BuildContext build)
    {
        var settings = build.Site.Settings;
        var sitemap = SiteUrls.Absolute(settings, Routes.Sitemap);
        build.Output.Add("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n");
    }
}
