using System.Globalization;
using QualityMonth.Data;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Feeds;

/// <summary>What an activity's calendar event says, as unfolded content lines (all but UID, DTSTAMP and SEQUENCE).</summary>
public static class CalendarEvent
{
    public static IReadOnlyList<string> Lines(Site site, ActivityEntry entry, Language language)
    {
        var (group, activity) = (entry.Group, entry.Activity);
        var kinds = activity.Kinds.Select(slug => site.FindKind(slug)!.Name.In(language).Text);
        var description = ActivityDescription.Text(site, entry, language);
        if (site.SourceNotice(group).Date is null)
            description += "\n" + DataStrings.For(language.Locale).AssumedCalendarStamp(entry.Year);
        var lines = new List<string>
        {
            Localized("SUMMARY", activity.Title.In(language)),
            "DESCRIPTION:" + IcsFormat.Text(description),
            "URL:" + SiteUrls.Absolute(site.Settings, Routes.Activity(entry), language),
            "DTSTART;VALUE=DATE:" + Date(activity.Dates.Start),
            "DTEND;VALUE=DATE:" + Date(activity.Dates.EndExclusive),
            "CATEGORIES:" + string.Join(',', kinds.Select(IcsFormat.Text)),
        };
        if (group.HostKind == HostKind.City)
            lines.Add(Localized("LOCATION", site.HostName(group).In(language)));
        lines.Add("TRANSP:TRANSPARENT");
        lines.Add($"{ActivityCalendars.PrecisionProperty}:{DatePrecisionNames.Of(activity.Dates.Precision)}");
        return lines;
    }

    /// <summary>A TEXT property with its LANGUAGE parameter: the calendar's language, or Chinese where a translation is missing.</summary>
    private static string Localized(string name, LocalizedValue value) => $"{name};LANGUAGE={value.LanguageCode}:{IcsFormat.Text(value.Text)}";

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
