using System.Security.Cryptography;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>
/// SEQUENCE and DTSTAMP carry over from the output a build replaces: a changed event's SEQUENCE rises
/// and it is stamped with the build time; every other event, and a rebuild of unchanged content, keeps them.
/// </summary>
public sealed class CalendarSequenceTests
{
    private const string ChangedKey = "2024/fuzhou/quality-knowledge-contest";

    [Fact]
    public void A_changed_event_gets_the_next_sequence_and_everything_else_stays_as_published()
    {
        using var site = new TempSite();
        Build(site);
        var before = Read(site);

        site.Edit("input/2024/activities/fuzhou.yml", "title: 举办福州市首届质量知识竞赛\n", "title: 举办福州市首届质量知识竞赛（决赛）\n");
        ReverseActivities(site, "input/2024/activities/pingtan.yml"); // reordered content changes no event
        var changedAt = DateTime.UtcNow.AddSeconds(-1);
        Build(site);
        var after = Read(site);

        foreach (var (file, calendar) in after)
        {
            var published = before[file].ByUid;
            Assert.Equal(published.Keys.Order(StringComparer.Ordinal), calendar.ByUid.Keys.Order(StringComparer.Ordinal));
            foreach (var e in calendar.Events)
            {
                var was = published[e.Uid];
                if (e.Uid == ChangedKey + Calendars.HostSuffix)
                {
                    Assert.Equal("举办福州市首届质量知识竞赛（决赛）", e.Summary);
                    Assert.Equal(1, e.Sequence);
                    Assert.NotEqual(was.Hash, e.Hash);
                    Assert.InRange(DateTime.Parse(e.Stamp.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal),
                        changedAt, DateTime.UtcNow.AddSeconds(1));
                }
                else
                {
                    // The English event says nothing of the Chinese title, so it did not change.
                    Assert.Equal((0, was.Stamp, was.Hash), (e.Sequence, e.Stamp, e.Hash));
                }
            }
        }
        Assert.Contains(after[Calendars.PathOf(site.Output, "", "fuzhou")].Events, e => e.Sequence == 1);

        var published2 = Hashes(site.Output);
        Build(site);
        Assert.Equal(published2, Hashes(site.Output));
    }

    private static void Build(TempSite site)
    {
        var result = Generator.Run("build", "--root", site.Root);
        Assert.True(result.ExitCode == 0, result.All);
    }

    private static IReadOnlyDictionary<string, IcsCalendar> Read(TempSite site) => Calendars.ParseAll(
        Calendars.PathOf(site.Output, "", "activities"), Calendars.PathOf(site.Output, "en/", "activities"),
        Calendars.PathOf(site.Output, "", "fuzhou"), Calendars.PathOf(site.Output, "en/", "fuzhou"));

    /// <summary>Puts a file's activities in reverse order (each starts with "  - id:").</summary>
    private static void ReverseActivities(TempSite site, string file)
    {
        var text = File.ReadAllText(site.PathOf(file));
        var at = text.IndexOf("  - id:", StringComparison.Ordinal);
        var items = text[at..].Split("  - id:", StringSplitOptions.RemoveEmptyEntries).Select(i => "  - id:" + i).Reverse();
        File.WriteAllText(site.PathOf(file), text[..at] + string.Concat(items));
    }

    private static SortedDictionary<string, string> Hashes(string output) =>
        new(Directory.GetFiles(Path.Combine(output), "*.ics", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
