using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

/// <summary>Bad content, built with the real command line: 'path:line: message', exit 1, previous output untouched.</summary>
public class ContentErrorTests
{
    private const string Notice2024 = "input/2024/notices/provincial.md";

    [Fact]
    public void A_notice_without_doc_number_names_the_file_and_line()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "doc_number: 闽质强省办〔2024〕9号\n", "");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Notice2024}:2: error: missing required field 'doc_number'", result.Stderr);
    }

    [Fact]
    public void Malformed_yaml_front_matter_names_the_line_in_the_file()
    {
        using var site = new TempSite();
        var line = LineOf(site, Notice2024, "issuer:");
        site.Edit(Notice2024, "issuer: 福建省", "issuer: [福建省");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"{Notice2024}:({line}|{line + 1}): error: malformed YAML", result.Stderr);
    }

    [Fact]
    public void An_unknown_city_names_the_file_and_line_and_the_known_slugs()
    {
        using var site = new TempSite();
        site.Edit("input/2024/activities/fuzhou.yml", "city: fuzhou", "city: fuzou");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        var line = LineOf(site, "input/2024/activities/fuzhou.yml", "city: fuzou");
        Assert.Contains($"input/2024/activities/fuzhou.yml:{line}: error: unknown city 'fuzou'", result.Stderr);
        Assert.Contains("fuzhou, xiamen", result.Stderr);
    }

    [Fact]
    public void Two_files_claiming_the_same_city_and_year_are_an_error()
    {
        using var site = new TempSite();
        File.Copy(site.PathOf("input/2024/activities/fuzhou.yml"), site.PathOf("input/2024/activities/fuzhou-2.yml"));
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/2024/activities/fuzhou.yml:", result.Stderr);
        Assert.Contains("city 'fuzhou' already has a 2024 activities file (input/2024/activities/fuzhou-2.yml)", result.Stderr);
    }

    [Fact]
    public void A_broken_internal_link_in_markdown_names_the_file_and_line()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "现将有关事项通知如下：", "现将有关事项通知如下：[口号](/2024/slogan/)");
        var line = LineOf(site, Notice2024, "[口号](/2024/slogan/)");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Notice2024}:{line}: error: broken link '/2024/slogan/'", result.Stderr);
    }

    [Fact]
    public void A_link_to_a_missing_anchor_is_an_error_and_a_good_one_is_not()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "现将有关事项通知如下：", "现将有关事项通知如下：见[附件1](#attachment-1)，[口号](/2024/slogans/#slogan-99)");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken link '/2024/slogans/#slogan-99': the page /2024/slogans/ has no anchor #slogan-99", result.Stderr);
        Assert.DoesNotContain("'#attachment-1'", result.Stderr);
    }

    [Fact]
    public void An_unknown_field_is_an_error()
    {
        using var site = new TempSite();
        site.Edit("input/2024/year.yml", "main_notice: provincial", "main_notice: provincial\nthem: 错字");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/2024/year.yml:", result.Stderr);
        Assert.Contains("unknown field 'them'", result.Stderr);
    }

    [Fact]
    public void All_errors_are_reported_not_only_the_first()
    {
        using var site = new TempSite();
        site.Edit("input/2024/activities/fuzhou.yml", "city: fuzhou", "city: fuzou");
        site.Edit("input/2018/year.yml", "main_notice: provincial", "main_notice: provincal");
        var result = Build(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/2018/year.yml:", result.Stderr);
        Assert.Contains("unknown city 'fuzou'", result.Stderr);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_as_it_was()
    {
        using var site = new TempSite();
        Assert.Equal(0, Build(site).ExitCode);
        var before = Snapshot(site.Output);
        site.Edit(Notice2024, "doc_number: 闽质强省办〔2024〕9号\n", "");
        Assert.Equal(1, Build(site).ExitCode);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.GetDirectories(site.Root, ".output.*"));
    }

    [Fact]
    public void A_usage_error_exits_with_2()
    {
        var result = Generator.Run("build", "--no-such-option");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage error", result.Stderr);
        Assert.Equal(2, Generator.Run("build", "--root", "/no/such/folder").ExitCode);
        var previous = Generator.Run("build", "--root", Repo.Root, "--output", "/no/such/output", "--previous", "/no/such/release");
        Assert.Equal(2, previous.ExitCode);
        Assert.Contains("usage error: the previous site folder '/no/such/release' does not exist", previous.Stderr);
        Assert.False(Directory.Exists("/no/such/output"));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        using var site = new TempSite();
        var second = Path.Combine(site.Root, "second");
        Assert.Equal(0, Build(site).ExitCode);
        Assert.Equal(0, Generator.Run("build", "--root", site.Root, "--output", second).ExitCode);
        Assert.Equal(Snapshot(site.Output), Snapshot(second));
    }

    private static Generator.Result Build(TempSite site) => Generator.Run("build", "--root", site.Root);

    private static int LineOf(TempSite site, string file, string text) =>
        File.ReadAllLines(site.PathOf(file)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
