using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Feeds;

/// <summary>An activity in plain text, for the calendar events' DESCRIPTION and the Atom entries' summary.</summary>
public static class ActivityDescription
{
    /// <summary>
    /// The activity line by line: first, for dates the document does not give to the day, what the
    /// dates stand for; then the timing as the document words it, the description, who runs it, the
    /// source document and the activity's page.
    /// </summary>
    public static string Text(Site site, ActivityEntry entry, Language language)
    {
        var (group, activity) = (entry.Group, entry.Activity);
        var (ui, strings) = (UiStrings.For(language.Locale), DataStrings.For(language.Locale));
        var notice = site.SourceNotice(group);
        var lines = new List<string>();
        if (strings.ApproximateDate(activity.Dates) is { } approximate) lines.Add(approximate);
        if (activity.Time is { } time) lines.Add(ui.Timing + ui.Colon + time.In(language).Text);
        if (activity.Description is { } description) lines.Add(description.In(language).Text);
        lines.Add(strings.Host(group.HostKind) + ui.Colon + site.HostName(group).In(language).Text);
        if (activity.Lead is { } lead) lines.Add(ui.Lead + ui.Colon + lead.In(language).Text);
        if (activity.Partners.Count > 0) lines.Add(ui.Partners + ui.Colon + string.Join(strings.ListJoin, activity.Partners.Select(p => p.In(language).Text)));
        if (activity.Note is { } note) lines.Add(ui.Note + ui.Colon + note.In(language).Text);
        lines.Add(ui.Source + ui.Colon + notice.Title.In(language).Text
                  + (notice.DocumentNumber is { } number ? ui.OpenParen + number + ui.CloseParen : "")
                  + ui.AttachmentSeparator + ui.Attachment(group.AttachmentNumber));
        lines.Add(strings.Details + ui.Colon + SiteUrls.Absolute(site.Settings, Routes.Activity(entry), language));
        return string.Join('\n', lines);
    }
}
