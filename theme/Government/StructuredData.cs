using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Theme.Government;

/// <summary>
/// schema.org JSON-LD for search engines: the sponsoring organisation and the site, notices as
/// Articles, activities as Events. Only facts the content holds; a fact it lacks is left out.
/// </summary>
public static class StructuredData
{
    /// <summary>The offset of China Standard Time, in which the notices' times are given.</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    // Chinese stays readable; '<', '>' and '&' are still written as \u003C … so that no text can
    // close the <script> element ("</script>") or open a comment inside it.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        TypeInfoResolver = QualityMonth.Json.ThemeJson.Default,
    };

    /// <summary>The JSON text of a JSON-LD object, safe to place inside a script element.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>The sponsor (主办单位) as a GovernmentOrganization and the site as a WebSite it publishes.</summary>
    public static JsonObject SiteGraph(PageContext ctx)
    {
        var settings = ctx.Site.Settings;
        var home = ctx.AbsoluteUrl(Routes.Home, ctx.Language);
        var sponsor = new JsonObject
        {
            ["@type"] = "GovernmentOrganization",
            ["@id"] = home + "#sponsor",
            ["name"] = ctx.T(settings.Footer.Sponsor).Text,
            ["url"] = home,
        };
        var site = new JsonObject
        {
            ["@type"] = "WebSite",
            ["@id"] = home + "#website",
            ["name"] = ctx.T(settings.Title).Text,
            ["url"] = home,
            ["inLanguage"] = ctx.Language.Code,
            ["publisher"] = new JsonObject { ["@id"] = home + "#sponsor" },
        };
        return new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = new JsonArray(sponsor, site) };
    }

    /// <summary>A notice as an Article: its title, dates, issuer and document number, in the language its text is shown in.</summary>
    public static JsonObject Article(PageContext ctx, Notice notice)
    {
        var url = ctx.AbsoluteUrl(Routes.Notice(notice), ctx.Language);
        var issuer = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = ctx.T(notice.Issuer).Text };
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = ctx.T(notice.Title).Text,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["inLanguage"] = notice.Body.In(ctx.Language).LanguageCode,
            ["author"] = issuer,
            ["publisher"] = issuer.DeepClone(),
            ["image"] = ShareMetadata.SiteImageUrl(ctx),
            ["isPartOf"] = new JsonObject { ["@id"] = ctx.AbsoluteUrl(Routes.Home, ctx.Language) + "#website" },
        };
        if (notice.DocumentNumber is { } number) article["identifier"] = number;
        if (notice.Date is { } written) article["dateCreated"] = IsoDate(written);
        if (notice.Published is { } published) article["datePublished"] = IsoDateTime(published);
        return article;
    }

    /// <summary>An activity as an Event: when (the calendar span of its timing), where (its city, or the province), who hosts it, and its permanent page.</summary>
    public static JsonObject Event(PageContext ctx, ActivityEntry entry)
    {
        var site = ctx.Site;
        var (group, activity) = (entry.Group, entry.Activity);
        var host = ctx.T(site.HostName(group)).Text;
        var province = ctx.IsEnglish ? "Fujian" : "福建省";
        var address = new JsonObject { ["@type"] = "PostalAddress", ["addressRegion"] = province, ["addressCountry"] = "CN" };
        if (group.HostKind == HostKind.City) address["addressLocality"] = host;
        var item = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = ctx.T(activity.Title).Text,
            ["description"] = ctx.T(activity.Description ?? activity.Title).Text + DataStrings.For(ctx.Language.Locale).FieldJoin
                + ctx.B.Dates + ctx.S.Colon + ctx.B.DateSpan(activity.Dates) + ctx.S.OpenParen + ctx.B.PrecisionNote(activity.Dates.Precision) + ctx.S.CloseParen,
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["location"] = new JsonObject
            {
                ["@type"] = "Place",
                ["name"] = group.HostKind == HostKind.City ? host : province,
                ["address"] = address,
            },
            ["organizer"] = new JsonObject
            {
                // The documents list a city's activities under the city's name: its authorities organise them.
                ["@type"] = "GovernmentOrganization",
                ["name"] = host,
                ["url"] = ctx.AbsoluteUrl(Routes.Host(group), ctx.Language),
            },
            ["url"] = ctx.AbsoluteUrl(Routes.Activity(entry), ctx.Language),
            ["inLanguage"] = ctx.T(activity.Title).LanguageCode,
        };
        if (DocumentDates(activity.Dates) is var (start, end))
        {
            item["startDate"] = start;
            item["endDate"] = end;
        }
        var images = activity.Photos
            .Select(p => ctx.Photos.GetValueOrDefault(p))
            .OfType<ProcessedPhoto>()
            .Select(p => (JsonNode?)ctx.AbsoluteFileUrl(p.FullSize.Url))
            .ToArray();
        if (images.Length > 0) item["image"] = new JsonArray(images);
        return item;
    }

    /// <summary>
    /// An activity's first and last date in ISO 8601 no more precise than its document: a day, a month (also for
    /// 上旬/中旬/下旬, which ISO cannot write), a range of months, a year; none when the document gives no timing.
    /// </summary>
    private static (string Start, string End)? DocumentDates(ActivityDates dates) => dates.Precision switch
    {
        DatePrecision.Day => (IsoDate(dates.Start), IsoDate(dates.LastDay)),
        DatePrecision.PartOfMonth or DatePrecision.Month or DatePrecision.MonthRange => (IsoMonth(dates.Start), IsoMonth(dates.LastDay)),
        DatePrecision.Year => (dates.Start.Year.ToString(CultureInfo.InvariantCulture), dates.LastDay.Year.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static string IsoMonth(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A publication date in ISO 8601, with its time (in China Standard Time) when the content gives one.</summary>
    public static string IsoDateTime(PublicationTime published) => published.Time is { } time
        ? new DateTimeOffset(published.Date.ToDateTime(time), ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)
        : IsoDate(published.Date);
}
