using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Scaffold;

/// <summary>
/// <c>new year</c> and <c>new notice</c> as staff use them: the files appear, check names every placeholder
/// with its line, and once they are filled the year and its notices are published.
/// </summary>
public sealed class NewYearTests
{
    private static readonly string[] YearFiles = ["input/2026/year.yml", "input/2026/notices/provincial.md", "input/2026/slogans.yml"];
    private const string Briefing = "input/2026/notices/briefing.md";

    [Fact]
    public void A_new_year_and_notice_fail_check_until_filled_then_build_publishes_them()
    {
        using var site = new ScaffoldSite();

        var year = site.New("year", "2026");
        Assert.Equal(0, year.ExitCode);
        foreach (var file in YearFiles)
        {
            Assert.True(File.Exists(site.PathOf(file)), file);
            Assert.Contains($"created: {file}", year.Stdout);
        }
        Assert.Contains("currentYear", year.Stdout);
        var notice = site.New("notice", "2026", "briefing");
        Assert.Equal(0, notice.ExitCode);
        Assert.Contains($"created: {Briefing}", notice.Stdout);

        // The files hold every required field: read by YamlDotNet, not by the generator.
        var yearYaml = Mapping(site.Read("input/2026/year.yml"));
        Assert.Equal("2026", yearYaml["year"]);
        Assert.Equal("provincial", yearYaml["main_notice"]);
        Assert.Equal(ScaffoldSite.Marker, yearYaml["theme"]);
        foreach (var path in new[] { "input/2026/notices/provincial.md", Briefing })
        {
            var frontMatter = Mapping(site.Read(path).Split("---\n")[1]);
            Assert.All(new[] { "title", "doc_number", "issuer", "date", "disclosure" }, key => Assert.Equal(ScaffoldSite.Marker, frontMatter[key]));
        }

        // check names each placeholder at its line, and nothing else: an unfilled 'date' is not also "not a date".
        var unfilled = site.UnfilledLines([.. YearFiles, Briefing]);
        Assert.Equal(17, unfilled.Count);
        var failed = site.Check();
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(unfilled.Order(), ScaffoldSite.ErrorLines(failed.Stderr).Order());
        Assert.Contains("input/2026/year.yml:7: error: 'theme' still holds the placeholder 【待填写】", failed.Stderr);
        Assert.Contains("error: the text still holds the placeholder 【待填写】", failed.Stderr);
        // new printed the same places to fill in.
        Assert.All(unfilled.Where(u => u.StartsWith("input/2026/notices/briefing", StringComparison.Ordinal)), u => Assert.Contains(u, notice.Stdout));
        Assert.All(unfilled.Where(u => !u.StartsWith("input/2026/notices/briefing", StringComparison.Ordinal)), u => Assert.Contains(u, year.Stdout));

        site.Fill("input/2026/year.yml", ("theme", "质量引领 共建共享"));
        site.Fill("input/2026/slogans.yml", ("text", "质量第一 人人有责"));
        site.Fill("input/2026/notices/provincial.md",
            ("title", "关于开展2026年全省“质量月”活动的通知"), ("doc_number", "闽质强省办〔2026〕3号"),
            ("issuer", "福建省质量强省工作领导小组办公室"), ("date", "2026-08-12"), ("disclosure", "此件主动公开"),
            ("title", "2026年全省“质量月”活动口号"),
            ("", "各设区市质量强市工作领导小组办公室："), ("", "## 一、活动内容\n\n全省开展质量宣传活动。"));
        site.Fill(Briefing,
            ("title", "关于报送2026年“质量月”活动情况的通知"), ("doc_number", "无"),
            ("issuer", "福建省市场监督管理局"), ("date", "2026-10-08"), ("disclosure", "此件公开发布"),
            ("", "各设区市市场监管局："), ("", "请于10月15日前报送活动总结。"));
        var passed = site.Check();
        Assert.True(passed.ExitCode == 0, passed.All);
        var built = site.Build();
        Assert.True(built.ExitCode == 0, built.All);

        Assert.Contains("质量引领 共建共享", site.Page("/2026/").QuerySelector("main")!.TextContent);
        var main = site.Page("/2026/notices/provincial/");
        Assert.Equal("关于开展2026年全省“质量月”活动的通知", main.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("闽质强省办〔2026〕3号", main.QuerySelector("main")!.TextContent);
        Assert.Contains(main.QuerySelectorAll("main h2"), h => h.TextContent.Trim() == "一、活动内容");
        Assert.NotNull(main.QuerySelector("#attachment-1"));
        var briefing = site.Page("/2026/notices/briefing/");
        Assert.Contains("请于10月15日前报送活动总结。", briefing.QuerySelector("main")!.TextContent);
        var slogan = site.Page("/2026/slogans/").QuerySelector("#slogan-1");
        Assert.NotNull(slogan);
        Assert.Contains("质量第一 人人有责", slogan!.TextContent);
        Assert.True(File.Exists(site.PathOf("output/en/2026/notices/briefing/index.html")));
    }

    private static Dictionary<string, string> Mapping(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ((YamlMappingNode)stream.Documents[0].RootNode).Children
            .Where(c => c.Value is YamlScalarNode)
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
    }
}
