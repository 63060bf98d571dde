using QualityMonth.Build;
using QualityMonth.Routing;

namespace QualityMonth.Feeds;

/// <summary>
/// <c>sitemap.xml</c> (sitemaps.org protocol 0.9): every page of every language except the not-found
/// page, each listing all its language versions and x-default (the default language) as
/// <c>xhtml:link rel="alternate" hreflang</c>, the form search engines read for language versions.
/// </summary>
public sealed class Sitemap : IFileGenerator
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public void Generate(BuildContext build)
    {
        var settings = build.Site.Settings;
        var versions = build.Pages.Where(p => p.SitePath != Routes.NotFound)
            .GroupBy(p => p.SitePath, StringComparer.Ordinal)
            .ToList();
        build.Output.Add(Routes.Sitemap.TrimStart('/'), XmlFile.Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in versions)
            {
                var languages = page.Select(p => p.Language).ToList();
                foreach (var language in languages)
                {
                    xml.WriteStartElement("url", Namespace);
                    xml.WriteElementString("loc", Namespace, SiteUrls.Absolute(settings, page.Key, language));
                    foreach (var version in languages)
                        Alternate(version.Code, SiteUrls.Absolute(settings, page.Key, version));
                    if (languages.Contains(settings.DefaultLanguage))
                        Alternate("x-default", SiteUrls.Absolute(settings, page.Key, settings.DefaultLanguage));
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();

            void Alternate(string hreflang, string href)
            {
                xml.WriteStartElement("link", XhtmlNamespace);
                xml.WriteAttributeString("rel", "alternate");
                xml.WriteAttributeString("hreflang", hreflang);
                xml.WriteAttributeString("href", href);
                xml.WriteEndElement();
            }
        }));
    }
}
