using System.Globalization;

namespace QualityMonth.Model;

/// <summary>The dimensions activities can be browsed by.</summary>
public enum Facet { Year, City, Organiser, Kind }

/// <summary>One value of a facet with the number of activities that have it. Years have no name of their own.</summary>
public sealed record FacetValue(Facet Facet, string Slug, LocalizedText? Name, int Count);

/// <summary>Which activities have which facet values: shared by the browse pages, their counts and the filter script.</summary>
public static class ActivityFacets
{
    public static readonly IReadOnlyList<Facet> All = [Facet.Year, Facet.City, Facet.Organiser, Facet.Kind];

    /// <summary>The values of a facet that at least one activity has, in registry order (years newest first).</summary>
    public static IReadOnlyList<FacetValue> Values(Site site, Facet facet)
    {
        var counts = site.Activities.SelectMany(e => SlugsOf(e, facet)).CountBy(s => s).ToDictionary();
        IEnumerable<(string Slug, LocalizedText? Name)> candidates = facet switch
        {
            Facet.Year => site.Years.Select(y => (y.Year.ToString(CultureInfo.InvariantCulture), (LocalizedText?)null)),
            Facet.City => site.Cities.Select(c => (c.Slug, (LocalizedText?)c.Name)),
            Facet.Organiser => site.Organisers.Select(o => (o.Slug, (LocalizedText?)o.Name)),
            _ => site.Kinds.Select(k => (k.Slug, (LocalizedText?)k.Name)),
        };
        return candidates.Where(c => counts.ContainsKey(c.Slug))
            .Select(c => new FacetValue(facet, c.Slug, c.Name, counts[c.Slug]))
            .ToList();
    }

    /// <summary>The values an activity has for a facet: one year, its city or organiser (none for the other), its kinds.</summary>
    public static IReadOnlyList<string> SlugsOf(ActivityEntry entry, Facet facet) => facet switch
    {
        Facet.Year => [entry.Year.ToString(CultureInfo.InvariantCulture)],
        Facet.City => entry.Group.HostKind == HostKind.City ? [entry.Group.HostSlug] : [],
        Facet.Organiser => entry.Group.HostKind == HostKind.Organiser ? [entry.Group.HostSlug] : [],
        _ => entry.Activity.Kinds,
    };

    public static IEnumerable<ActivityEntry> Matching(Site site, FacetValue value) =>
        site.Activities.Where(e => SlugsOf(e, value.Facet).Contains(value.Slug));
}
