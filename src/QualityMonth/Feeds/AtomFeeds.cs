using System.Globalization;
using QualityMonth.Build;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Feeds;

/// <summary>
/// Atom (RFC 4287) feeds in every language: the latest notices (<c>/feeds/notices.atom</c>, full text) and the
/// activities (<c>/feeds/activities.atom</c>). Entry ids are the entries' permanent page URLs; every
/// date comes from the documents (a notice's 成文日期), never from the clock, so that builds are
/// reproducible. Atom requires an updated time: for an undated document it is its year's campaign start,
/// and the entry says that this is an assumption and has no published time.
/// </summary>
public sealed class AtomFeeds : IFileGenerator
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>Dates are China Standard Time, the documents' own.</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>
    /// How many notices the notices feed carries, newest first. Feed readers poll the whole file again and again,
    /// and each entry carries a notice's full text: a few years of notices, not the archive (the site is that).
    /// The feed's subtitle says the number (<c>NoticesFeedSubtitle</c> in the theme's data strings).
    /// </summary>
    public const int NoticesFeedLimit = 50;

    public void Generate(BuildContext build)
    {
        var site = build.Site;
        foreach (var language in site.Settings.Languages)
        {
            var strings = DataStrings.For(language.Locale);
            var siteTitle = site.Settings.Title.In(language).Text;
            // Each notice's full text is parsed to make its links absolute: on every core, kept in date order
            // (notices of the same date in site order).
            var notices = site.Years.SelectMany(y => y.Notices).OrderByDescending(n => DocumentTime(n.Year, n.Date)).Take(NoticesFeedLimit)
                .AsParallel().AsOrdered().Select(n => NoticeEntry(site, n, language)).ToList();
            var activities = site.Activities.Select(a => ActivityEntry(site, a, language))
                .OrderByDescending(e => e.Updated).ToList();
            build.Output.Add(SiteUrls.OutputPath(Routes.NoticesFeed, language),
                Feed(site, language, Routes.NoticesFeed, Routes.Home, strings.NoticesFeedTitle(siteTitle), strings.NoticesFeedSubtitle, notices));
            build.Output.Add(SiteUrls.OutputPath(Routes.ActivitiesFeed, language),
                Feed(site, language, Routes.ActivitiesFeed, Routes.ActivityBrowser, strings.ActivitiesFeedTitle(siteTitle), strings.ActivitiesFeedSubtitle, activities));
        }
    }

    /// <summary>When a document-dated entry was last updated: its date, else 1 September (the campaign's start) of its year.</summary>
    public static DateTimeOffset DocumentTime(int year, DateOnly? date) =>
        new((date ?? new DateOnly(year, ActivityDates.CampaignMonthNumber, 1)).ToDateTime(TimeOnly.MinValue), ChinaStandardTime);

    /// <param name="Dated">Whether <paramref name="Updated"/> is the document's date; otherwise it is the assumed
    /// campaign start, said so in the summary and not given as the entry's <c>published</c> time.</param>
    private sealed record Entry(
        string Id,
        LocalizedValue Title,
        DateTimeOffset Updated,
        bool Dated,
        IReadOnlyList<(string Href, string Language)> Pages,
        LocalizedValue Author,
        LocalizedValue Summary,
        IReadOnlyList<(string Term, string Label)> Categories,
        LocalizedValue? HtmlContent);

    private static Entry NoticeEntry(Site site, Notice notice, Language language)
    {
        var ui = UiStrings.For(language.Locale);
        var strings = DataStrings.For(language.Locale);
        var summary = string.Join(strings.FieldJoin,
            ui.DocumentNumber + ui.Colon + (notice.DocumentNumber ?? ui.NotStated),
            ui.Issuer + ui.Colon + notice.Issuer.In(language).Text,
            ui.DateWritten + ui.Colon + (notice.Date is { } date ? ui.Date(date) : ui.NotStated));
        if (notice.Date is null) summary += strings.FieldJoin + strings.AssumedFeedTime(notice.Year);
        var body = notice.Body.In(language);
        return new Entry(
            SiteUrls.Absolute(site.Settings, Routes.Notice(notice), language),
            notice.Title.In(language),
            DocumentTime(notice.Year, notice.Date),
            notice.Date is not null,
            Pages(site, Routes.Notice(notice)),
            notice.Issuer.In(language),
            new LocalizedValue(summary, language.Code, false),
            [],
            body with { Text = FeedHtml.Absolute(site.Settings, body.Text, Routes.Notice(notice), language) });
    }

    private static Entry ActivityEntry(Site site, ActivityEntry entry, Language language)
    {
        var path = Routes.Activity(entry);
        var noticeDate = site.SourceNotice(entry.Group).Date;
        var summary = ActivityDescription.Text(site, entry, language);
        if (noticeDate is null) summary += "\n" + DataStrings.For(language.Locale).AssumedFeedTime(entry.Year);
        return new Entry(
            SiteUrls.Absolute(site.Settings, path, language),
            entry.Activity.Title.In(language),
            DocumentTime(entry.Year, noticeDate),
            noticeDate is not null,
            Pages(site, path),
            site.HostName(entry.Group).In(language),
            new LocalizedValue(summary, language.Code, false),
            entry.Activity.Kinds.Select(slug => (slug, site.FindKind(slug)!.Name.In(language).Text)).ToList(),
            null);
    }

    /// <summary>The page of an entry in every language, the feed's own language first.</summary>
    private static List<(string, string)> Pages(Site site, string sitePath) =>
        site.Settings.Languages.Select(l => (SiteUrls.Absolute(site.Settings, sitePath, l), l.Code)).ToList();

    private static byte[] Feed(Site site, Language language, string feedPath, string pagePath, string title, string subtitle, IReadOnlyList<Entry> entries)
    {
        var settings = site.Settings;
        return XmlFile.Write(xml =>
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, language.Code);
            xml.WriteElementString("id", Namespace, SiteUrls.Absolute(settings, feedPath, language));
            xml.WriteElementString("title", Namespace, title);
            xml.WriteElementString("subtitle", Namespace, subtitle);
            xml.WriteElementString("updated", Namespace, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : DocumentTime(settings.CurrentYear, null)));
            Link("self", SiteUrls.Absolute(settings, feedPath, language), "application/atom+xml", null);
            Link("alternate", SiteUrls.Absolute(settings, pagePath, language), "text/html", language.Code);
            Person("author", settings.Footer.Sponsor.In(language));
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                Text("title", entry.Title, "text");
                xml.WriteElementString("updated", Namespace, Time(entry.Updated));
                if (entry.Dated) xml.WriteElementString("published", Namespace, Time(entry.Updated));
                foreach (var (href, code) in entry.Pages.OrderBy(p => p.Language != language.Code))
                    Link("alternate", href, "text/html", code);
                Person("author", entry.Author);
                foreach (var (term, label) in entry.Categories)
                {
                    xml.WriteStartElement("category", Namespace);
                    xml.WriteAttributeString("term", term);
                    xml.WriteAttributeString("label", label);
                    xml.WriteEndElement();
                }
                Text("summary", entry.Summary, "text");
                if (entry.HtmlContent is { } content) Text("content", content, "html");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();

            void Link(string rel, string href, string type, string? hreflang)
            {
                xml.WriteStartElement("link", Namespace);
                xml.WriteAttributeString("rel", rel);
                xml.WriteAttributeString("type", type);
                if (hreflang is not null) xml.WriteAttributeString("hreflang", hreflang);
                xml.WriteAttributeString("href", href);
                xml.WriteEndElement();
            }

            // Text in place of a missing translation says it is Chinese.
            void Text(string element, LocalizedValue value, string type)
            {
                xml.WriteStartElement(element, Namespace);
                xml.WriteAttributeString("type", type);
                if (value.LanguageCode != language.Code) xml.WriteAttributeString("xml", "lang", null, value.LanguageCode);
                xml.WriteString(value.Text);
                xml.WriteEndElement();
            }

            void Person(string element, LocalizedValue name)
            {
                xml.WriteStartElement(element, Namespace);
                if (name.LanguageCode != language.Code) xml.WriteAttributeString("xml", "lang", null, name.LanguageCode);
                xml.WriteElementString("name", Namespace, name.Text);
                xml.WriteEndElement();
            }
        });
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
