using QualityMonth.Model;
using QualityMonth.Routing;

namespace QualityMonth.Render;

/// <summary>One page to render: what it shows (<see cref="SitePage"/>), at which path, in which language.</summary>
public sealed record PageSpec(string SitePath, Language Language, SitePage Page)
{
    public string UrlPath => SiteUrls.Localize(SitePath, Language);

    public string OutputPath => SiteUrls.OutputPath(UrlPath);
}

/// <summary>Lists every page of the site, in every language — the site's table of contents.</summary>
public static class PagePlan
{
    public static IReadOnlyList<PageSpec> For(Site site)
    {
        var pages = new List<PageSpec>();
        foreach (var language in site.Settings.Languages)
        {
            void Add(string path, SitePage page) => pages.Add(new PageSpec(path, language, page));

            Add(Routes.Home, new HomeSitePage());
            Add(Routes.SloganArchive, new SloganArchiveSitePage());
            Add(Routes.Cities, new HostIndexSitePage(HostKind.City));
            Add(Routes.Organisers, new HostIndexSitePage(HostKind.Organiser));
            Add(Routes.NotFound, new NotFoundSitePage());
            Add(Routes.ActivityBrowser, new ActivityBrowserSitePage());
            foreach (var facet in ActivityFacets.All)
                foreach (var value in ActivityFacets.Values(site, facet))
                    Add(Routes.ActivityFacet(facet, value.Slug), new ActivityFacetSitePage(facet, value.Slug));
            foreach (var entry in site.Activities)
                Add(Routes.Activity(entry), ActivitySitePage.Of(entry));
            Add(Routes.Press, new PressSitePage());
            Add(Routes.Search, new SearchSitePage());
            Add(Routes.Data, new DataSitePage());
            foreach (var year in site.Years)
            {
                Add(Routes.Year(year.Year), new YearSitePage(year.Year));
                if (year.Slogans is not null)
                    Add(Routes.Slogans(year.Year), new SlogansSitePage(year.Year));
                foreach (var notice in year.Notices)
                    Add(Routes.Notice(notice), new NoticeSitePage(notice.Year, notice.Slug));
            }
            foreach (var city in site.Cities)
                Add(Routes.City(city.Slug), new HostSitePage(HostKind.City, city.Slug));
            foreach (var organiser in site.Organisers)
                Add(Routes.Organiser(organiser.Slug), new HostSitePage(HostKind.Organiser, organiser.Slug));
        }
        return pages;
    }
}
