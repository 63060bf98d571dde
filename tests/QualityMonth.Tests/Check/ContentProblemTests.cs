using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// Every kind of content error the issue lists, reported by <c>check</c> with its file and line, in English and in
/// Chinese, and by <c>build</c> the same way: one run each reports all of them.
/// </summary>
public class ContentProblemTests(ContentProblemSite site) : IClassFixture<ContentProblemSite>
{
    public static TheoryData<int> Cases => [.. Enumerable.Range(0, 10)];

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
        Assert.NotEqual(english.Message, chinese.Message);
    }

    [Fact]
    public void The_cases_cover_every_problem_made()
    {
        Assert.Equal(site.Expected.Count, Cases.Count);
        Assert.Equal(site.Expected.Count, site.Expected.Select(e => (e.File, e.Line, e.Code)).Distinct().Count());
    }

    [Fact]
    public void Check_and_build_report_the_same_problems_and_nothing_else()
    {
        Assert.Equal("check", site.English.Command);
        Assert.Equal("build", site.Build.Command);
        Assert.Equal(site.English.Facts, site.Build.Facts);
        Assert.Equal(site.English.Problems.Select(p => p.Message).Order(), site.Build.Problems.Select(p => p.Message).Order());
        // The made problems are all there is: no error follows from another (a notice that did not load is not
        // also an unknown source of the slogans and activities that name it).
        Assert.Equal(site.Expected.Select(e => $"{e.File}:{e.Line} {e.Code}").Order(),
            site.English.Problems.Where(p => p.Severity == "error").Select(p => $"{p.File}:{p.Line} {p.Code}").Order());
    }

    [Fact]
    public void The_report_names_its_language_and_counts_and_says_the_pages_were_not_rendered()
    {
        Assert.Equal("en", site.English.Language);
        Assert.Equal("zh-Hans", site.Chinese.Language);
        Assert.Equal(site.Expected.Count, site.English.Errors);
        Assert.Equal(site.English.Problems.Count(p => p.Severity == "warning"), site.English.Warnings);
        Assert.Empty(site.English.Pages);
        Assert.Equal(site.English.Facts, site.Chinese.Facts);
    }

    [Fact]
    public void The_reports_are_valid_against_the_documented_schema() =>
        CheckSchema.AssertValid(site.English, site.Chinese, site.Build);

    [Fact]
    public void The_lines_format_keeps_one_path_line_error_message_code_line_per_problem()
    {
        var result = Generator.Run("check", "--root", site.Site.Root, "--format", "lines");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var expected in site.Expected)
            Assert.Contains(lines, l => l.StartsWith($"{expected.File}:{expected.Line}: error: {expected.English}", StringComparison.Ordinal)
                                        && l.EndsWith($" [{expected.Code}]", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^\S+: (error|warning): .+ \[[a-z0-9-]+\]$", l));
        Assert.Contains($"Checked the content: {site.Expected.Count} error(s)", result.Stdout);
        Assert.Contains("not checked yet", result.Stdout);
    }

    [Fact]
    public void Lines_are_the_default_when_the_output_is_not_a_terminal_and_keep_the_english_keywords_in_chinese()
    {
        var result = Generator.Run("check", "--root", site.Site.Root, "--lang", "zh");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{ContentProblemSite.Fuzhou}:1: error: 城市“fuzou”没有登记", result.Stderr);
        Assert.DoesNotContain("\u001b[", result.All);
        Assert.Contains($"检查了内容：{site.Expected.Count} 个错误", result.Stdout);
    }

    [Fact]
    public void The_human_format_groups_problems_under_their_file_with_line_column_and_code()
    {
        var result = Generator.Run("check", "--root", site.Site.Root, "--format", "human", "--lang", "zh");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.IndexOf(ContentProblemSite.Fuzhou);
        Assert.True(header >= 0, "no header line for the file:\n" + result.Stderr);
        Assert.Matches(@"^  1:1: 错误：城市“fuzou”没有登记.* \[unknown-city\]$", lines[header + 1]);
        // Each file is named once, and every other line is an indented problem of the file above it.
        var headers = lines.Where(l => l.Length > 0 && !l.StartsWith(' ')).ToList();
        Assert.Equal(headers.Distinct().Count(), headers.Count);
        Assert.All(lines.Where(l => l.StartsWith(' ')), l => Assert.Matches(@"^  (\d+(:\d+)?: )?(错误|警告)：.+ \[[a-z0-9-]+\]$", l));
        Assert.DoesNotContain("\u001b[", result.All);
    }
}
