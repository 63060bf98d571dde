using System.Globalization;
using System.Xml.Linq;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>The Atom feeds: valid against RFC 4287's RELAX NG schema (Jing), and read with LINQ to XML for their entries.</summary>
[Collection(DataCollection.Name)]
public sealed class AtomFeedTests(BuiltSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly string Jar = Path.Combine(Repo.NodeModules, "vnu-jar", "build", "dist", "vnu.jar");
    private static readonly string Schema = Path.Combine(Repo.Root, "tests", "QualityMonth.Tests", "Data", "Schemas", "atom.rnc");
    private const string Host = "https://zly.example.gov.cn";

    private string Feed(string prefix, string name) => Path.Combine(site.Output, prefix + "feeds", name + ".atom");

    /// <summary>Jing, the RELAX NG validator vnu.jar is built on, run from that jar.</summary>
    private static ExternalTool.Result Jing(params string[] files)
    {
        Assert.True(File.Exists(Jar), $"{Jar} is missing: run npm ci in {Repo.Root}");
        return ExternalTool.Run("java", ["-cp", Jar, "nu.validator.vendor.thaiopensource.relaxng.util.Driver", "-c", Schema, .. files]);
    }

    [Fact]
    public void Every_feed_is_valid_against_the_rfc_4287_schema()
    {
        var feeds = DataFiles.Prefixes.SelectMany(p => new[] { Feed(p, "notices"), Feed(p, "activities") }).ToArray();
        var result = Jing(feeds);
        Assert.True(result.ExitCode == 0, "Jing finds the feeds invalid:\n" + result.All);

        // Jing does reject an entry without a title.
        var broken = Path.Combine(Path.GetTempPath(), $"qm-broken-{Guid.NewGuid():N}.atom");
        try
        {
            var feed = XDocument.Load(Feed("", "notices"));
            feed.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Remove();
            feed.Save(broken);
            var rejected = Jing(broken);
            Assert.NotEqual(0, rejected.ExitCode);
            Assert.Contains("title", rejected.All);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void The_notices_feed_has_every_notice_of_the_real_site_linked_in_both_languages_and_dated_by_the_document()
    {
        var notices = SourceContent.Notices();
        foreach (var prefix in DataFiles.Prefixes)
        {
            var feed = XDocument.Load(Feed(prefix, "notices")).Root!;
            Assert.Equal(prefix == "" ? "zh-Hans" : "en", feed.Attribute(XNamespace.Xml + "lang")!.Value);
            Assert.Equal($"{Host}/{prefix}feeds/notices.atom", Link(feed, "self", null));
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.Equal(notices.Count, entries.Count);
            foreach (var notice in notices)
            {
                var page = $"/{notice.Year}/notices/{notice.Slug}/";
                var entry = entries.Single(e => e.Element(Atom + "id")!.Value == $"{Host}/{prefix}{page.TrimStart('/')}");
                Assert.Equal(prefix == "" ? notice.Title : notice.TitleEn ?? notice.Title, entry.Element(Atom + "title")!.Value);
                Assert.Equal(Host + page, Link(entry, "alternate", "zh-Hans"));
                Assert.Equal(Host + "/en" + page, Link(entry, "alternate", "en"));
                Assert.Equal($"{notice.Date ?? $"{notice.Year}-09-01"}T00:00:00+08:00", entry.Element(Atom + "updated")!.Value);
                var content = entry.Element(Atom + "content")!;
                Assert.Equal("html", content.Attribute("type")!.Value);
                Assert.Contains("<p>", content.Value);
            }
            Assert.Equal(entries.Max(e => e.Element(Atom + "updated")!.Value), feed.Element(Atom + "updated")!.Value);
        }
    }

    [Fact]
    public void The_notices_feed_carries_the_latest_fifty_notices_newest_first()
    {
        using var temp = new TempSite();
        // 51 more notices than the real site's, a week apart: the feed keeps the newest 50 of all notices.
        var extra = Enumerable.Range(1, 51).Select(i => (Slug: $"extra-{i:00}", Date: new DateOnly(2023, 1, 1).AddDays(i * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        foreach (var (slug, date) in extra)
        {
            temp.Write($"input/2023/notices/{slug}.md", $"""
                ---
                title: 关于开展质量工作的通知（{slug}）
                title_en: Notice on quality work ({slug})
                doc_number: 闽质强省办〔2023〕{slug[^2..]}号
                issuer: 福建省质量强省工作领导小组办公室
                issuer_en: Office of the Fujian Quality Province Leading Group
                date: {date}
                disclosure: 此件主动公开
                ---

                各设区市质量强市工作领导小组办公室：现将有关事项通知如下。
                """);
            temp.Write($"input/2023/notices/{slug}.en.md", "To the offices of the quality leading groups of every city: the matters are notified as follows.\n");
        }
        var build = Generator.Run("build", "--root", temp.Root);
        Assert.True(build.ExitCode == 0, build.All);

        var expected = SourceContent.Notices().Select(n => (Page: $"{n.Year}/notices/{n.Slug}/", Date: n.Date ?? $"{n.Year}-09-01"))
            .Concat(extra.Select(e => (Page: $"2023/notices/{e.Slug}/", e.Date)))
            .OrderByDescending(n => n.Date, StringComparer.Ordinal).Take(50).ToList();
        Assert.Contains(expected, n => n.Page.Contains("extra-", StringComparison.Ordinal));
        Assert.Contains(expected, n => !n.Page.Contains("extra-", StringComparison.Ordinal));
        foreach (var prefix in DataFiles.Prefixes)
        {
            var feed = XDocument.Load(Path.Combine(temp.Output, prefix + "feeds", "notices.atom")).Root!;
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.Equal(expected.Select(n => $"{Host}/{prefix}{n.Page}"), entries.Select(e => e.Element(Atom + "id")!.Value));
            // The feed says how many notices it carries.
            Assert.Contains(QualityMonth.Feeds.AtomFeeds.NoticesFeedLimit.ToString(CultureInfo.InvariantCulture), feed.Element(Atom + "subtitle")!.Value);
        }
        Assert.True(File.Exists(Path.Combine(temp.Output, "2023", "notices", "extra-01", "index.html")), "every notice keeps its page");
    }

    [Fact]
    public void The_activities_feed_has_every_activity_with_its_permanent_page_and_kinds()
    {
        foreach (var prefix in DataFiles.Prefixes)
        {
            var records = DataFiles.Json(site, prefix).Activities;
            var entries = XDocument.Load(Feed(prefix, "activities")).Root!.Elements(Atom + "entry").ToDictionary(e => e.Element(Atom + "id")!.Value);
            Assert.Equal(records.Count, entries.Count);
            foreach (var record in records)
            {
                var entry = entries[record.Url];
                Assert.Equal(record.Title, entry.Element(Atom + "title")!.Value);
                Assert.Equal(record.Url, Link(entry, "alternate", prefix == "" ? "zh-Hans" : "en"));
                Assert.Equal(record.Kinds, entry.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value));
                Assert.Equal(record.KindNames, entry.Elements(Atom + "category").Select(c => c.Attribute("label")!.Value));
                Assert.Equal(record.CityName ?? record.OrganiserName, entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
                Assert.Contains(record.Url, entry.Element(Atom + "summary")!.Value);
            }
        }
    }

    [Fact]
    public void Every_page_announces_the_feeds_of_its_language()
    {
        foreach (var file in site.HtmlFiles)
        {
            var path = Path.GetRelativePath(site.Output, file).Replace('\\', '/');
            var prefix = path.StartsWith("en/", StringComparison.Ordinal) ? "en/" : "";
            var feeds = site.Page(path).QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']")
                .Select(l => (l.GetAttribute("href"), l.GetAttribute("title"))).ToList();
            Assert.Equal([$"{Host}/{prefix}feeds/notices.atom", $"{Host}/{prefix}feeds/activities.atom"], feeds.Select(f => f.Item1));
            Assert.All(feeds, f => Assert.False(string.IsNullOrWhiteSpace(f.Item2)));
        }
    }

    private static string? Link(XElement element, string rel, string? hreflang) =>
        element.Elements(Atom + "link").SingleOrDefault(l => l.Attribute("rel")?.Value == rel && l.Attribute("hreflang")?.Value == hreflang && l.Attribute("type")?.Value is "text/html" or "application/atom+xml")
            ?.Attribute("href")!.Value;
}
