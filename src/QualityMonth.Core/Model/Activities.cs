namespace QualityMonth.Model;

/// <summary>Who an activity file belongs to: a city or an organising body.</summary>
public enum HostKind { City, Organiser }

/// <summary>The activities one city or organiser runs in one year, as one notice attachment lists them.</summary>
/// <param name="Number">The host's number in the attachment as the document prints it (一、福州市 is 1); null when the
/// attachment does not number its hosts. It is the host's place in the document's list.</param>
public sealed record ActivityGroup(
    int Year,
    HostKind HostKind,
    string HostSlug,
    string NoticeSlug,
    int AttachmentNumber,
    int? Number,
    IReadOnlyList<Activity> Activities,
    SourceLocation Source);

public sealed record Activity(
    string Id,
    LocalizedText Title,
    IReadOnlyList<string> Kinds,          // slugs from input/site/kinds.yml, most relevant first
    LocalizedText? Description,
    LocalizedText? Time,                  // as the document words it: 9月, 9-10月, 全年 …
    ActivityDates Dates,                  // what Time means on a calendar
    LocalizedText? Lead,
    IReadOnlyList<LocalizedText> Partners,
    LocalizedText? Note,
    IReadOnlyList<PhotoRef> Photos,
    SourceLocation Source);

/// <summary>
/// One activity with the group it belongs to: what every per-activity output (page, data record,
/// calendar event, feed entry) is made from.
/// </summary>
public sealed record ActivityEntry(ActivityGroup Group, Activity Activity)
{
    public int Year => Group.Year;

    /// <summary>The activity's permanent key, <c>2024/fuzhou/launch-ceremony</c>: its URL path and its id in data and feeds.</summary>
    public string Key => $"{Group.Year}/{Group.HostSlug}/{Activity.Id}";
}
