using System.Text.Json;
using System.Xml.Linq;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>
/// The real site with one activity of the undated 2025 notice timed 9月中旬: the notice gives no date and the activity
/// no day, so no output may give either as a fact (issue 14: "never more precise than the source; where a format
/// forces a value, the entry says it is an assumption").
/// </summary>
public sealed class UndatedMidMonthSite() : BuiltSite(null, site => site.Edit("input/2025/activities/market-regulation.yml",
    "    kinds: [assistance, awards-certification]\n  - id: cnas-trade-integration",
    "    kinds: [assistance, awards-certification]\n    time: 9月中旬\n    time_en: Mid-September\n  - id: cnas-trade-integration"))
{
    public const string Key = "2025/market-regulation/certification-helps-enterprises-go-global";
}

public sealed class UndatedNoticeDatesTests(UndatedMidMonthSite site) : IClassFixture<UndatedMidMonthSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private const string PageUrl = "https://zly.example.gov.cn/activities/" + UndatedMidMonthSite.Key + "/";

    [Fact]
    public void The_calendar_event_is_stamped_on_the_campaigns_first_day_and_says_both_its_dates_and_its_stamp_are_assumed()
    {
        foreach (var (prefix, uid, firstLine, lastLine) in new[]
                 {
                     ("", UndatedMidMonthSite.Key, "日期：2025年9月中旬（文件只给出旬）",
                         "日历时间戳（DTSTAMP）：文件未标注日期，日历格式必须填写，按2025年“质量月”首日（9月1日）填写，并非文件日期"),
                     ("en/", UndatedMidMonthSite.Key + "/en", "Date: mid September 2025 (the document gives only part of the month)",
                         "Calendar timestamp (DTSTAMP): the document is not dated; the calendar format requires one, so the first day of Quality Month (1 September 2025) is given, not a date of the document"),
                 })
        {
            var e = Calendars.Parse(Calendars.PathOf(site.Output, prefix, "activities")).ByUid[uid + Calendars.HostSuffix];
            // Not 2025-09-11, the first day the all-day event must start on: a stamp made from the timing.
            Assert.Equal(new IcsTime("2025-09-01T00:00:00Z", false), e.Stamp);
            Assert.Equal((new IcsTime("2025-09-11", true), new IcsTime("2025-09-21", true)), (e.Start, e.End));
            var lines = e.Description.Split('\n');
            Assert.Equal(firstLine, lines[0]);
            Assert.Equal(lastLine, lines[^1]);
        }
    }

    [Fact]
    public void The_atom_entry_has_no_published_time_and_says_its_updated_time_is_assumed()
    {
        var entry = XDocument.Load(Path.Combine(site.Output, "feeds/activities.atom")).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value == PageUrl);
        Assert.Equal("2025-09-01T00:00:00+08:00", entry.Element(Atom + "updated")!.Value);
        Assert.Null(entry.Element(Atom + "published"));
        var summary = entry.Element(Atom + "summary")!.Value;
        Assert.StartsWith("日期：2025年9月中旬（文件只给出旬）", summary, StringComparison.Ordinal);
        Assert.EndsWith("更新时间：文件未标注日期，订阅格式必须填写，按2025年“质量月”首日（9月1日）填写，并非文件日期", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_structured_data_gives_the_month_and_the_data_files_say_how_exact_the_days_are()
    {
        var page = site.Page("activities/" + UndatedMidMonthSite.Key + "/");
        var events = page.QuerySelectorAll("script[type='application/ld+json']")
            .SelectMany(s => Objects(JsonDocument.Parse(s.TextContent).RootElement))
            .Where(o => o.TryGetProperty("@type", out var type) && type.GetString() == "Event")
            .ToList();
        var item = Assert.Single(events);
        Assert.Equal("2025-09", item.GetProperty("startDate").GetString());
        Assert.Equal("2025-09", item.GetProperty("endDate").GetString());

        var record = DataFiles.Json(site, "").Activities.Single(r => r.Id == UndatedMidMonthSite.Key);
        Assert.Equal("9月中旬", record.Timing);
        Assert.Equal("part-of-month", record.DatePrecision);
        Assert.Null(record.SourceDate);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };
}
