using System.Text.Json;
using System.Text.Json.Serialization;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>activities.json as a reader sees it: every documented field, nothing else (unknown or missing fields fail).</summary>
public sealed record DataDocument(
    [property: JsonPropertyName("$schema")] string Schema, string Language, string Title, string Source, int Count, IReadOnlyList<DataRecord> Activities);

public sealed record DataRecord(
    string Id, string Url, int Year, string HostKind, string? CitySlug, string? CityName, string? OrganiserSlug, string? OrganiserName,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> KindNames, string Title, string? Description, string? Timing,
    DateOnly StartDate, DateOnly EndDate, string DatePrecision, string? Lead, IReadOnlyList<string> Partners, string? Note,
    string SourceTitle, string? SourceDocumentNumber, DateOnly? SourceDate, int SourceAttachment, string SourceAttachmentTitle,
    string SourceUrl, IReadOnlyList<string> PhotoUrls, IReadOnlyList<string?> PhotoCaptions, IReadOnlyList<string?> PhotoCredits,
    IReadOnlyList<string> Untranslated);

/// <summary>Where the data files of a language are in a built site, and how to read them back.</summary>
public static class DataFiles
{
    /// <summary>The documented fields of a record (docs/data.md), in their documented order.</summary>
    public static readonly string[] Fields =
    [
        "id", "url", "year", "host_kind", "city_slug", "city_name", "organiser_slug", "organiser_name", "kinds", "kind_names",
        "title", "description", "timing", "start_date", "end_date", "date_precision", "lead", "partners", "note",
        "source_title", "source_document_number", "source_date", "source_attachment", "source_attachment_title", "source_url",
        "photo_urls", "photo_captions", "photo_credits", "untranslated",
    ];

    public static readonly string[] Prefixes = ["", "en/"];

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string PathOf(BuiltSite site, string prefix, string file) => Path.Combine(site.Output, prefix + "data", file);

    public static DataDocument Json(BuiltSite site, string prefix) =>
        JsonSerializer.Deserialize<DataDocument>(File.ReadAllBytes(PathOf(site, prefix, "activities.json")), ReadOptions)!;
}
