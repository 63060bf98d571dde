using System.Globalization;
using QualityMonth.Content;
using QualityMonth.Model;
using QualityMonth.Render;
using QualityMonth.Theme.Pages;

namespace QualityMonth.Preview;

/// <summary>
/// Which content files a page is made from, as site-relative path prefixes (<c>input/2024/notices/provincial.</c>
/// covers the notice and its translations; <c>input/2024/</c> a whole year; <c>input/</c> everything). The preview
/// re-renders a page when a changed file starts with one of them. Pages that list across the site (home, browse,
/// press, search, data, indexes) depend on everything: they are few. Settings, registries and the theme are not
/// listed: a change to them rebuilds every page.
/// </summary>
public static class PageDependencies
{
    private const string Everything = ContentLoader.InputFolder + "/";

    public static IReadOnlyList<string> Of(Site site, PageSpec page)
    {
        // Every page's description and share metadata name the current year's theme.
        var deps = new List<string> { YearFile(site.Settings.CurrentYear, "year.yml") };
        var parameters = page.Parameters;
        switch (page.Component.Name)
        {
            case nameof(NoticePage):
                var notice = (Notice)parameters["Notice"]!;
                deps.Add(NoticeFiles(notice.Year, notice.Slug));
                deps.Add(YearFile(notice.Year, "year.yml"));
                deps.Add(YearFile(notice.Year, "slogans.yml"));
                deps.Add(YearFile(notice.Year, "activities/"));
                deps.AddRange(notice.Attachments.Where(a => a.NoticeSlug is not null).Select(a => NoticeFiles(notice.Year, a.NoticeSlug!)));
                break;
            case nameof(YearPage) or nameof(SlogansPage):
                deps.Add(YearFile(((CampaignYear)parameters["Year"]!).Year, ""));
                break;
            case nameof(ActivityPage):
                deps.AddRange(GroupFiles(((ActivityEntry)parameters["Entry"]!).Group));
                break;
            case nameof(HostPage):
                deps.AddRange(site.ActivitiesOf((HostKind)parameters["Kind"]!, (string)parameters["Slug"]!).SelectMany(GroupFiles));
                break;
            case nameof(ActivityFacetPage) when parameters["Value"] is FacetValue { Facet: Facet.Year } value:
                deps.Add(YearFile(int.Parse(value.Slug, CultureInfo.InvariantCulture), ""));
                break;
            case nameof(ActivityFacetPage):
                deps.AddRange(site.Years.SelectMany(y => y.ActivityGroups).SelectMany(GroupFiles));
                break;
            default:
                deps.Add(Everything);
                break;
        }
        return deps;
    }

    /// <summary>
    /// Whether <paramref name="page"/> is made from one of <paramref name="changedFiles"/> itself (a notice's page from its
    /// Markdown, an activity's from its activities file, a year's pages from its year.yml or slogans.yml) rather than
    /// only listing or linking to it: the preview serves these first.
    /// </summary>
    public static bool MadeFrom(PageSpec page, IReadOnlyCollection<string> changedFiles)
    {
        var parameters = page.Parameters;
        string? source = page.Component.Name switch
        {
            nameof(NoticePage) when parameters["Notice"] is Notice notice => NoticeFiles(notice.Year, notice.Slug),
            nameof(ActivityPage) when parameters["Entry"] is ActivityEntry entry => entry.Group.Source.File,
            nameof(YearPage) when parameters["Year"] is CampaignYear year => YearFile(year.Year, "year.yml"),
            nameof(SlogansPage) when parameters["Year"] is CampaignYear year => YearFile(year.Year, "slogans.yml"),
            _ => null,
        };
        return source is not null && changedFiles.Any(file => file.StartsWith(source, StringComparison.Ordinal));
    }

    /// <summary>Whether a page with these dependencies is affected by a change to any of <paramref name="changedFiles"/>.</summary>
    public static bool Affected(IReadOnlyList<string> dependencies, IReadOnlyCollection<string> changedFiles) =>
        dependencies.Any(prefix => changedFiles.Any(file => file.StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>An activities file, the notice it is published in, and its year's year.yml.</summary>
    private static IEnumerable<string> GroupFiles(ActivityGroup group) =>
        [group.Source.File, NoticeFiles(group.Year, group.NoticeSlug), YearFile(group.Year, "year.yml")];

    private static string NoticeFiles(int year, string slug) => YearFile(year, $"notices/{slug}.");

    private static string YearFile(int year, string name) =>
        $"{ContentLoader.InputFolder}/{year.ToString(CultureInfo.InvariantCulture)}/{name}";
}
