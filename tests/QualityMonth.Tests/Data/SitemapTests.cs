using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>sitemap.xml: valid against sitemaps.org's schema, listing every page with reciprocal hreflang alternates.</summary>
[Collection(DataCollection.Name)]
public sealed class SitemapTests(BuiltSite site)
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private const string Host = "https://zly.example.gov.cn";

    private string SitemapFile => Path.Combine(site.Output, "sitemap.xml");

    /// <summary>Validates a sitemap with .NET's XML Schema validator against the checked-in sitemap.xsd (and the xhtml:link schema).</summary>
    private static List<string> SchemaErrors(string file)
    {
        var schemas = new XmlSchemaSet();
        foreach (var xsd in new[] { "sitemap.xsd", "xhtml-link.xsd" })
            schemas.Add(null, Path.Combine(Repo.Root, "tests", "QualityMonth.Tests", "Data", "Schemas", xsd));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(file, settings);
        while (reader.Read()) { }
        return errors;
    }

    [Fact]
    public void The_sitemap_is_valid_against_the_sitemaps_org_schema()
    {
        var errors = SchemaErrors(SitemapFile);
        Assert.True(errors.Count == 0, "sitemap.xml breaks sitemap.xsd:\n" + string.Join('\n', errors));

        // The validator does check: an alternate without an address and a second <loc> are errors.
        var broken = Path.Combine(Path.GetTempPath(), $"qm-broken-{Guid.NewGuid():N}.xml");
        try
        {
            var sitemap = XDocument.Load(SitemapFile);
            var url = sitemap.Root!.Element(Sitemaps + "url")!;
            url.Element(Xhtml + "link")!.Attribute("href")!.Remove();
            url.Add(new XElement(Sitemaps + "loc", Host + "/again/"));
            sitemap.Save(broken);
            Assert.Equal(2, SchemaErrors(broken).Count);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_page_but_the_not_found_page_is_listed_once()
    {
        var pages = site.HtmlFiles.Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'))
            .Where(p => p is not "404.html" and not "en/404.html")
            .Select(p => Host + "/" + (p.EndsWith("index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p))
            .Order(StringComparer.Ordinal);
        var listed = XDocument.Load(SitemapFile).Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(pages, listed.Order(StringComparer.Ordinal));
        Assert.Contains(Host + "/data/", listed);
    }

    [Fact]
    public void Every_hreflang_pair_is_reciprocal_and_x_default_is_the_chinese_page()
    {
        var urls = XDocument.Load(SitemapFile).Root!.Elements(Sitemaps + "url").ToDictionary(
            u => u.Element(Sitemaps + "loc")!.Value,
            u => u.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));
        foreach (var (loc, alternates) in urls)
        {
            Assert.Equal(["zh-Hans", "en", "x-default"], alternates.Keys);
            Assert.Contains(loc, alternates.Values);
            Assert.Equal(alternates["zh-Hans"], alternates["x-default"]);
            Assert.DoesNotContain("/en/", alternates["zh-Hans"]);
            Assert.StartsWith(Host + "/en/", alternates["en"]);
            foreach (var (language, href) in alternates.Where(a => a.Key != "x-default"))
            {
                Assert.True(urls.TryGetValue(href, out var other), $"{loc} names {href} ({language}), which the sitemap does not list");
                Assert.Equal(alternates, other);
            }
        }
    }

    [Fact]
    public void Robots_txt_points_at_the_sitemap()
    {
        Assert.Contains($"Sitemap: {Host}/sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }
}
