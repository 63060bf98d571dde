using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Cli;

/// <summary>
/// The report for tools (<c>--format json</c>): one document, its shape documented by <c>docs/check.schema.json</c>.
/// Files in path order; in each, errors first, then by line and column.
/// </summary>
public static partial class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese messages stay readable; the document is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Metadata generated at compile time: the native generator cannot find it by reflection.
        TypeInfoResolver = ReportJson.Default,
    };

    /// <param name="command"><c>check</c> or <c>build</c>.</param>
    public static string Write(string command, BuildResult result, Locale language) =>
        JsonSerializer.Serialize(new Document(
            command,
            language.Code(),
            result.Errors,
            result.Warnings,
            result.PagesPerLanguage,
            result.Photos,
            [.. result.Diagnostics.GroupBy(d => d.File).Select(file => new FileReport(file.Key,
                [.. file.OrderByDescending(d => d.Severity).Select(d => new Item(
                    d.Line > 0 ? d.Line : null,
                    d.Column > 0 ? d.Column : null,
                    d.Severity == Severity.Error ? "error" : "warning",
                    d.Message.Code,
                    d.Message.In(language)))]))],
            [.. result.Coverage.Select(c => new Coverage(c.Language.Code, c.Translated, c.Total, c.Percent,
                [.. c.Kinds.Select(k => new KindFigures(k.Kind.Id, k.Kind.Name.In(language), k.Translated, k.Total))]))]),
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Document>)Options.GetTypeInfo(typeof(Document)));

    /// <param name="Pages">Pages rendered and link-checked per language: none when content errors stopped the run before.</param>
    private sealed record Document(
        string Command,
        string Language,
        int Errors,
        int Warnings,
        IReadOnlyDictionary<string, int> Pages,
        int Photos,
        IReadOnlyList<FileReport> Files,
        IReadOnlyList<Coverage> Coverage);

    private sealed record FileReport(string File, IReadOnlyList<Item> Diagnostics);

    /// <param name="Line">Null when the problem is about the whole file; <paramref name="Column"/> null when not known.</param>
    private sealed record Item(int? Line, int? Column, string Severity, string Code, string Message);

    private sealed record Coverage(string Language, int Translated, int Total, int Percent, IReadOnlyList<KindFigures> Kinds);

    private sealed record KindFigures(string Kind, string Name, int Translated, int Total);

    [JsonSerializable(typeof(Document))]
    private sealed partial class ReportJson : JsonSerializerContext;
}
