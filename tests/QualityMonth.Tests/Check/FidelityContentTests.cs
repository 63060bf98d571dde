using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// The content rules that keep the site to the documents (issue 14), by the real command line on a scratch copy of
/// the real input: the glossary's warnings, a host list's numbers, a repeated attachment title, a contact's unit.
/// </summary>
public class FidelityContentTests
{
    private const string Glossary = "input/site/glossary.yml";

    private static Generator.Result Check(TempSite site) => Generator.Run("check", "--root", site.Root);

    private static int LineOf(TempSite site, string file, string text) =>
        File.ReadAllLines(site.PathOf(file)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void An_english_text_that_renders_a_glossary_term_another_way_is_a_warning_at_its_line()
    {
        using var site = new TempSite();
        site.Write(Glossary, "terms:\n  - zh: 质量强国\n    en: Quality Powerhouse\n    note: as in the 2025 national theme\n");
        // 福州市's launch ceremony: 共建质量强国, translated "Build a Quality Country Together".
        const string fuzhou = "input/2024/activities/fuzhou.yml";
        var result = Check(site);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"{fuzhou}:{LineOf(site, fuzhou, "Build a Quality Country Together")}: warning: the Chinese has the term '质量强国' but the English does not use its rendering 'Quality Powerhouse' from {Glossary}", result.Stderr);
        // A translation that uses the rendering, in any case, is not reported.
        site.Edit(fuzhou, "Build a Quality Country Together", "build a quality powerhouse together");
        Assert.DoesNotContain(Check(site).Stderr.Split('\n'), l => l.StartsWith(fuzhou, StringComparison.Ordinal) && l.Contains("[glossary-term]", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_glossary_there_are_no_glossary_warnings()
    {
        using var site = new TempSite();
        File.Delete(site.PathOf(Glossary));
        var result = Check(site);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.DoesNotContain("[glossary-term]", result.Stderr);
    }

    [Fact]
    public void A_glossary_term_twice_or_without_its_rendering_is_an_error_at_its_line()
    {
        using var site = new TempSite();
        site.Write(Glossary, "terms:\n  - zh: 质量强省\n    en: Quality Province\n  - zh: 质量强省\n    en: Strong Quality Province\n  - zh: 质量月\n    note: no rendering\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Glossary}:4: error: the term '质量强省' is in the glossary twice (first on line 2)", result.Stderr);
        Assert.Contains($"{Glossary}:6: error: missing required field 'en'", result.Stderr);
    }

    [Fact]
    public void Hosts_of_one_attachment_without_their_numbers_or_with_one_twice_are_errors()
    {
        using var site = new TempSite();
        site.Edit("input/2018/activities/xiamen.yml", ", number: 2 }", " }");
        site.Edit("input/2018/activities/quanzhou.yml", "number: 3", "number: 1");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("input/2018/activities/xiamen.yml:1: error: attachment 3 of 'provincial' lists several hosts: give each activities file the host's number", result.Stderr);
        Assert.Contains("input/2018/activities/quanzhou.yml:1: error: number 1 in attachment 3 of 'provincial' is already input/2018/activities/fuzhou.yml's", result.Stderr);
    }

    [Fact]
    public void A_text_attachment_that_repeats_its_title_is_an_error()
    {
        using var site = new TempSite();
        const string national = "input/2018/notices/national.md";
        site.Edit(national, "# 附件1\n\n", "# 附件1\n\n**2018年全国“质量月”主办单位开展的主要活动**\n\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{national}:{LineOf(site, national, "# 附件1")}: error: the first paragraph after '# 附件1' repeats the attachment's title", result.Stderr);
    }

    [Fact]
    public void A_unit_the_notice_does_not_print_with_the_contact_is_an_error()
    {
        using var site = new TempSite();
        const string press = "input/site/press.yml";
        // 002 prints 省质量强省工作联席会议办公室 as where to send reports, not as 李海平's unit.
        site.Edit(press, "- notice: 2018/provincial\n", "- notice: 2018/provincial\n  unit: 省质量强省工作联席会议办公室\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{press}:{LineOf(site, press, "unit: 省质量强省工作联席会议办公室")}: error: '省质量强省工作联席会议办公室' is printed in the notice, but not in the paragraph that gives '李海平'", result.Stderr);
    }
}
