using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QualityMonth.Build;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Feeds;

/// <summary>
/// iCalendar (RFC 5545) feeds in every language: every activity (<c>/calendar/activities.ics</c>) and one
/// per city that has activities (<c>/calendar/&lt;city&gt;.ics</c>). Each activity is an all-day event
/// over the days its document's timing covers. SEQUENCE and DTSTAMP carry over from the previous
/// build's calendar: unchanged events keep them, changed ones get the next SEQUENCE and the build
/// time, new ones start at 0 with a stamp made from their content, so fresh builds are reproducible.
/// </summary>
public sealed class ActivityCalendars(TimeProvider clock) : IFileGenerator
{
    /// <summary>A hash of everything an event says except DTSTAMP and SEQUENCE: how the next build knows it changed.</summary>
    public const string HashProperty = "X-QUALITYMONTH-HASH";

    /// <summary>How exact the event's dates are (the names of the data files' <c>date_precision</c>).</summary>
    public const string PrecisionProperty = "X-QUALITYMONTH-DATE-PRECISION";

    public const string ProductId = "-//Fujian Quality Month//qualitymonth site generator//EN";

    public ActivityCalendars() : this(TimeProvider.System) { }

    public void Generate(BuildContext build)
    {
        var site = build.Site;
        // A city whose calendar would be the calendar of all activities is an error; the other calendars are still
        // made, so the pages linking them are checked as usual.
        var clashing = site.Cities.Where(c => Routes.CityCalendar(c.Slug) == Routes.ActivitiesCalendar).ToList();
        foreach (var city in clashing)
            build.Diagnostics.Error(city.Source, BuildMessages.CalendarSlugTaken(city.Slug, Routes.ActivitiesCalendar));

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var language in site.Settings.Languages)
        {
            var strings = DataStrings.For(language.Locale);
            var siteTitle = site.Settings.Title.In(language).Text;
            var allPath = SiteUrls.OutputPath(Routes.ActivitiesCalendar, language);
            var history = CalendarHistory.Read(build.PreviousOutput is { } previous ? Path.Combine(previous, allPath) : null, build.Diagnostics);
            var events = site.Activities
                .OrderBy(e => e.Activity.Dates.Start).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => (Entry: e, Text: Event(build, e, language, history, now)))
                .ToList();

            build.Output.Add(allPath, Calendar(strings.AllActivitiesCalendar(siteTitle), strings.CalendarDescription, events.Select(e => e.Text)));
            foreach (var city in site.Cities.Except(clashing))
            {
                var own = events.Where(e => e.Entry.Group.HostKind == HostKind.City && e.Entry.Group.HostSlug == city.Slug).Select(e => e.Text).ToList();
                if (own.Count > 0) // a calendar must hold at least one component (RFC 5545 §3.4)
                    build.Output.Add(SiteUrls.OutputPath(Routes.CityCalendar(city.Slug), language),
                        Calendar(strings.CityCalendar(siteTitle, city.Name.In(language).Text), strings.CalendarDescription, own));
            }
        }
    }

    /// <summary>The event's UID: its permanent key and the site's host; other languages than the default add their code,
    /// so that a calendar app holding both languages keeps them apart.</summary>
    public static string Uid(Site site, ActivityEntry entry, Language language) =>
        (language.IsDefault ? entry.Key : $"{entry.Key}/{language.Code}") + "@" + site.Settings.BaseUrl.Host;

    private static string Event(BuildContext build, ActivityEntry entry, Language language,
        IReadOnlyDictionary<string, PublishedEvent> history, DateTime now)
    {
        var uid = Uid(build.Site, entry, language);
        var content = CalendarEvent.Lines(build.Site, entry, language);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', content))))[..32];
        var (sequence, stamp) = history.TryGetValue(uid, out var published)
            ? published.Hash == hash ? (published.Sequence, published.Stamp) : (published.Sequence + 1, Stamp(now))
            : (0, Stamp(FirstStamp(build.Site, entry)));

        var text = new StringBuilder();
        foreach (var line in (IEnumerable<string>)[
                     "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp, "SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture),
                     .. content, $"{HashProperty}:{hash}", "END:VEVENT"])
            IcsFormat.AppendFolded(text, line);
        return text.ToString();
    }

    /// <summary>A new event's DTSTAMP comes from its content, not the clock, so that fresh builds are byte-identical:
    /// the date of the notice that lists it; for an undated notice, never a date made from the activity's timing but
    /// the first day of the campaign, which the event's description says is assumed.</summary>
    private static DateTime FirstStamp(Site site, ActivityEntry entry) =>
        (site.SourceNotice(entry.Group).Date ?? new DateOnly(entry.Year, ActivityDates.CampaignMonthNumber, 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Calendar(string name, string description, IEnumerable<string> events)
    {
        var text = new StringBuilder();
        foreach (var line in (IEnumerable<string>)[
                     "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ProductId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "NAME:" + IcsFormat.Text(name), "X-WR-CALNAME:" + IcsFormat.Text(name),
                     "DESCRIPTION:" + IcsFormat.Text(description), "X-WR-CALDESC:" + IcsFormat.Text(description),
                     "X-WR-TIMEZONE:Asia/Shanghai", "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"])
            IcsFormat.AppendFolded(text, line);
        foreach (var calendarEvent in events) text.Append(calendarEvent);
        IcsFormat.AppendFolded(text, "END:VCALENDAR");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
