using System.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>The iCalendar feeds read by ical.js: one event per activity with the activity's dates, words and links.</summary>
[Collection(DataCollection.Name)]
public sealed class CalendarTests(BuiltSite site)
{
    private IcsCalendar All(string prefix) => Calendars.Parse(Calendars.PathOf(site.Output, prefix, "activities"));

    private static string Uid(string key, string prefix) => (prefix == "" ? key : key + "/en") + Calendars.HostSuffix;

    [Fact]
    public void Every_activity_is_one_event_of_the_all_activities_calendar_with_a_unique_uid()
    {
        var keys = SourceContent.Activities().Select(a => a.Key).ToList();
        foreach (var prefix in DataFiles.Prefixes)
        {
            var events = All(prefix).Events;
            Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());
            Assert.Equal(keys.Select(k => Uid(k, prefix)).Order(StringComparer.Ordinal), events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Each_city_with_activities_has_a_calendar_of_exactly_its_activities()
    {
        var byCity = SourceContent.Activities().Where(a => a.HostKind == "city").ToLookup(a => a.HostSlug);
        foreach (var city in SourceContent.Registry("cities.yml").Keys)
            foreach (var prefix in DataFiles.Prefixes)
            {
                var file = Calendars.PathOf(site.Output, prefix, city);
                if (!byCity.Contains(city))
                {
                    Assert.False(File.Exists(file), $"{file}: a calendar without events");
                    continue;
                }
                var calendar = Calendars.Parse(file);
                Assert.Equal(byCity[city].Select(a => Uid(a.Key, prefix)).Order(StringComparer.Ordinal), calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
                Assert.Contains(prefix == "" ? SourceContent.Registry("cities.yml")[city].Name : SourceContent.Registry("cities.yml")[city].NameEn!, calendar.Properties["x-wr-calname"]);
            }
    }

    [Fact]
    public void Events_say_what_the_data_files_say()
    {
        foreach (var prefix in DataFiles.Prefixes)
        {
            var events = All(prefix).ByUid;
            foreach (var record in DataFiles.Json(site, prefix).Activities)
            {
                var e = events[Uid(record.Id, prefix)];
                Assert.Equal(record.Title, e.Summary);
                Assert.Equal(record.Untranslated.Contains("title") || prefix == "" ? "zh-Hans" : "en", e.SummaryLanguage);
                Assert.Equal(record.Url, e.Url);
                Assert.Equal(record.KindNames, e.Categories);
                Assert.Equal(record.CityName, e.Location);
                Assert.Equal("TRANSPARENT", e.Transp);
                Assert.Equal(new IcsTime(Iso(record.StartDate), true), e.Start);
                Assert.Equal(new IcsTime(Iso(record.EndDate.AddDays(1)), true), e.End);
                Assert.Equal(record.DatePrecision, e.Precision);
                Assert.Contains(record.Url, e.Description);
                if (record.Timing is { } timing) Assert.Contains(timing, e.Description);
                if (record.Description is { } description) Assert.Contains(description, e.Description);
                Assert.Equal(record.DatePrecision != "day", e.Description.StartsWith(prefix == "" ? "日期：" : "Date: ", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("2023/yongan/quality-month-publicity", "20230901", "20231001", "日期：2023年9月（文件只给出月份）", "Date: September 2023 (the document gives only the month)")]
    [InlineData("2023/yongan/sanming-quality-award", "20230901", "20231101", "日期：2023年9月至10月（文件只给出月份）", "Date: September to October 2023 (the document gives only the months)")]
    [InlineData("2023/yongan/consumer-complaint-channels", "20230101", "20240101", "日期：2023年全年（文件只给出年份）", "Date: throughout 2023 (the document gives only the year)")]
    [InlineData("2024/fuzhou/launch-ceremony", "20240901", "20241001", "日期：文件未写明时间，按“质量月”（2024年9月）标注", "Date: not given in the document; shown in Quality Month (September 2024)")]
    public void All_day_dates_follow_the_documents_timing_and_say_how_exact_they_are(string key, string start, string endExclusive, string chinese, string english)
    {
        foreach (var (prefix, firstLine) in new[] { ("", chinese), ("en/", english) })
        {
            var e = All(prefix).ByUid[Uid(key, prefix)];
            Assert.Equal(new IcsTime(Dashed(start), true), e.Start);
            Assert.Equal(new IcsTime(Dashed(endExclusive), true), e.End);
            Assert.Equal(firstLine, e.Description.Split('\n')[0]);
        }
    }

    [Fact]
    public void Part_of_a_month_is_its_ten_days()
    {
        var source = SourceContent.Activities().Single(a => a.Time == "9月中旬");
        var e = All("").ByUid[Uid(source.Key, "")];
        Assert.Equal((new IcsTime($"{source.Year}-09-11", true), new IcsTime($"{source.Year}-09-21", true)), (e.Start, e.End));
        Assert.Equal($"日期：{source.Year}年9月中旬（文件只给出旬）", e.Description.Split('\n')[0]);
        Assert.Equal("part-of-month", e.Precision);
    }

    /// <summary>
    /// An event of an undated notice (2025's) is stamped on the campaign's first day, never on a day made from the
    /// activity's timing, and its description ends by saying the stamp is assumed; a dated notice's events say nothing.
    /// </summary>
    [Fact]
    public void A_fresh_build_starts_every_event_at_sequence_0_stamped_by_its_document()
    {
        var notices = SourceContent.Notices().ToDictionary(n => $"https://zly.example.gov.cn/{n.Year}/notices/{n.Slug}/");
        var records = DataFiles.Json(site, "").Activities.ToDictionary(r => Uid(r.Id, ""));
        var undated = 0;
        foreach (var e in All("").Events)
        {
            Assert.Equal(0, e.Sequence);
            var record = records[e.Uid];
            var date = notices[record.SourceUrl[..record.SourceUrl.IndexOf('#')]].Date;
            Assert.Equal(new IcsTime((date ?? $"{record.Year}-09-01") + "T00:00:00Z", false), e.Stamp);
            var assumed = $"日历时间戳（DTSTAMP）：文件未标注日期，日历格式必须填写，按{record.Year}年“质量月”首日（9月1日）填写，并非文件日期";
            Assert.Equal(date is null, e.Description.Split('\n')[^1] == assumed);
            if (date is null) undated++;
        }
        Assert.True(undated > 0, "no activity of an undated notice");
    }

    [Fact]
    public void Calendars_declare_themselves_as_rfc_5545_asks_and_name_the_timezone()
    {
        foreach (var file in Directory.GetFiles(site.Output, "*.ics", SearchOption.AllDirectories))
        {
            var properties = Calendars.Parse(file).Properties;
            Assert.Equal("2.0", properties["version"]);
            Assert.Equal("GREGORIAN", properties["calscale"]);
            Assert.Equal("PUBLISH", properties["method"]);
            Assert.StartsWith("-//", properties["prodid"]);
            Assert.Equal("Asia/Shanghai", properties["x-wr-timezone"]);
            Assert.StartsWith(file.Contains("/en/", StringComparison.Ordinal) ? "Fujian Quality Month: " : "福建省“质量月”活动专题：", properties["x-wr-calname"]);
        }
    }

    [Fact]
    public void Lines_are_crlf_terminated_and_folded_at_75_octets_between_characters()
    {
        var files = Directory.GetFiles(site.Output, "*.ics", SearchOption.AllDirectories);
        Assert.Equal(2 * 12, files.Length);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var folded = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var text = strict.GetString(bytes);
            Assert.EndsWith("\r\n", text);
            Assert.DoesNotMatch("(?<!\r)\n|\r(?!\n)", text);
            var lines = Split(bytes);
            foreach (var line in lines)
            {
                Assert.True(line.Length <= 75, $"{file}: a line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
                strict.GetString(line); // a line cut inside a UTF-8 sequence would not decode on its own
                if (line.Length > 0 && line[0] == (byte)' ') folded++;
            }
        }
        Assert.True(folded > 100, $"only {folded} continuation lines: the folding is not exercised");
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        for (int start = 0, i = 0; i + 1 < bytes.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 2;
            }
        return lines;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Dashed(string basic) => $"{basic[..4]}-{basic[4..6]}-{basic[6..]}";
}
