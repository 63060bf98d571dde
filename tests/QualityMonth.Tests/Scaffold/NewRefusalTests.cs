namespace QualityMonth.Tests.Scaffold;

/// <summary>
/// What <c>new</c> refuses (exit 1) and what it cannot parse (exit 2): a clear message in both languages,
/// and not one file of the site changed, created or removed. The cases share one site: each checks
/// that it left the site exactly as it found it.
/// </summary>
public sealed class NewRefusalTests(ScaffoldSite shared) : IClassFixture<ScaffoldSite>
{
    [Theory]
    [InlineData("input/2024/ already exists", "year", "2024")]
    [InlineData("input/2024/notices/provincial.md already exists", "notice", "2024", "provincial")]
    [InlineData("there is no year 2030 (input/2030/): create it first with ./build.sh new year 2030", "notice", "2030", "plan")]
    [InlineData("unknown city 'fuzou': input/site/cities.yml lists fuzhou, xiamen,", "activities", "2024", "--city", "fuzou")]
    [InlineData("unknown organiser 'police': input/site/organisers.yml lists market-regulation,", "activities", "2024", "--organiser", "police")]
    [InlineData("input/2024/activities/fuzhou.yml already exists", "activities", "2024", "--city", "fuzhou")]
    [InlineData("input/2024/activities/fuzhou.yml already has an activity with the id 'launch-ceremony'", "activity", "2024", "fuzhou", "launch-ceremony")]
    [InlineData("unknown city or organiser 'fuzou': the cities are fuzhou,", "activity", "2024", "fuzou", "fair")]
    [InlineData("yongan has no 2024 activities file yet: create it first with ./build.sh new activities 2024 --city yongan", "activity", "2024", "yongan", "fair")]
    public void A_refused_command_exits_1_says_why_in_both_languages_and_changes_nothing(string reason, params string[] args)
    {
        var before = shared.Listing();
        var result = shared.New(args);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"refused: {reason}", result.Stderr);
        Assert.Contains("未执行：", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Equal(before, shared.Listing());
    }

    [Fact]
    public void A_file_in_the_way_with_another_name_is_refused_too()
    {
        using var site = new ScaffoldSite();
        File.Move(site.PathOf("input/2024/activities/fuzhou.yml"), site.PathOf("input/2024/activities/fuzhou-city.yml"));
        var before = site.Listing();
        var result = site.New("activities", "2024", "--city", "fuzhou");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused: input/2024/activities/fuzhou-city.yml already holds the 2024 activities of fuzhou", result.Stderr);
        Assert.Equal(before, site.Listing());
    }

    [Fact]
    public void A_missing_template_is_named_and_nothing_is_created()
    {
        using var site = new ScaffoldSite();
        File.Delete(site.PathOf("theme/scaffolds/slogans.yml"));
        var before = site.Listing();
        var result = site.New("year", "2026");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused: the template theme/scaffolds/slogans.yml is missing", result.Stderr);
        Assert.Equal(before, site.Listing());
    }

    [Fact]
    public void A_template_slot_the_command_cannot_fill_is_named_with_its_line()
    {
        using var site = new ScaffoldSite();
        File.AppendAllText(site.PathOf("theme/scaffolds/notice.md"), "签发人：{{signer}}\n");
        var line = File.ReadAllLines(site.PathOf("theme/scaffolds/notice.md")).Length;
        var before = site.Listing();
        var result = site.New("notice", "2024", "plan");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"refused: theme/scaffolds/notice.md:{line}: the template's {{{{signer}}}} has no value", result.Stderr);
        Assert.Equal(before, site.Listing());
    }

    [Theory]
    [InlineData("the year must be four digits, e.g. 2026, not '26'", "year", "26")]
    [InlineData("the year must be four digits, e.g. 2026, not '二〇二六'", "notice", "二〇二六", "plan")]
    [InlineData("slug 'Work_Plan' must be lowercase ASCII letters, digits and hyphens", "notice", "2024", "Work_Plan")]
    [InlineData("id 'Launch Ceremony' must be lowercase ASCII letters, digits and hyphens", "activity", "2024", "fuzhou", "Launch Ceremony")]
    [InlineData("--city '福州' must be lowercase ASCII letters, digits and hyphens", "activities", "2024", "--city", "福州")]
    [InlineData("give exactly one of --city <slug> or --organiser <slug>", "activities", "2024")]
    [InlineData("give exactly one of --city <slug> or --organiser <slug>", "activities", "2024", "--city", "fuzhou", "--organiser", "transport")]
    [InlineData("Required command was not provided", "year-2026")]
    public void A_usage_error_exits_2_and_changes_nothing(string message, params string[] args)
    {
        var before = shared.Listing();
        var result = shared.New(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Equal(before, shared.Listing());
    }
}
