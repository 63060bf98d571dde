using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Scaffold;

/// <summary>Any content still holding 【待填写】 in a value or a notice's text fails check and build, each named with its line.</summary>
public sealed partial class PlaceholderCheckTests
{
    private const string Notice2024 = "input/2024/notices/provincial.md";

    [Fact]
    public void A_placeholder_fails_the_build_with_its_line_and_the_output_is_not_written()
    {
        using var site = new TempSite();
        site.Edit("input/2024/year.yml", "theme: 加强质量支撑 共建质量强省", "theme: 【待填写】");
        var result = Generator.Run("build", "--root", site.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/2024/year.yml:2: error: 'theme' still holds the placeholder 【待填写】 left by 'new': write the real value in its place", result.Stderr);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_placeholder_line_gets_one_error_and_the_file_s_other_errors_are_still_reported()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "date: 2024-08-14", "date: 【待填写】");
        site.Edit(Notice2024, "disclosure: 此件主动公开", "disclosure: 此件主动公开\npublished: 昨天");
        site.Edit(Notice2024, "现将有关事项通知如下：", "现将有关事项通知如下：【待填写】");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        var lines = File.ReadAllLines(site.PathOf(Notice2024));
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        Assert.Equal(
            [$"{Notice2024}:{LineOf("date: 【待填写】")}", $"{Notice2024}:{LineOf("published: 昨天")}", $"{Notice2024}:{LineOf("通知如下：【待填写】")}"],
            ScaffoldSite.ErrorLines(result.Stderr));
        Assert.Contains($"{Notice2024}:{LineOf("通知如下：【待填写】")}: error: the text still holds the placeholder 【待填写】", result.Stderr);
        Assert.DoesNotContain("is not a date: write it as YYYY-MM-DD (2024-08-14)", result.Stderr);
        Assert.Contains("'published: 昨天' is not a date", result.Stderr);
    }

    [Fact]
    public void A_placeholder_in_a_comment_or_in_a_translation_s_text_is_found_where_it_matters()
    {
        using var site = new TempSite();
        site.Edit("input/2024/year.yml", "main_notice: provincial", "main_notice: provincial\n# theme_en: 【待填写】   # optional, commented out");
        site.Write("input/2024/notices/provincial.en.md", "The addressees.\n\n【待填写】\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["input/2024/notices/provincial.en.md:3"], ScaffoldSite.ErrorLines(result.Stderr));
    }

    [Fact]
    public void Each_content_file_is_opened_once_the_placeholder_check_scanning_the_text_the_loader_read()
    {
        using var site = new TempSite();
        site.Edit("input/2024/year.yml", "theme: 加强质量支撑 共建质量强省", "theme: 【待填写】");
        var log = site.PathOf("opened.log");
        // strace records every file the check opens (--seccomp-bpf: its other system calls run untraced).
        using var check = Command.Start("strace", site.Root, Generator.EnglishLocale,
            "--seccomp-bpf", "-f", "-qq", "-e", "signal=none", "-e", "trace=open,openat,openat2", "-s", "4096", "-o", log,
            "--", "dotnet", Generator.Dll, "check", "--root", site.Root);
        var result = check.Wait(TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("input/2024/year.yml:2: error: 'theme' still holds the placeholder 【待填写】", result.Output);
        var opened = File.ReadLines(log).Select(line => OpenedFile().Match(line)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToList();
        var contentFiles = Directory.GetFiles(site.PathOf("input"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".md" or ".yml").ToList();
        Assert.True(contentFiles.Count > 20, string.Join(", ", contentFiles));
        Assert.All(contentFiles, file => Assert.True(opened.Count(o => o == file) == 1,
            $"{Path.GetRelativePath(site.Root, file)} was opened {opened.Count(o => o == file)} times"));
    }

    /// <summary>An open in strace's log: <c>openat(AT_FDCWD, "/…/year.yml", O_RDONLY|O_CLOEXEC) = 31</c> (the files exist).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""open(?:at2?)?\((?:AT_FDCWD, )?"(?<path>[^"]+)",""")]
    private static partial System.Text.RegularExpressions.Regex OpenedFile();

    private static Generator.Result Check(TempSite site) => Generator.Run("check", "--root", site.Root);
}
