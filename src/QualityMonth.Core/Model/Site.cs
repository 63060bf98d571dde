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
    IReadOnlyList<CampaignYear> Years,   // newest first
    IReadOnlyList<Markdown.ContentLink> Links)
{
    public CampaignYear CurrentYear => Years.First(y => y.Year == Settings.CurrentYear);

    public City? FindCity(string slug) => Cities.FirstOrDefault(c => c.Slug == slug);

    public Organiser? FindOrganiser(string slug) => Organisers.FirstOrDefault(o => o.Slug == slug);

    public IEnumerable<ActivityGroup> ActivitiesOf(HostKind kind, string slug) =>
        Years.SelectMany(y => y.ActivityGroups).Where(g => g.HostKind == kind && g.HostSlug == slug);
}
