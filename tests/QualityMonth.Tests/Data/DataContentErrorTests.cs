using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>Content the data files cannot carry stops the build with the file and line to fix.</summary>
public sealed class DataContentErrorTests
{
    [Fact]
    public void A_list_item_with_the_csv_list_separator_is_an_error_at_its_line()
    {
        using var site = new TempSite();
        site.Edit("input/2023/activities/yongan.yml", "partners: [办公室]", "partners: [办公室|质量科]");
        var result = Generator.Run("build", "--root", site.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"input/2023/activities/yongan\.yml:\d+: error: '办公室\|质量科' contains '\|', which separates the items of partners in activities\.csv", result.Stderr);
    }
}
