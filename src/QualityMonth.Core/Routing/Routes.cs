using QualityMonth.Model;

namespace QualityMonth.Routing;

/// <summary>The language-neutral path of every kind of page: the one place URLs are decided.</summary>
public static class Routes
{
    public const string Home = "/";
    public const string SloganArchive = "/slogans/";
    public const string Cities = "/cities/";
    public const string Organisers = "/organisers/";
    public const string NotFound = "/404.html";

    /// <summary>For journalists: the contacts the notices publish, and how to use the site's material.</summary>
    public const string Press = "/press/";

    /// <summary>The site's share card (1200×630 PNG): the image link previews show for every page.</summary>
    public const string SiteShareImage = "/share/site.png";

    /// <summary>One slogan's share image (1200×630 PNG).</summary>
    public static string SloganShareImage(Slogan slogan) => $"/share/{slogan.Year}/slogan-{slogan.Number}.png";
    /// <summary>Full-text search (Pagefind); <c>?q=</c> carries the query.</summary>
    public const string Search = "/search/";

    public static string Year(int year) => $"/{year}/";

    public static string Slogans(int year) => $"/{year}/slogans/";

    public static string Slogan(Slogan slogan) => $"{Slogans(slogan.Year)}#{slogan.Anchor}";

    public static string Notice(Notice notice) => $"/{notice.Year}/notices/{notice.Slug}/";

    public static string Attachment(Notice notice, Attachment attachment) => $"{Notice(notice)}#{attachment.Anchor}";

    public static string City(string slug) => $"/cities/{slug}/";

    public static string Organiser(string slug) => $"/organisers/{slug}/";

    public static string Host(ActivityGroup group) =>
        group.HostKind == HostKind.City ? City(group.HostSlug) : Organiser(group.HostSlug);

    /// <summary>Anchor of one activity on its city's or organiser's page.</summary>
    public static string ActivityAnchor(ActivityGroup group, Activity activity) => $"{group.Year}-{activity.Id}";

    /// <summary>The activity's own page: made of its year, host and id only, so it survives reordering and rebuilds.</summary>
    public static string Activity(ActivityEntry entry) => $"/activities/{entry.Key}/";

    /// <summary>Browse every activity, with facets and (with JavaScript) instant filtering.</summary>
    public const string ActivityBrowser = "/activities/";

    /// <summary>A static facet page: the activities of one year, city, organiser or kind.</summary>
    public static string ActivityFacet(Facet facet, string value) => $"/activities/{FacetSegment(facet)}/{value}/";

    public static string FacetSegment(Facet facet) => facet switch
    {
        Facet.Year => "year",
        Facet.City => "city",
        Facet.Organiser => "organiser",
        _ => "kind",
    };

    /// <summary>The data page: what the downloads, calendars and feeds are and how to use them.</summary>
    public const string Data = "/data/";

    /// <summary>Every activity as one record each (per language, under the language's prefix).</summary>
    public const string ActivitiesJson = "/data/activities.json";

    public const string ActivitiesCsv = "/data/activities.csv";

    /// <summary>The JSON Schema of <see cref="ActivitiesJson"/>: one for every language, at the root only.</summary>
    public const string ActivitiesSchema = "/data/activities.schema.json";

    /// <summary>iCalendar feed of every activity (per language).</summary>
    public const string ActivitiesCalendar = "/calendar/activities.ics";

    /// <summary>iCalendar feed of one city's activities (per language).</summary>
    public static string CityCalendar(string citySlug) => $"/calendar/{citySlug}.ics";

    /// <summary>Atom feeds (per language).</summary>
    public const string NoticesFeed = "/feeds/notices.atom";

    public const string ActivitiesFeed = "/feeds/activities.atom";

    /// <summary>Every page of every language, for search engines: at the root only.</summary>
    public const string Sitemap = "/sitemap.xml";
}


