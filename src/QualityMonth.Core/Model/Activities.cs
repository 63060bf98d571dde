namespace QualityMonth.Model;

/// <summary>Who an activity file belongs to: a city or an organising body.</summary>
public enum HostKind { City, Organiser }

/// <summary>The activities one city or organiser runs in one year, as one notice attachment lists them.</summary>
public sealed record ActivityGroup(
    int Year,
    HostKind HostKind,
    string HostSlug,
    string NoticeSlug,
    int AttachmentNumber,
    IReadOnlyList<Activity> Activities,
    SourceLocation Source);

public sealed record Activity(
    string Id,
    LocalizedText Title,
    LocalizedText? Description,
    LocalizedText? Time,
    LocalizedText? Lead,
    IReadOnlyList<LocalizedText> Partners,
    LocalizedText? Note,
    IReadOnlyList<PhotoRef> Photos,
    SourceLocation Source);
