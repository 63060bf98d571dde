using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// What only the rendered pages and the file generators show — links, anchors, a CSV list item, two pages at one
/// address — and the photo rules and translation warnings: check finds them as build does, in both languages.
/// </summary>
public class RenderedProblemTests(RenderedProblemSite site) : IClassFixture<RenderedProblemSite>
{
    public static TheoryData<int> Cases => [.. Enumerable.Range(0, 7)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_is_reported_at_its_file_and_line_in_english_and_in_chinese(int index)
    {
        var expected = site.Expected[index];
        var english = site.English.At(expected.File, expected.Line, expected.Code);
        Assert.Equal(expected.Severity, english.Severity);
        Assert.Contains(expected.English, english.Message);
        var chinese = site.Chinese.At(expected.File, expected.Line, expected.Code);
        Assert.Equal(expected.Severity, chinese.Severity);
        Assert.Contains(expected.Chinese, chinese.Message);
    }

    [Fact]
    public void The_cases_cover_every_problem_made()
    {
        Assert.Equal(site.Expected.Count, Cases.Count);
        Assert.Equal(site.Expected.Count, site.Expected.Select(e => (e.File, e.Line, e.Code)).Distinct().Count());
    }

    [Fact]
    public void The_reports_are_valid_against_the_documented_schema() =>
        CheckSchema.AssertValid(site.English, site.Chinese, site.Build);

    [Fact]
    public void A_link_in_markdown_is_reported_at_its_column_too()
    {
        var column = File.ReadAllLines(site.Site.PathOf(RenderedProblemSite.Notice2024))[site.Expected[0].Line - 1].IndexOf("[口号](/2024/slogan/)", StringComparison.Ordinal) + 1;
        Assert.Equal(column, site.English.At(RenderedProblemSite.Notice2024, site.Expected[0].Line, "broken-link").Column);
    }

    [Fact]
    public void Check_renders_every_page_and_reports_what_build_reports()
    {
        Assert.Equal(site.English.Facts, site.Build.Facts);
        Assert.Equal(site.English.Problems.Select(p => p.Message).Order(), site.Build.Problems.Select(p => p.Message).Order());
        Assert.Equal(site.Expected.Count(e => e.Severity == "error"), site.English.Errors);
        // Every page was rendered and link-checked, in both languages (the English home page lost to the clash).
        Assert.Equal(site.English.Pages["zh-Hans"] - 1, site.English.Pages["en"]);
        Assert.True(site.English.Pages["zh-Hans"] > 200, "the pages were not all rendered");
        Assert.Equal(2, site.English.Photos);
    }

    [Fact]
    public void The_untranslated_texts_the_warnings_name_are_those_the_coverage_counts()
    {
        var coverage = Assert.Single(site.English.Coverage.EnumerateArray());
        Assert.Equal("en", coverage.GetProperty("language").GetString());
        var untranslated = coverage.GetProperty("total").GetInt32() - coverage.GetProperty("translated").GetInt32();
        // Each warning names its fields with their lines ('description_en' (lines 4, 12)) or a notice's text file.
        var named = site.English.Problems.Where(p => p.Code == "missing-translation")
            .Sum(p => System.Text.RegularExpressions.Regex.Matches(p.Message, @"\d+(?=[,)])").Count
                      + System.Text.RegularExpressions.Regex.Matches(p.Message, @"the text \(its translation goes in").Count);
        Assert.Equal(untranslated, named);
        var titles = coverage.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "activity-titles");
        Assert.Equal(titles.GetProperty("total").GetInt32() - 1, titles.GetProperty("translated").GetInt32());
    }
}
