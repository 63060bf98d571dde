using System.Text;
using QualityMonth.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Scaffold;

/// <summary>
/// <c>new activities</c> and <c>new activity</c>: a city's activities file, activities (with photos) added
/// to the end of a file without touching its other lines, check until filled, then the published pages.
/// </summary>
public sealed class NewActivityTests
{
    private const string Yongan = "input/2024/activities/yongan.yml";
    private const string Fuzhou = "input/2024/activities/fuzhou.yml";

    [Fact]
    public void A_new_activities_file_and_an_activity_with_photos_fail_check_until_filled_then_are_published()
    {
        using var site = new ScaffoldSite();
        var file = site.New("activities", "2024", "--city", "yongan");
        Assert.Equal(0, file.ExitCode);
        Assert.Contains($"created: {Yongan}", file.Stdout);
        var activity = site.New("activity", "2024", "yongan", "quality-fair", "--photos");
        Assert.Equal(0, activity.ExitCode);
        Assert.Contains($"added to: {Yongan}", activity.Stdout);
        Assert.Contains("input/2024/activities/yongan/", activity.Stdout);

        // Read back by YamlDotNet: the host, the source notice, two activities (the first one's id to fill), one photo.
        var root = Root(site.Read(Yongan));
        Assert.Equal("yongan", Scalar(root, "city"));
        Assert.Equal("provincial", Scalar((YamlMappingNode)root["source"], "notice"));
        var activities = ((YamlSequenceNode)root["activities"]).Cast<YamlMappingNode>().ToList();
        Assert.Equal([ScaffoldSite.Marker, "quality-fair"], activities.Select(a => Scalar(a, "id")));
        var photo = ((YamlSequenceNode)activities[1]["photos"]).Cast<YamlMappingNode>().Single();
        Assert.Equal($"yongan/{ScaffoldSite.Marker}.jpg", Scalar(photo, "file"));
        // 2024's main notice has two attachments showing activities: the comment names both, the number is left to fill.
        Assert.Contains("2《2024年全省“质量月”部分主办单位开展的主要活动》；3《2024年全省“质量月”各地开展的主要活动》", site.Read(Yongan));

        var unfilled = site.UnfilledLines(Yongan);
        Assert.Equal(8, unfilled.Count); // attachment; id, title, kinds; title, kinds, photo file, caption
        var failed = site.Check();
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(unfilled.Order(), ScaffoldSite.ErrorLines(failed.Stderr).Order());
        Assert.DoesNotContain("unknown kind", failed.Stderr);
        Assert.DoesNotContain("not found", failed.Stderr);
        Assert.All(unfilled, line => Assert.Contains(line, activity.Stdout));

        site.Fill(Yongan, ("source", "3, number: 11"),
            ("id", "quality-seminar"), ("title", "举办永安市质量提升研讨会"), ("kinds", "meeting"),
            ("title", "举办永安市质量开放日活动"), ("kinds", "open-day, publicity"), ("file", "fair-1"), ("caption", "开放日现场"));
        PhotoFixtures.WriteJpeg(site.PathOf("input/2024/activities/yongan/fair-1.jpg"), 1200, 900);
        var passed = site.Check();
        Assert.True(passed.ExitCode == 0, passed.All);
        var built = site.Build();
        Assert.True(built.ExitCode == 0, built.All);

        var fair = site.Page("/activities/2024/yongan/quality-fair/");
        Assert.Equal("举办永安市质量开放日活动", fair.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("开放日现场", fair.QuerySelector("main figure img")!.GetAttribute("alt"));
        Assert.Equal("举办永安市质量提升研讨会", site.Page("/activities/2024/yongan/quality-seminar/").QuerySelector("main h1")!.TextContent.Trim());
        var city = site.Page("/cities/yongan/");
        Assert.NotNull(city.GetElementById("2024-quality-seminar"));
        Assert.NotNull(city.GetElementById("2024-quality-fair"));
    }

    [Fact]
    public void An_activity_is_added_after_the_last_one_and_every_other_line_stays_as_it_was()
    {
        using var site = new ScaffoldSite();
        var before = File.ReadAllLines(site.PathOf(Fuzhou));
        var result = site.New("activity", "2024", "fuzhou", "quality-walk");
        Assert.Equal(0, result.ExitCode);
        var after = File.ReadAllLines(site.PathOf(Fuzhou));

        Assert.Equal(before, after[..before.Length]);
        var added = after[before.Length..];
        Assert.StartsWith("  - id: quality-walk", added[0]);
        Assert.All(added[1..], line => Assert.StartsWith("    ", line));
        var ids = ((YamlSequenceNode)Root(site.Read(Fuzhou))["activities"]).Cast<YamlMappingNode>().Select(a => Scalar(a, "id")).ToList();
        Assert.Equal(before.Count(l => l.StartsWith("  - id: ", StringComparison.Ordinal)) + 1, ids.Count);
        Assert.Equal("quality-walk", ids[^1]);

        var failed = site.Check();
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(site.UnfilledLines(Fuzhou).Order(), ScaffoldSite.ErrorLines(failed.Stderr).Order());
        site.Fill(Fuzhou, ("title", "开展质量走基层活动"), ("kinds", "publicity"));
        var passed = site.Check();
        Assert.True(passed.ExitCode == 0, passed.All);
    }

    [Fact]
    public void An_activity_goes_inside_the_list_of_a_file_laid_out_differently_keeping_its_line_endings_and_byte_order_mark()
    {
        using var site = new ScaffoldSite();
        // Items at indent 0, a commented-out field under the last one, 'source' after the list, CRLF, a BOM.
        string[] lines =
        [
            "# 永安市 2024",
            "city: yongan",
            "activities:",
            "- id: first",
            "  title: 举办质量讲座",
            "  kinds: [training]",
            "  # time: 9月",
            "",
            "# 以下为来源",
            "source: { notice: provincial, attachment: 3, number: 11 }",
        ];
        var original = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
        File.WriteAllBytes(site.PathOf(Yongan), original);

        Assert.Equal(0, site.New("activity", "2024", "yongan", "second", "--photos").ExitCode);

        var bytes = File.ReadAllBytes(site.PathOf(Yongan));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotMatch("[^\r]\n", text);
        var after = text.Split("\r\n");
        Assert.Equal(lines[..7], after[..7]);
        Assert.Equal("- id: second", after[7].Split('#')[0].TrimEnd());
        Assert.Equal(lines[7..], after[^(lines.Length - 7 + 1)..^1]);
        Assert.Contains(after, line => line.StartsWith("  photos:", StringComparison.Ordinal));

        site.Fill(Yongan, ("title", "举办质量开放日"), ("kinds", "open-day"), ("file", "day-1"), ("caption", "开放日"));
        PhotoFixtures.WriteJpeg(site.PathOf("input/2024/activities/yongan/day-1.jpg"), 1200, 900);
        var passed = site.Check();
        Assert.True(passed.ExitCode == 0, passed.All);
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
