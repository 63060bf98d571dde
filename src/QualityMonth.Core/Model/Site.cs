using QualityMonth.Config;

namespace QualityMonth.Model;

public sealed record CampaignYear(
    int Year,
    LocalizedText Theme,
    LocalizedText? NationalTheme,
    string MainNoticeSlug,
    LocalizedText? SlogansUnavailable,
    IReadOnlyList<Notice> Notices,
    SloganList? Slogans,
    IReadOnlyList<ActivityGroup> ActivityGroups,
    SourceLocation Source)
{
    public Notice MainNotice => Notices.First(n => n.Slug == MainNoticeSlug);

    public Notice? FindNotice(string slug) => Notices.FirstOrDefault(n => n.Slug == slug);
}

/// <summary>Everything the site is built from, loaded and validated.</summary>
public sealed record Site(
    SiteSettings Settings,
    IReadOnlyList<City> Cities,
    IReadOnlyList<Organiser> Organisers,
    IReadOnlyList<ActivityKind> Kinds,
    IReadOnlyList<CampaignYear> Years,   // newest first
    IReadOnlyList<Markdown.ContentLink> Links,
    IReadOnlyList<PressContact> PressContacts,
    IReadOnlyList<GlossaryTerm> Glossary)   // empty when input/site/glossary.yml does not exist
{
    private IReadOnlyList<ActivityEntry>? _activities;

    /// <summary>Every activity of every year: newest year first, then in the documents' order (attachment, then the host's number in it).</summary>
    public IReadOnlyList<ActivityEntry> Activities => _activities ??= Years
        .SelectMany(y => y.ActivityGroups)
        .SelectMany(g => g.Activities.Select(a => new ActivityEntry(g, a)))
        .ToList();

    private HashSet<string>? _noticePages;

    /// <summary>Whether a site path is a notice's page (<see cref="Routing.Routes.Notice"/>): a set lookup, as every page asks.</summary>
    public bool IsNoticePage(string sitePath) =>
        (_noticePages ??= Years.SelectMany(y => y.Notices).Select(Routing.Routes.Notice).ToHashSet(StringComparer.Ordinal)).Contains(sitePath);

    public ActivityKind? FindKind(string slug) => Kinds.FirstOrDefault(k => k.Slug == slug);

    /// <summary>The host's name, whether it is a city or an organiser.</summary>
    public LocalizedText HostName(ActivityGroup group) =>
        group.HostKind == HostKind.City ? FindCity(group.HostSlug)!.Name : FindOrganiser(group.HostSlug)!.Name;

    public Notice SourceNotice(ActivityGroup group) => Years.First(y => y.Year == group.Year).FindNotice(group.NoticeSlug)!;

    public CampaignYear CurrentYear => Years.First(y => y.Year == Settings.CurrentYear);

    /// <summary>The notice's 主题分类: its own, else the site-wide default; null when neither is set.</summary>
    public LocalizedText? SubjectOf(Notice notice) => notice.Subject ?? Settings.Disclosure.Subject;

    public Notice FindNotice(int year, string slug) => Years.First(y => y.Year == year).FindNotice(slug)!;

    public City? FindCity(string slug) => Cities.FirstOrDefault(c => c.Slug == slug);

    public Organiser? FindOrganiser(string slug) => Organisers.FirstOrDefault(o => o.Slug == slug);

    public IEnumerable<ActivityGroup> ActivitiesOf(HostKind kind, string slug) =>
        Years.SelectMany(y => y.ActivityGroups).Where(g => g.HostKind == kind && g.HostSlug == slug);
}
