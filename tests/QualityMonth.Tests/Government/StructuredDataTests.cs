using System.Text.Json;
using System.Text.RegularExpressions;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Government.SourceFacts;

namespace QualityMonth.Tests.Government;

/// <summary>schema.org JSON-LD on the real build, parsed with System.Text.Json and checked against the content files.</summary>
public partial class StructuredDataTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void Every_page_names_the_sponsor_as_a_government_organisation_publishing_the_site()
    {
        foreach (var path in PagesOf(site))
        {
            var page = site.Page(path);
            var language = IsEnglish(path) ? "en" : "zh-Hans";
            var sponsor = Assert.Single(OfType(page, "GovernmentOrganization"), o => o.TryGetProperty("@id", out _));
            Assert.Equal(Setting(language, "footer", "sponsor"), sponsor.GetProperty("name").GetString());
            var website = Assert.Single(OfType(page, "WebSite"));
            Assert.Equal(Setting(language, "title"), website.GetProperty("name").GetString());
            Assert.Equal(sponsor.GetProperty("@id").GetString(), website.GetProperty("publisher").GetProperty("@id").GetString());
            Assert.All(JsonLd(page), block => Assert.Equal("https://schema.org", block.GetProperty("@context").GetString()));
        }
    }

    [Theory, MemberData(nameof(NoticePages), MemberType = typeof(SourceFacts))]
    public void A_notice_is_an_article_with_the_documents_title_dates_issuer_and_number(string pagePath)
    {
        var notice = Notice(pagePath);
        foreach (var (path, english) in new[] { (pagePath, false), ("en/" + pagePath, true) })
        {
            var page = site.Page(path);
            var article = Assert.Single(OfType(page, "Article"));
            Assert.Equal(english ? notice["title_en"] ?? notice["title"] : notice["title"], article.GetProperty("headline").GetString());
            Assert.Equal(Canonical(page), article.GetProperty("url").GetString());
            var issuer = english ? notice["issuer_en"] ?? notice["issuer"] : notice["issuer"];
            foreach (var role in new[] { "author", "publisher" })
            {
                Assert.Equal("GovernmentOrganization", article.GetProperty(role).GetProperty("@type").GetString());
                Assert.Equal(issuer, article.GetProperty(role).GetProperty("name").GetString());
            }
            Assert.Equal(notice["date"] is "无" ? null : notice["date"], Optional(article, "dateCreated"));
            Assert.Equal(notice["published"], Optional(article, "datePublished"));
            Assert.Equal(notice["doc_number"] is "无" ? null : notice["doc_number"], Optional(article, "identifier"));
            // The language of the text shown: an untranslated notice is Chinese on the English page too.
            var body = page.QuerySelector("main .prose")!;
            Assert.Equal(body.GetAttribute("lang") ?? page.DocumentElement.GetAttribute("lang"), article.GetProperty("inLanguage").GetString());
        }
    }

    /// <summary>Every activity file: its host page carries one Event per activity, dated as the document's timing says.</summary>
    [Fact]
    public void Host_pages_carry_an_event_for_each_activity_with_the_dates_of_its_timing()
    {
        var checkedEvents = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "input"), "*.yml", SearchOption.AllDirectories)
                     .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "activities"))
        {
            var lines = File.ReadAllLines(file);
            var year = int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, System.Globalization.CultureInfo.InvariantCulture);
            var host = lines.Select(l => HostLine().Match(l)).First(m => m.Success);
            var (kind, slug) = (host.Groups[1].Value, host.Groups[2].Value);
            var page = site.Page(kind == "city" ? $"cities/{slug}/" : $"organisers/{slug}/");
            var events = OfType(page, "Event");
            var hostName = RegistryName(kind == "city" ? "cities" : "organisers", slug);

            foreach (var activity in Activities(lines))
            {
                var url = $"{Host}/activities/{year}/{slug}/{activity.Id}/";
                var item = Assert.Single(events, e => e.GetProperty("url").GetString() == url);
                Assert.Equal(activity.Title, item.GetProperty("name").GetString());
                var (start, end) = ExpectedDates(year, activity.Time);
                Assert.Equal(start, Optional(item, "startDate"));
                Assert.Equal(end, Optional(item, "endDate"));
                Assert.Equal("https://schema.org/EventScheduled", item.GetProperty("eventStatus").GetString());
                Assert.Equal(hostName, item.GetProperty("organizer").GetProperty("name").GetString());
                var address = item.GetProperty("location").GetProperty("address");
                Assert.Equal("福建省", address.GetProperty("addressRegion").GetString());
                Assert.Equal(kind == "city" ? hostName : null, Optional(address, "addressLocality"));
                checkedEvents++;
            }
        }
        Assert.True(checkedEvents > 100, $"only {checkedEvents} activities found in the content");
    }

    [Fact]
    public void An_event_shows_the_photos_of_its_activity_as_absolute_urls_of_published_files()
    {
        var events = OfType(site.Page("organisers/market-regulation/"), "Event");
        var withPhotos = Assert.Single(events, e => e.TryGetProperty("image", out _));
        Assert.EndsWith("/2025/market-regulation/green-product-certification-week/", withPhotos.GetProperty("url").GetString());
        var images = withPhotos.GetProperty("image").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(2, images.Count);
        foreach (var image in images)
        {
            Assert.StartsWith(Host + "/photos/", image);
            Assert.True(File.Exists(Path.Combine(site.Output, image[(Host.Length + 1)..])), $"{image} is not in the output");
        }
    }

    [Fact]
    public void English_pages_describe_events_in_english()
    {
        var item = OfType(site.Page("en/cities/yongan/"), "Event").First();
        Assert.Equal("Fujian", item.GetProperty("location").GetProperty("address").GetProperty("addressRegion").GetString());
        Assert.Equal("Yong'an", item.GetProperty("organizer").GetProperty("name").GetString());
        Assert.StartsWith(Host + "/en/activities/2023/yongan/", item.GetProperty("url").GetString());
    }

    /// <summary>The calendar span each timing wording of the content means, worked out by hand.</summary>
    /// <summary>The dates no more precise than the timing: none without one, months for months and parts of a month.</summary>
    private static (string? Start, string? End) ExpectedDates(int year, string? time) => time switch
    {
        null => (null, null),
        "9月" or "9月中旬" => ($"{year}-09", $"{year}-09"),
        "9-10月" or "9月-10月" => ($"{year}-09", $"{year}-10"),
        "6-10月" => ($"{year}-06", $"{year}-10"),
        "8月-12月" => ($"{year}-08", $"{year}-12"),
        "全年" => ($"{year}", $"{year}"),
        _ => throw new Xunit.Sdk.XunitException($"the content has a new timing '{time}': add what it means to this test"),
    };

    private static string? Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    private sealed record ActivityLines(string Id, string Title, string? Time);

    /// <summary>The activities of a file: each starts at '- id:'; its title and time are the item's own lines.</summary>
    private static IEnumerable<ActivityLines> Activities(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var id = ItemId().Match(lines[i]);
            if (!id.Success) continue;
            var item = lines.Skip(i + 1).TakeWhile(l => !ItemId().IsMatch(l)).ToList();
            string? Field(string key) => item.Select(l => Regex.Match(l, $@"^\s+{key}:\s*(.+)$")).FirstOrDefault(m => m.Success) is { } m ? Unquote(m.Groups[1].Value.Trim()) : null;
            yield return new ActivityLines(id.Groups[1].Value, Field("title")!, Field("time"));
        }
    }

    private static string RegistryName(string registry, string slug)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "input", "site", registry + ".yml"));
        var at = Array.FindIndex(lines, l => l.Trim() == $"- slug: {slug}");
        return lines.Skip(at + 1).Select(l => Regex.Match(l, @"^\s+name:\s*(.+)$")).First(m => m.Success).Groups[1].Value.Trim();
    }

    [GeneratedRegex(@"^(city|organiser):\s*([a-z0-9-]+)\s*$")]
    private static partial Regex HostLine();

    [GeneratedRegex(@"^\s*-\s+id:\s*([a-z0-9-]+)\s*$")]
    private static partial Regex ItemId();
}
