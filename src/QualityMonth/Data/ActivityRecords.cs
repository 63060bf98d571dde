using System.Text.Json;
using QualityMonth.Build;
using QualityMonth.Model;
using QualityMonth.Routing;

namespace QualityMonth.Data;

/// <summary>Makes the <see cref="ActivityRecord"/>s of one language from the site model, one per activity.</summary>
public static class ActivityRecords
{
    /// <summary>Joins the items of a list field in a CSV cell; no item may contain <see cref="ForbiddenInItems"/>.</summary>
    public const string ListSeparator = " | ";

    public const char ForbiddenInItems = '|';

    /// <summary>The records, in <see cref="Site.Activities"/> order; a list item that contains '|' is a content error.</summary>
    public static IReadOnlyList<ActivityRecord> For(BuildContext build, Language language) =>
        build.Site.Activities.Select(entry => new RecordMaker(build, language).Make(entry)).ToList();

    /// <summary>The name a field has in the files: <c>CityName</c> → <c>city_name</c>.</summary>
    public static string FieldName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);

    /// <summary>Makes one record, noting which of its texts stand in untranslated.</summary>
    private sealed class RecordMaker(BuildContext build, Language language)
    {
        private readonly SortedSet<string> _untranslated = new(StringComparer.Ordinal);

        public ActivityRecord Make(ActivityEntry entry)
        {
            var (group, activity) = (entry.Group, entry.Activity);
            var site = build.Site;
            var notice = site.SourceNotice(group);
            var attachment = notice.Attachments.First(a => a.Number == group.AttachmentNumber);
            var isCity = group.HostKind == Model.HostKind.City;
            var hostName = Text(site.HostName(group), isCity ? nameof(ActivityRecord.CityName) : nameof(ActivityRecord.OrganiserName));
            var kinds = activity.Kinds.Select(slug => site.FindKind(slug)!).ToList();
            var photos = activity.Photos.Where(build.Photos.ContainsKey).ToList();

            return new ActivityRecord(
                Id: entry.Key,
                Url: SiteUrls.Absolute(site.Settings, Routes.Activity(entry), language),
                Year: entry.Year,
                HostKind: isCity ? "city" : "organiser",
                CitySlug: isCity ? group.HostSlug : null,
                CityName: isCity ? hostName : null,
                OrganiserSlug: isCity ? null : group.HostSlug,
                OrganiserName: isCity ? null : hostName,
                Kinds: activity.Kinds,
                KindNames: List(kinds.Select(k => (k.Name, k.Source)), nameof(ActivityRecord.KindNames)),
                Title: Text(activity.Title, nameof(ActivityRecord.Title))!,
                Description: Text(activity.Description, nameof(ActivityRecord.Description)),
                Timing: Text(activity.Time, nameof(ActivityRecord.Timing)),
                StartDate: activity.Dates.Start,
                EndDate: activity.Dates.LastDay,
                DatePrecision: DatePrecisionNames.Of(activity.Dates.Precision),
                Lead: Text(activity.Lead, nameof(ActivityRecord.Lead)),
                Partners: List(activity.Partners.Select(p => (p, activity.Source)), nameof(ActivityRecord.Partners)),
                Note: Text(activity.Note, nameof(ActivityRecord.Note)),
                SourceTitle: Text(notice.Title, nameof(ActivityRecord.SourceTitle))!,
                SourceDocumentNumber: notice.DocumentNumber,
                SourceDate: notice.Date,
                SourceAttachment: attachment.Number,
                SourceAttachmentTitle: Text(attachment.Title, nameof(ActivityRecord.SourceAttachmentTitle))!,
                SourceUrl: SiteUrls.Absolute(site.Settings, Routes.Attachment(notice, attachment), language),
                PhotoUrls: photos.Select(p => SiteUrls.Absolute(site.Settings, build.Photos[p].FullSize.Url)).ToList(),
                PhotoCaptions: OptionalList(photos.Select(p => (p.Caption, p.Source)), nameof(ActivityRecord.PhotoCaptions)),
                PhotoCredits: OptionalList(photos.Select(p => (p.Credit, p.Source)), nameof(ActivityRecord.PhotoCredits)),
                Untranslated: [.. _untranslated]);
        }

        private string? Text(LocalizedText? text, string property)
        {
            if (text is null) return null;
            var value = text.In(language);
            if (value.IsFallback) _untranslated.Add(FieldName(property));
            return value.Text;
        }

        private List<string> List(IEnumerable<(LocalizedText Text, SourceLocation Source)> items, string property) =>
            OptionalList(items.Select(i => ((LocalizedText?)i.Text, i.Source)), property).Select(i => i!).ToList();

        private List<string?> OptionalList(IEnumerable<(LocalizedText? Text, SourceLocation Source)> items, string property)
        {
            var values = new List<string?>();
            foreach (var (text, source) in items)
            {
                var value = Text(text, property);
                if (value is not null && value.Contains(ForbiddenInItems))
                    build.Diagnostics.Error(source, BuildMessages.ListItemSeparator(value, ForbiddenInItems, FieldName(property)));
                values.Add(value);
            }
            return values;
        }
    }
}
