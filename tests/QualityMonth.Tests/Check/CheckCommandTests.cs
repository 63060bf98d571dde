using System.Text.Json.Nodes;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>check on the real site: warnings only (exit 0), nothing written, no image made; usage errors exit 2.</summary>
public class CheckCommandTests
{
    [Fact]
    public void The_real_site_checks_with_warnings_only_writes_nothing_and_makes_no_image()
    {
        using var site = new TempSite();
        var cache = site.PathOf(".cache");
        if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);

        var result = Generator.Run("check", "--root", site.Root, "--format", "json");
        Assert.True(result.ExitCode == 0, result.All);
        var report = CheckReport.Parse(result);
        Assert.Equal(0, report.Errors);
        Assert.True(report.Warnings > 0, "the real site has an incomplete footer");
        Assert.All(report.Problems, p => Assert.Equal("warning", p.Severity));
        Assert.DoesNotContain(report.Problems, p => p.Code == "missing-translation");
        Assert.Contains(report.Problems, p => p.Code == "footer-incomplete" && p.File == "statiq.json");
        Assert.Equal(["zh-Hans", "en"], report.Pages.Keys);
        CheckSchema.AssertValid(report);

        Assert.False(Directory.Exists(site.Output), "check wrote an output folder");
        Assert.False(Directory.Exists(cache), "check made images into the cache");
    }

    [Fact]
    public void Timings_are_printed_step_by_step_with_the_timings_switch_only()
    {
        var plain = Generator.Run("check", "--root", Repo.Root);
        Assert.True(plain.ExitCode == 0, plain.All);
        Assert.DoesNotContain("timing ", plain.All);

        var timed = Generator.Run("check", "--root", Repo.Root, "--timings");
        Assert.True(timed.ExitCode == 0, timed.All);
        var steps = timed.Stderr.Split('\n').Where(l => l.StartsWith("timing ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["load", "warnings", "photos", "RobotsTxt", "ActivityData", "ActivityCalendars", "AtomFeeds", "Sitemap", "ShareImages", "render"], steps);
        Assert.Contains("[timings] total", timed.Stderr);
    }

    [Fact]
    public void The_schema_validator_rejects_a_report_that_breaks_it()
    {
        var valid = """
            { "command": "check", "language": "en", "errors": 1, "warnings": 0, "pages": {}, "photos": 0,
              "files": [ { "file": "statiq.json", "diagnostics": [ { "line": 3, "column": null, "severity": "error", "code": "invalid-setting", "message": "m" } ] } ],
              "coverage": [] }
            """;
        Assert.Equal(0, Validate(valid).ExitCode);
        var badCode = JsonNode.Parse(valid)!;
        badCode["files"]![0]!["diagnostics"]![0]!["code"] = "Invalid Setting";
        Assert.NotEqual(0, Validate(badCode.ToJsonString()).ExitCode);
        var noLine = JsonNode.Parse(valid)!;
        noLine["files"]![0]!["diagnostics"]![0]!.AsObject().Remove("line");
        Assert.NotEqual(0, Validate(noLine.ToJsonString()).ExitCode);
        var badSeverity = JsonNode.Parse(valid)!;
        badSeverity["files"]![0]!["diagnostics"]![0]!["severity"] = "fatal";
        Assert.NotEqual(0, Validate(badSeverity.ToJsonString()).ExitCode);
    }

    [Theory]
    [InlineData("--lang", "fr")]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option", "x")]
    public void A_usage_error_exits_with_2(string option, string value)
    {
        var result = Generator.Run("check", "--root", Repo.Root, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage error", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void A_missing_site_folder_is_a_usage_error_in_the_chosen_language()
    {
        var english = Generator.Run("check", "--root", "/no/such/site");
        Assert.Equal(2, english.ExitCode);
        Assert.Contains("usage error: the site folder '/no/such/site' does not exist", english.Stderr);
        var chinese = Generator.Run("check", "--root", "/no/such/site", "--lang", "zh");
        Assert.Equal(2, chinese.ExitCode);
        Assert.Contains("用法错误：网站文件夹“/no/such/site”不存在", chinese.Stderr);
    }

    private static ExternalTool.Result Validate(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qm-report-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, json);
            return ExternalTool.Node("Data/Tools/validate-json.mjs", CheckSchema.File, file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
