using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>A SEQUENCE read back from the previous calendar is a wide number: it does not wrap round at 2^31.</summary>
public sealed class PreviousCalendarTests
{
    private const string Uid = "UID:2024/fuzhou/quality-knowledge-contest@zly.example.gov.cn";

    [Fact]
    public void A_sequence_at_two_to_the_31_minus_one_goes_on_to_two_to_the_31()
    {
        using var site = new TempSite();
        Build(site);
        var calendar = Path.Combine(site.Output, "calendar", "activities.ics");
        var text = File.ReadAllText(calendar);
        var sequence = text.IndexOf("SEQUENCE:0\r\n", text.IndexOf(Uid, StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(calendar, text[..sequence] + "SEQUENCE:2147483647\r\n" + text[(sequence + "SEQUENCE:0\r\n".Length)..]);
        site.Edit("input/2024/activities/fuzhou.yml", "title: 举办福州市首届质量知识竞赛\n", "title: 举办福州市首届质量知识竞赛（决赛）\n");

        Build(site);

        var rebuilt = File.ReadAllText(calendar);
        var at = rebuilt.IndexOf(Uid, StringComparison.Ordinal);
        Assert.True(at >= 0, "the event is not in the calendar");
        var block = rebuilt[at..rebuilt.IndexOf("END:VEVENT", at, StringComparison.Ordinal)];
        Assert.Contains("SEQUENCE:2147483648\r\n", block);
    }

    private static void Build(TempSite site)
    {
        var result = Generator.Run("build", "--root", site.Root);
        Assert.True(result.ExitCode == 0, result.All);
    }
}
