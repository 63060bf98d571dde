using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityMonth.Model;

/// <summary>How exactly a document dates an activity.</summary>
public enum DatePrecision
{
    /// <summary>A day: 9月15日.</summary>
    Day,
    /// <summary>Part of a month: 9月上旬 / 中旬 / 下旬.</summary>
    PartOfMonth,
    /// <summary>One month: 9月.</summary>
    Month,
    /// <summary>A range of months: 9-10月, 8月-12月.</summary>
    MonthRange,
    /// <summary>The whole year: 全年.</summary>
    Year,
    /// <summary>No date given for the activity: the campaign month (September) stands for it.</summary>
    CampaignMonth,
}

/// <summary>
/// The calendar span of an activity, from the timing its document gives: first day and the day after
/// the last (as iCalendar's all-day DTEND), with how exact that is.
/// </summary>
public sealed partial record ActivityDates(DateOnly Start, DateOnly EndExclusive, DatePrecision Precision)
{
    /// <summary>质量月 is September: the month that stands in when a document dates nothing.</summary>
    public const int CampaignMonthNumber = 9;

    public DateOnly LastDay => EndExclusive.AddDays(-1);

    public static ActivityDates CampaignMonth(int year) => Months(year, CampaignMonthNumber, CampaignMonthNumber, DatePrecision.CampaignMonth);

    /// <summary>Reads a document's timing (Chinese as written); null when the wording is not one of the known forms.</summary>
    public static ActivityDates? Parse(int year, string? time)
    {
        if (string.IsNullOrWhiteSpace(time)) return CampaignMonth(year);
        var text = time.Trim().Replace('－', '-').Replace('—', '-').Replace('至', '-').Replace('~', '-').Replace('～', '-');
        if (text == "全年") return new ActivityDates(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), DatePrecision.Year);
        if (DayPattern().Match(text) is { Success: true } day && TryDate(year, day.Groups[1].Value, day.Groups[2].Value, out var date))
            return new ActivityDates(date, date.AddDays(1), DatePrecision.Day);
        if (PartPattern().Match(text) is { Success: true } part && Month(part.Groups[1].Value) is { } partMonth)
        {
            var (first, last) = part.Groups[2].Value switch
            {
                "上旬" => (1, 10),
                "中旬" => (11, 20),
                _ => (21, DateTime.DaysInMonth(year, partMonth)),
            };
            return new ActivityDates(new DateOnly(year, partMonth, first), new DateOnly(year, partMonth, last).AddDays(1), DatePrecision.PartOfMonth);
        }
        if (RangePattern().Match(text) is { Success: true } range && Month(range.Groups[1].Value) is { } from && Month(range.Groups[2].Value) is { } to && from < to)
            return Months(year, from, to, DatePrecision.MonthRange);
        if (MonthPattern().Match(text) is { Success: true } single && Month(single.Groups[1].Value) is { } month)
            return Months(year, month, month, DatePrecision.Month);
        return null;
    }

    private static ActivityDates Months(int year, int from, int to, DatePrecision precision) =>
        new(new DateOnly(year, from, 1), new DateOnly(year, to, 1).AddMonths(1), precision);

    private static int? Month(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 ? month : null;

    private static bool TryDate(int year, string month, string day, out DateOnly date)
    {
        date = default;
        return Month(month) is { } m && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && d >= 1 && d <= DateTime.DaysInMonth(year, m) && (date = new DateOnly(year, m, d)) != default;
    }

    [GeneratedRegex(@"^(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(\d{1,2})月(上旬|中旬|下旬)$")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^(\d{1,2})月?-(\d{1,2})月$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(\d{1,2})月(份)?$")]
    private static partial Regex MonthPattern();
}
