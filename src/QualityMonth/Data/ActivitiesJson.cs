using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace QualityMonth.Data;

/// <summary>The top of <c>activities.json</c>: what the file is, then the records.</summary>
/// <param name="Schema">Absolute URL of the JSON Schema the file follows.</param>
public sealed record ActivitiesDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    string Language,
    string Title,
    string Source,
    int Count,
    IReadOnlyList<ActivityRecord> Activities);

/// <summary>
/// Writes <c>activities.json</c>: UTF-8 without BOM, Chinese as itself (not \uXXXX), properties in
/// the records' declared order, every property present (null or [] when empty), LF line ends.
/// </summary>
public static class ActivitiesJson
{
    /// <summary>The serializer settings of every data file; the CSV columns are read from the same contract.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // The files are downloads, never inlined into HTML: only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Metadata generated at compile time, not found by reflection and emitted at run time: the build's start-up
        // compiled about 250 methods for it.
        TypeInfoResolver = ActivitiesJsonContext.Default,
    };

    public static byte[] Write(ActivitiesDocument document) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, TypeInfo<ActivitiesDocument>()) + "\n");

    /// <summary>The contract of <typeparamref name="T"/> under <see cref="Options"/>: the generated metadata, never reflection.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>The schema shipped with the generator (<c>Data/activities.schema.json</c>), with its <c>$id</c> set to where it is published.</summary>
    public static byte[] Schema(string schemaUrl)
    {
        using var stream = typeof(ActivitiesJson).Assembly.GetManifestResourceStream("QualityMonth.Data.activities.schema.json")
            ?? throw new InvalidOperationException("the activities schema is not embedded in the generator");
        var schema = JsonNode.Parse(stream)!.AsObject();
        schema["$id"] = schemaUrl;
        return Encoding.UTF8.GetBytes(schema.ToJsonString(Options) + "\n");
    }
}

/// <summary>The data files' serialization contract, generated at compile time (the naming as <see cref="ActivitiesJson.Options"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ActivitiesDocument))]
[JsonSerializable(typeof(ActivityRecord))]
internal sealed partial class ActivitiesJsonContext : JsonSerializerContext;
