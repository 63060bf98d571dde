using System.Globalization;
using Microsoft.AspNetCore.Components;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Theme.Pages;
using static QualityMonth.Render.PageDependencies;

namespace QualityMonth.Render;

/// <summary>
/// What one page of the site shows, as the model's keys (a year number, a notice's slug, a host's slug …), never model
/// objects: a page planned from one load of the content still names the same page after a reload. Each kind declares,
/// in one place, the component that renders it and that component's parameters (by <c>nameof</c> its properties), the
/// content files it is made from, and the files it depends on.
/// </summary>
public abstract record SitePage
{
    /// <summary>The theme's Razor component that renders the page.</summary>
    public abstract Type Component { get; }

    /// <summary>The component's parameters besides its <c>Ctx</c>, looked up in <paramref name="site"/> by the page's keys.</summary>
    /// <param name="output">The output so far (rendering follows the file generators), for pages that describe its files.</param>
    public virtual IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) => [];

    /// <summary>Where the page's content is written, for problems with the page itself (two pages at one address); null for the theme's own pages.</summary>
    public virtual SourceLocation? Source(Site site) => null;

    /// <summary>
    /// The content file (a path prefix, covering a notice's translations) the page is made from in <paramref name="site"/>
    /// rather than only listing or linking to it: the preview serves these pages first. Null when the page lists across
    /// the site, or when <paramref name="site"/> no longer has what the page shows.
    /// </summary>
    public virtual string? MadeFrom(Site site) => null;

    /// <summary>The content files the page shows, as path prefixes (see <see cref="PageDependencies"/>). Pages that list
    /// across the site (home, browse, press, search, data, indexes) depend on everything: they are few.</summary>
    protected virtual IEnumerable<string> DependsOn(Site site) => [Everything];

    /// <summary>Every content file the page is made from, as path prefixes: a change to one renders the page again.</summary>
    public IReadOnlyList<string> Dependencies(Site site) =>
        // Every page's description and share metadata name the current year's theme.
        [YearFile(site.Settings.CurrentYear, "year.yml"), .. DependsOn(site)];

    protected static CampaignYear FindYear(Site site, int year) => site.Years.First(y => y.Year == year);
}

/// <summary>A page rendered by <typeparamref name="TComponent"/>.</summary>
public abstract record SitePage<TComponent> : SitePage where TComponent : IComponent
{
    public sealed override Type Component => typeof(TComponent);
}

public sealed record HomeSitePage : SitePage<HomePage>;

public sealed record SloganArchiveSitePage : SitePage<SloganArchivePage>;

public sealed record NotFoundSitePage : SitePage<NotFoundPage>;

public sealed record ActivityBrowserSitePage : SitePage<ActivityBrowserPage>;

public sealed record PressSitePage : SitePage<PressPage>;

public sealed record SearchSitePage : SitePage<SearchPage>;

/// <summary>The open data page, with the size of each data file the build made.</summary>
public sealed record DataSitePage : SitePage<DataPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(DataPage.FileSize), (Func<string, long?>)output.SizeOf)];
}

/// <summary>The list of every city, or of every organiser.</summary>
public sealed record HostIndexSitePage(HostKind Kind) : SitePage<HostIndexPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(HostIndexPage.Kind), Kind)];
}

/// <summary>A city's or an organiser's activities.</summary>
public sealed record HostSitePage(HostKind Kind, string Slug) : SitePage<HostPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(HostPage.Kind), Kind), new(nameof(HostPage.Slug), Slug)];

    public override SourceLocation? Source(Site site) =>
        Kind == HostKind.City ? site.FindCity(Slug)?.Source : site.FindOrganiser(Slug)?.Source;

    protected override IEnumerable<string> DependsOn(Site site) => site.ActivitiesOf(Kind, Slug).SelectMany(GroupFiles);
}

/// <summary>The activities with one value of a facet (a year, a city, an organiser, a kind).</summary>
public sealed record ActivityFacetSitePage(Facet Facet, string Value) : SitePage<ActivityFacetPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(ActivityFacetPage.Value), ActivityFacets.Values(site, Facet).First(v => v.Slug == Value))];

    protected override IEnumerable<string> DependsOn(Site site) =>
        Facet == Facet.Year
            ? [YearFile(int.Parse(Value, CultureInfo.InvariantCulture), "")]
            : site.Years.SelectMany(y => y.ActivityGroups).SelectMany(GroupFiles);
}

/// <summary>One activity, by its permanent key's parts (<see cref="ActivityEntry.Key"/>).</summary>
public sealed record ActivitySitePage(int Year, string HostSlug, string ActivityId) : SitePage<ActivityPage>
{
    public static ActivitySitePage Of(ActivityEntry entry) => new(entry.Year, entry.Group.HostSlug, entry.Activity.Id);

    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(ActivityPage.Entry), Find(site) ?? throw new InvalidOperationException($"no activity {Year}/{HostSlug}/{ActivityId}"))];

    public override SourceLocation? Source(Site site) => Find(site)?.Activity.Source;

    public override string? MadeFrom(Site site) => Find(site)?.Group.Source.File;

    protected override IEnumerable<string> DependsOn(Site site) => Find(site) is { } entry ? GroupFiles(entry.Group) : [Everything];

    private ActivityEntry? Find(Site site) =>
        site.Years.FirstOrDefault(y => y.Year == Year)?.ActivityGroups.Where(g => g.HostSlug == HostSlug)
            .SelectMany(g => g.Activities.Where(a => a.Id == ActivityId).Select(a => new ActivityEntry(g, a)))
            .FirstOrDefault();
}

/// <summary>A campaign year's page.</summary>
public sealed record YearSitePage(int Year) : SitePage<YearPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(YearPage.Year), FindYear(site, Year))];

    public override SourceLocation? Source(Site site) => FindYear(site, Year).Source;

    public override string? MadeFrom(Site site) => site.Years.Any(y => y.Year == Year) ? YearFile(Year, "year.yml") : null;

    protected override IEnumerable<string> DependsOn(Site site) => [YearFile(Year, "")];
}

/// <summary>A campaign year's slogans.</summary>
public sealed record SlogansSitePage(int Year) : SitePage<SlogansPage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(SlogansPage.Year), FindYear(site, Year))];

    public override SourceLocation? Source(Site site) => FindYear(site, Year).Slogans?.Source;

    public override string? MadeFrom(Site site) =>
        site.Years.Any(y => y.Year == Year && y.Slogans is not null) ? YearFile(Year, "slogans.yml") : null;

    protected override IEnumerable<string> DependsOn(Site site) => [YearFile(Year, "")];
}

/// <summary>One notice, with its attachments.</summary>
public sealed record NoticeSitePage(int Year, string Slug) : SitePage<NoticePage>
{
    public override IEnumerable<KeyValuePair<string, object?>> Parameters(Site site, SiteOutput output) =>
        [new(nameof(NoticePage.Notice), site.FindNotice(Year, Slug))];

    public override SourceLocation? Source(Site site) => site.FindNotice(Year, Slug).Source;

    public override string? MadeFrom(Site site) =>
        site.Years.FirstOrDefault(y => y.Year == Year)?.FindNotice(Slug) is null ? null : NoticeFiles(Year, Slug);

    protected override IEnumerable<string> DependsOn(Site site) =>
    [
        NoticeFiles(Year, Slug),
        YearFile(Year, "year.yml"),
        YearFile(Year, "slogans.yml"),
        YearFile(Year, "activities/"),
        .. site.FindNotice(Year, Slug).Attachments.Where(a => a.NoticeSlug is not null).Select(a => NoticeFiles(Year, a.NoticeSlug!)),
    ];
}
