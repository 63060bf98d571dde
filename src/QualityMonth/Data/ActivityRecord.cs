using System.Text.Json;
using QualityMonth.Model;

namespace QualityMonth.Data;

/// <summary>
/// One activity as the data files publish it, in one language. The property order is the order of
/// the JSON properties and of the CSV columns, and the names become snake_case in both
/// (<see cref="JsonNamingPolicy.SnakeCaseLower"/>): <c>CitySlug</c> is <c>city_slug</c>. Every field is
/// described in docs/data.md and in <c>activities.schema.json</c>.
/// </summary>
public sealed record ActivityRecord(
    string Id,
    string Url,
    int Year,
    string HostKind,
    string? CitySlug,
    string? CityName,
    string? OrganiserSlug,
    string? OrganiserName,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> KindNames,
    string Title,
    string? Description,
    string? Timing,
    DateOnly StartDate,
    DateOnly EndDate,
    string DatePrecision,
    string? Lead,
    IReadOnlyList<string> Partners,
    string? Note,
    string SourceTitle,
    string? SourceDocumentNumber,
    DateOnly? SourceDate,
    int SourceAttachment,
    string SourceAttachmentTitle,
    string SourceUrl,
    IReadOnlyList<string> PhotoUrls,
    IReadOnlyList<string?> PhotoCaptions,
    IReadOnlyList<string?> PhotoCredits,
    IReadOnlyList<string> Untranslated);

/// <summary>The names the data files, the calendars and the docs give to a <see cref="Model.DatePrecision"/>.</summary>
public static class DatePrecisionNames
{
    public static string Of(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => "day",
        DatePrecision.PartOfMonth => "part-of-month",
        DatePrecision.Month => "month",
        DatePrecision.MonthRange => "month-range",
        DatePrecision.Year => "year",
        _ => "campaign-month",
    };
}
