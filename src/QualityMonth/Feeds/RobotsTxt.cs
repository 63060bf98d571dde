using QualityMonth.Build;

namespace QualityMonth.Feeds;

/// <summary><c>robots.txt</c>: everything may be crawled; points crawlers at the sitemap.</summary>
public sealed class RobotsTxt : IFileGenerator
{
    public void Generate(BuildContext build)
    {
        var settings = build.Site.Settings;
        var sitemap = new Uri(settings.BaseUrl, settings.Mount("/sitemap.xml")).AbsoluteUri;
        build.Output.Add("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n");
    }
}
