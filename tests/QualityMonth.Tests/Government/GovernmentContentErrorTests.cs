using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Government;

/// <summary>Bad disclosure metadata and press contacts, checked by the real command line: 'path:line: error: …', exit 1.</summary>
public class GovernmentContentErrorTests
{
    private const string Press = "input/site/press.yml";
    private const string Notice2024 = "input/2024/notices/provincial.md";

    [Fact]
    public void A_publication_date_that_is_not_a_date_names_the_notice_and_line()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "date: 2024-08-14\n", "date: 2024-08-14\npublished: 2024-08-32\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Notice2024}:{LineOf(site, Notice2024, "published:")}: error: 'published: 2024-08-32' is not a date", result.Stderr);
    }

    [Fact]
    public void A_publication_date_before_the_document_was_written_is_an_error()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "date: 2024-08-14\n", "date: 2024-08-14\npublished: 2024-08-13 09:00\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Notice2024}:{LineOf(site, Notice2024, "published:")}: error: 'published: 2024-08-13' is before the date the document was written", result.Stderr);
    }

    [Fact]
    public void Index_number_publication_date_and_subject_are_accepted()
    {
        using var site = new TempSite();
        site.Edit(Notice2024, "date: 2024-08-14\n", "date: 2024-08-14\npublished: 2024-08-20 16:30\nindex_number: FJ00100-0400-2024-00012\nsubject: 质量监督\nsubject_en: Quality supervision\n");
        var result = Check(site);
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void A_press_contact_value_the_notice_does_not_print_is_an_error()
    {
        using var site = new TempSite();
        site.Edit(Press, "phone: [0591-87580701]", "phone: [0591-87580702]");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Press}:{LineOf(site, Press, "phone: [0591-87580702]")}: error: '0591-87580702' is not printed in input/2025/notices/provincial.md", result.Stderr);
    }

    [Fact]
    public void A_press_contact_of_an_unknown_notice_or_without_its_purpose_is_an_error()
    {
        using var site = new TempSite();
        site.Edit(Press, "notice: 2025/provincial", "notice: 2025/provincal");
        site.Edit(Press, "  about: 报送全国“质量月”活动情况、典型案例、图片及视频\n", "");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Press}:{LineOf(site, Press, "notice: 2025/provincal")}: error: 'notice: 2025/provincal': there is no notice input/2025/notices/provincal.md", result.Stderr);
        Assert.Contains($"{Press}:{LineOf(site, Press, "notice: 2022/national")}: error: missing required field 'about'", result.Stderr);
    }

    [Fact]
    public void A_subject_setting_without_chinese_is_an_error_naming_the_key()
    {
        using var site = new TempSite();
        site.Edit("statiq.json", "\"subject\": { \"zh-Hans\": \"市场监管、安全生产监管\",", "\"subject\": {");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("statiq.json:", result.Stderr);
        Assert.Contains("'subject': needs a \"zh-Hans\" text", result.Stderr);
    }

    private static Generator.Result Check(TempSite site) => Generator.Run("check", "--root", site.Root);

    private static int LineOf(TempSite site, string file, string text) =>
        File.ReadAllLines(site.PathOf(file)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
