using System.Text.Json;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

public sealed record IcsTime(string Value, bool IsDate);

public sealed record IcsEvent(
    string Uid, string Summary, string? SummaryLanguage, string Description, string Url, string? Location, string Transp,
    IcsTime Start, IcsTime End, IcsTime Stamp, int Sequence, IReadOnlyList<string> Categories, string Precision, string Hash);

public sealed record IcsCalendar(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<IcsEvent> Events)
{
    public IReadOnlyDictionary<string, IcsEvent> ByUid => Events.ToDictionary(e => e.Uid);
}

/// <summary>The site's calendars as ical.js, Mozilla's RFC 5545 parser, reads them (Data/Tools/ics-to-json.mjs).</summary>
public static class Calendars
{
    public const string HostSuffix = "@zly.example.gov.cn";

    public static IcsCalendar Parse(string file) => ParseAll(file)[file];

    public static IReadOnlyDictionary<string, IcsCalendar> ParseAll(params string[] files)
    {
        var result = ExternalTool.Node("Data/Tools/ics-to-json.mjs", files);
        Assert.True(result.ExitCode == 0, "ical.js could not read the calendars:\n" + result.All);
        return JsonSerializer.Deserialize<Dictionary<string, IcsCalendar>>(result.Stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public static string PathOf(string output, string prefix, string name) => Path.Combine(output, prefix + "calendar", name + ".ics");
}
