using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// A copy of the real site whose content loads but makes bad pages: links and anchors that lead nowhere, a list
/// item the CSV cannot hold, a photo without its caption, two pages at one address (English's prefix set to
/// <c>cities</c>, which puts its home page on the cities page), a text without its translation and a timing the
/// calendars cannot read. Only rendering the pages finds some of them; check runs once per language, build once.
/// </summary>
public sealed class RenderedProblemSite : IDisposable
{
    public const string Notice2024 = "input/2024/notices/provincial.md";
    public const string Notice2025 = "input/2025/notices/provincial.md";
    public const string Putian = "input/2024/activities/putian.yml";
    public const string MarketRegulation2025 = "input/2025/activities/market-regulation.yml";
    public const string Fuzhou = "input/2024/activities/fuzhou.yml";
    public const string Longyan = "input/2024/activities/longyan.yml";
    public const string Settings = "statiq.json";

    private readonly Lazy<CheckReport> _english, _chinese, _build;

    public RenderedProblemSite()
    {
        Site.Edit(Notice2024, "现将有关事项通知如下：", "现将有关事项通知如下：[口号](/2024/slogan/)");
        Site.Edit(Notice2025, "就开展2025年“质量月”活动通知如下：", "就开展2025年“质量月”活动通知如下：见[第99条口号](/2025/slogans/#slogan-99)。");
        Site.Edit(Putian, "    kinds: [training]\n  - id: quality-brand-salon", "    kinds: [training]\n    partners: [办公室|质量科]\n  - id: quality-brand-salon");
        // The first photo loses its caption and the caption's translation.
        RemoveLine(MarketRegulation2025, "        caption: 示意图：2025年全省");
        RemoveLine(MarketRegulation2025, "        caption_en: 'Illustration: the theme of Fujian");
        Site.Edit(Fuzhou, "    title_en: Hold the \"Voice of Quality\" experience-sharing meeting for chief quality officers\n", "");
        Site.Edit(Longyan, "    kinds: [open-day, publicity]\n", "    kinds: [open-day, publicity]\n    time: 国庆前后\n");
        Site.Edit(Settings, "\"prefix\": \"en\"", "\"prefix\": \"cities\"");

        Expected =
        [
            new(Notice2024, Line(Notice2024, "[口号](/2024/slogan/)"), "broken-link", "error",
                "broken link '/2024/slogan/': no page or file has this address", "链接“/2024/slogan/”无效：没有这个地址的页面或文件"),
            new(Notice2025, Line(Notice2025, "#slogan-99"), "broken-link", "error",
                "broken link '/2025/slogans/#slogan-99': the page /2025/slogans/ has no anchor #slogan-99", "页面 /2025/slogans/ 上没有锚点 #slogan-99"),
            new(Putian, Line(Putian, "- id: supply-chain-quality-training"), "csv-separator", "error",
                "'办公室|质量科' contains '|', which separates the items of partners in activities.csv", "“办公室|质量科”中含有“|”"),
            new(MarketRegulation2025, Line(MarketRegulation2025, "- file: market-regulation/theme-2025.jpg"), "photo-missing-caption", "error",
                "photo input/2025/activities/market-regulation/theme-2025.jpg (activity 'green-product-certification-week') has no caption",
                "照片 input/2025/activities/market-regulation/theme-2025.jpg（活动“green-product-certification-week”）没有说明"),
            new(Settings, 0, "duplicate-url", "error",
                "the prefix 'cities' of language en puts its page /cities/ where another page is (HostIndexPage (zh-Hans))", "语言 en 的网址前缀“cities”使它的页面 /cities/ 与另一个页面"),
            new(Fuzhou, Line(Fuzhou, "- id: voice-of-quality-cqo-exchange"), "missing-translation", "warning",
                $"no English translation yet: 'title_en' (line {Line(Fuzhou, "- id: voice-of-quality-cqo-exchange")})",
                $"以下内容还没有英文译文：第{Line(Fuzhou, "- id: voice-of-quality-cqo-exchange")}行的“title_en”"),
            new(Longyan, Line(Longyan, "time: 国庆前后"), "unknown-timing", "warning",
                "the timing '国庆前后' is not one the calendars understand", "时间“国庆前后”日历无法识别"),
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

    private void RemoveLine(string file, string start)
    {
        var lines = File.ReadAllLines(Site.PathOf(file)).ToList();
        Assert.Equal(1, lines.RemoveAll(l => l.StartsWith(start, StringComparison.Ordinal)));
        File.WriteAllLines(Site.PathOf(file), lines);
    }

    private CheckReport Run(string command, params string[] options)
    {
        var result = Generator.Run([command, "--root", Site.Root, "--format", "json", .. options]);
        Assert.True(result.ExitCode == 1, $"{command} should exit 1 on these errors, exit {result.ExitCode}:\n{result.All}");
        Assert.True(result.Stderr.Length == 0, $"with --format json, {command} prints nothing but the report:\n{result.Stderr}");
        return CheckReport.Parse(result);
    }

    public void Dispose() => Site.Dispose();
}
