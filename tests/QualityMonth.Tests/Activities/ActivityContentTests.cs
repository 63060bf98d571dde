using QualityMonth.Model;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Activities;

/// <summary>Kinds and timings of activities: how the documents' wording becomes calendar dates, and the errors staff see.</summary>
public sealed class ActivityContentTests
{
    private const string Fuzhou = "input/2024/activities/fuzhou.yml";

    [Theory]
    [InlineData("9月", "2024-09-01", "2024-10-01", DatePrecision.Month)]
    [InlineData("9月份", "2024-09-01", "2024-10-01", DatePrecision.Month)]
    [InlineData("9-10月", "2024-09-01", "2024-11-01", DatePrecision.MonthRange)]
    [InlineData("8月-12月", "2024-08-01", "2025-01-01", DatePrecision.MonthRange)]
    [InlineData("9月中旬", "2024-09-11", "2024-09-21", DatePrecision.PartOfMonth)]
    [InlineData("9月下旬", "2024-09-21", "2024-10-01", DatePrecision.PartOfMonth)]
    [InlineData("9月15日", "2024-09-15", "2024-09-16", DatePrecision.Day)]
    [InlineData("全年", "2024-01-01", "2025-01-01", DatePrecision.Year)]
    [InlineData(null, "2024-09-01", "2024-10-01", DatePrecision.CampaignMonth)]
    public void A_timing_becomes_a_calendar_span_with_its_precision(string? time, string start, string end, DatePrecision precision) =>
        Assert.Equal(new ActivityDates(DateOnly.Parse(start), DateOnly.Parse(end), precision), ActivityDates.Parse(2024, time));

    [Theory]
    [InlineData("9月31日")]
    [InlineData("13月")]
    [InlineData("10-9月")]
    [InlineData("国庆前后")]
    public void A_timing_the_calendars_cannot_read_is_not_guessed(string time) => Assert.Null(ActivityDates.Parse(2024, time));

    [Fact]
    public void An_unknown_kind_names_the_file_line_and_the_known_kinds()
    {
        using var site = new TempSite();
        site.Edit(Fuzhou, "kinds: [meeting]", "kinds: [meetings]");
        var line = LineOf(site, "kinds: [meetings]");
        var result = Generator.Run("build", "--root", site.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Fuzhou}:{line}: error: unknown kind 'meetings': use one of publicity, meeting,", result.Stderr);
    }

    [Fact]
    public void An_activity_without_kinds_is_an_error()
    {
        using var site = new TempSite();
        var line = LineOf(site, "- id: launch-ceremony");
        site.Edit(Fuzhou, "    kinds: [meeting]\n  - id: voice-of-quality", "\n  - id: voice-of-quality");
        var result = Generator.Run("build", "--root", site.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Fuzhou}:{line}: error: missing required field 'kinds'", result.Stderr);
    }

    [Fact]
    public void An_unreadable_timing_is_a_warning_and_the_activity_is_dated_to_the_campaign_month()
    {
        using var site = new TempSite();
        site.Edit("input/2023/activities/yongan.yml", "time: 9月中旬", "time: 国庆前后");
        var result = Generator.Run("build", "--root", site.Root);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"input/2023/activities/yongan\.yml:\d+: warning: the timing '国庆前后' is not one the calendars understand", result.Stderr + result.Stdout);
    }

    private static int LineOf(TempSite site, string text) =>
        File.ReadAllLines(site.PathOf(Fuzhou)).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
