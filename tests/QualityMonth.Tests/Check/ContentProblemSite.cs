using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// A copy of the real site with one of each content error the issue names, each in its own file so none hides
/// another; check runs once in each language and build once, all in JSON (the reports are read by the tests).
/// </summary>
public sealed class ContentProblemSite : IDisposable
{
    public const string Notice2024 = "input/2024/notices/provincial.md";
    public const string Fuzhou = "input/2024/activities/fuzhou.yml";
    public const string Transport = "input/2024/activities/transport.yml";
    public const string Xiamen2018 = "input/2018/activities/xiamen.yml";
    public const string Notice2018 = "input/2018/notices/provincial.md";
    public const string National2022 = "input/2022/notices/national.md";
    public const string Putian = "input/2024/activities/putian.yml";
    public const string Year2018 = "input/2018/year.yml";
    public const string Longyan = "input/2024/activities/longyan.yml";
    public const string Press = "input/site/press.yml";

    private readonly Lazy<CheckReport> _english, _chinese, _build;

    public ContentProblemSite()
    {
        Site.Edit(Notice2024, "doc_number: 闽质强省办〔2024〕9号\n", "");
        Site.Edit(Fuzhou, "city: fuzhou", "city: fuzou");
        Site.Edit(Transport, "organiser: transport", "organiser: transpor");
        Site.Edit(Xiamen2018, "kinds: [publicity, contest]", "kinds: [publicity, contst]");
        Site.Edit(Notice2018, "date: 2018-08-29", "date: 2018-08-32");
        Site.Edit(National2022, "date: 无\n", "date: 无\npublished: 2022-13-01\n");
        Site.Edit(Putian, "    title: 举办产业链供应链质量提升公益培训班\n", "    title: 举办产业链供应链质量提升公益培训班\n    kinds: [training\n");
        Site.Edit(Year2018, "main_notice: provincial", "main_notice: provincial\nthem: 错字");
        Site.Edit(Longyan, "id: quality-month-outreach", "id: performance-excellence-sharing");
        Site.Edit(Press, "notice: 2025/provincial", "notice: 2025/provincal");

        Expected =
        [
            new(Notice2024, 2, "missing-field", "error", "missing required field 'doc_number'", "缺少必填字段“doc_number”"),
            new(Fuzhou, 1, "unknown-city", "error", "unknown city 'fuzou': add it to input/site/cities.yml or use one of: fuzhou, xiamen", "城市“fuzou”没有登记"),
            new(Transport, 1, "unknown-organiser", "error", "unknown organiser 'transpor'", "主办单位“transpor”没有登记"),
            new(Xiamen2018, Line(Xiamen2018, "contst"), "unknown-kind", "error", "unknown kind 'contst'", "活动类型“contst”不存在"),
            new(Notice2018, Line(Notice2018, "date: 2018-08-32"), "invalid-date", "error", "'date: 2018-08-32' is not a date", "日期“date: 2018-08-32”格式不对"),
            new(National2022, Line(National2022, "published:"), "invalid-date", "error", "'published: 2022-13-01' is not a date", "发布日期“published: 2022-13-01”格式不对"),
            new(Putian, Line(Putian, "kinds: [training"), "malformed-yaml", "error", "malformed YAML", "YAML 格式有误"),
            new(Year2018, Line(Year2018, "them:"), "unknown-field", "error", "unknown field 'them'", "未知字段“them”"),
            new(Longyan, Line(Longyan, "id: performance-excellence-sharing") + 4, "duplicate-activity", "error",
                "activity id 'performance-excellence-sharing' is used twice in this file", "活动 id“performance-excellence-sharing”在本文件中用了两次"),
            new(Press, Line(Press, "notice: 2025/provincal"), "unknown-notice", "error",
                "'notice: 2025/provincal': there is no notice input/2025/notices/provincal.md", "指向的通知不存在"),
        ];

        _english = new(() => Run("check", "--lang", "en"));
        _chinese = new(() => Run("check", "--lang", "zh"));
        _build = new(() => Run("build", "--lang", "en"));
    }

    public TempSite Site { get; } = new();

    public IReadOnlyList<ExpectedProblem> Expected { get; }

    public CheckReport English => _english.Value;

    public CheckReport Chinese => _chinese.Value;

    public CheckReport Build => _build.Value;

    public int Line(string file, string text) => SiteText.LineOf(Site, file, text);

    private CheckReport Run(string command, params string[] options)
    {
        var result = Generator.Run([command, "--root", Site.Root, "--format", "json", .. options]);
        Assert.True(result.ExitCode == 1, $"{command} should exit 1 on these errors, exit {result.ExitCode}:\n{result.All}");
        Assert.True(result.Stderr.Length == 0, $"with --format json, {command} prints nothing but the report:\n{result.Stderr}");
        return CheckReport.Parse(result);
    }

    public void Dispose() => Site.Dispose();
}
