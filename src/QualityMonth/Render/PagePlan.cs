using Microsoft.AspNetCore.Components;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Pages;

namespace QualityMonth.Render;

/// <summary>One page to render: which component, with which model, at which path, in which language.</summary>
public sealed record PageSpec(string SitePath, Language Language, Type Component, IReadOnlyDictionary<string, object?> Parameters, SourceLocation? Source)
{
    public string UrlPath => SiteUrls.Localize(SitePath, Language);

    public string OutputPath => SiteUrls.OutputPath(UrlPath);
}

/// <summary>Lists every page of the site, in every language — the site's table of contents.</summary>
public static class PagePlan
{
    /// <param name="fileSize">The size of an output file by its output path (null when absent), for pages that offer files;
    /// read when the pages are rendered, after the file generators have run.</param>
    public static IReadOnlyList<PageSpec> For(Site site, Func<string, long?> fileSize)
    {
        var pages = new List<PageSpec>();
        foreach (var language in site.Settings.Languages)
        {
            void Add<TComponent>(string path, SourceLocation? source, params (string Name, object? Value)[] parameters) where TComponent : IComponent =>
                pages.Add(new PageSpec(path, language, typeof(TComponent), parameters.ToDictionary(p => p.Name, p => p.Value), source));

            Add<HomePage>(Routes.Home, null);
            Add<SloganArchivePage>(Routes.SloganArchive, null);
            Add<HostIndexPage>(Routes.Cities, null, ("Kind", HostKind.City));
            Add<HostIndexPage>(Routes.Organisers, null, ("Kind", HostKind.Organiser));
            Add<NotFoundPage>(Routes.NotFound, null);
            Add<ActivityBrowserPage>(Routes.ActivityBrowser, null);
            foreach (var facet in ActivityFacets.All)
                foreach (var value in ActivityFacets.Values(site, facet))
                    Add<ActivityFacetPage>(Routes.ActivityFacet(facet, value.Slug), null, ("Value", value));
            foreach (var entry in site.Activities)
                Add<ActivityPage>(Routes.Activity(entry), entry.Activity.Source, ("Entry", entry));
            Add<PressPage>(Routes.Press, null);
            Add<SearchPage>(Routes.Search, null);
            Add<DataPage>(Routes.Data, null, ("FileSize", fileSize));
            foreach (var year in site.Years)
            {
                Add<YearPage>(Routes.Year(year.Year), year.Source, ("Year", year));
                if (year.Slogans is not null)
                    Add<SlogansPage>(Routes.Slogans(year.Year), year.Slogans.Source, ("Year", year));
                foreach (var notice in year.Notices)
                    Add<NoticePage>(Routes.Notice(notice), notice.Source, ("Notice", notice));
            }
            foreach (var city in site.Cities)
                Add<HostPage>(Routes.City(city.Slug), city.Source, ("Kind", HostKind.City), ("Slug", city.Slug));
            foreach (var organiser in site.Organisers)
                Add<HostPage>(Routes.Organiser(organiser.Slug), organiser.Source, ("Kind", HostKind.Organiser), ("Slug", organiser.Slug));
        }
        return pages;
    }
}
