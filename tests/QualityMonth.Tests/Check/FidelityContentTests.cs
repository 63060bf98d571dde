using AngleSharp.Html.Parser;
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

    private const string Fuzhou = "input/2024/activities/fuzhou.yml";

    private static int LineOf(TempSite site, string file, string text) =>
        File.ReadAllLines(site.PathOf(file)).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    /// <summary>Sets (or, with null, removes) the English title of 福州市's launch ceremony, whatever it reads now.</summary>
    private static void SetLaunchCeremonyTitle(TempSite site, string? english)
    {
        var lines = File.ReadAllLines(site.PathOf(Fuzhou)).ToList();
        var at = lines.FindIndex(lines.FindIndex(l => l.Trim() == "- id: launch-ceremony"), l => l.TrimStart().StartsWith("title_en:", StringComparison.Ordinal));
        if (english is null) lines.RemoveAt(at);
        else lines[at] = $"    title_en: {english}";
        File.WriteAllText(site.PathOf(Fuzhou), string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void An_english_text_that_renders_a_glossary_term_another_way_is_a_warning_at_its_line()
    {
        using var site = new TempSite();
        site.Write(Glossary, "terms:\n  - zh: 质量强国\n    en: Quality Powerhouse\n    note: as in the 2025 national theme\n");
        // 福州市's launch ceremony, 共建质量强国, as the review found it translated.
        SetLaunchCeremonyTitle(site, "Hold the launch ceremony, themed \"Build a Quality Country Together\"");
        var result = Check(site);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"{Fuzhou}:{LineOf(site, Fuzhou, "Build a Quality Country Together")}: warning: the Chinese has the term '质量强国' but the English does not use its rendering 'Quality Powerhouse' from {Glossary}", result.Stderr);
        // A translation that uses the rendering, in any case, is not reported.
        SetLaunchCeremonyTitle(site, "Hold the launch ceremony, themed \"build a quality powerhouse together\"");
        Assert.DoesNotContain(Check(site).Stderr.Split('\n'), l => l.StartsWith(Fuzhou, StringComparison.Ordinal) && l.Contains("[glossary-term]", StringComparison.Ordinal));
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
    public void A_translated_attachment_that_repeats_its_english_title_is_an_error_at_the_translations_line()
    {
        using var site = new TempSite();
        const string translation = "input/2018/notices/national.en.md";
        // The English page prints title_en above the English text, as the Chinese page prints title above the Chinese.
        site.Edit(translation, "# 附件1\n\n", "# 附件1\n\n**Main activities of the organising bodies of the 2018 National \"Quality Month\"**\n\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{translation}:{LineOf(site, translation, "# 附件1")}: error: the first paragraph after '# 附件1' repeats the attachment's title", result.Stderr);
        Assert.DoesNotContain("input/2018/notices/national.md:", result.Stderr);
    }

    [Fact]
    public void A_body_signing_twice_or_signatories_without_a_signature_block_are_errors_at_their_line()
    {
        using var site = new TempSite();
        const string national = "input/2018/notices/national.md";
        // As the conversion left it: 人力资源和社会保障部 a second time.
        site.Edit(national, "  - 公安部\n", "  - 公安部\n  - 人力资源和社会保障部\n");
        site.Edit(national, "  - 'Ministry of Public Security'\n", "  - 'Ministry of Public Security'\n  - 'Ministry of Human Resources and Social Security'\n");
        const string provincial = "input/2025/notices/provincial.md";
        site.Edit(provincial, "signature: 无\n", "signature: 无\nsignatories: [福建省市场监管局]\n");
        var result = Check(site);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{national}:{LineOf(site, national, "signatories:")}: error: '人力资源和社会保障部' appears more than once in 'signatories'", result.Stderr);
        Assert.Contains($"{provincial}:{LineOf(site, provincial, "signatories:")}: error: 'signatories' (the bodies the signature block prints) and 'signature: 无'", result.Stderr);
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

    [Fact]
    public void An_english_page_marks_each_untranslated_field_visibly()
    {
        using var site = new TempSite();
        // 福州市's launch ceremony without its English title: the English page shows the Chinese, and says so.
        SetLaunchCeremonyTitle(site, null);
        var built = Generator.Run("build", "--root", site.Root);
        Assert.True(built.ExitCode == 0, built.All);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "en/activities/2024/fuzhou/launch-ceremony/index.html")));
        var heading = page.QuerySelector("main h1")!;
        Assert.Equal("zh-Hans", heading.QuerySelector("span[lang]")!.GetAttribute("lang"));
        Assert.Equal("举办“加强质量支撑 共建质量强国”2024年福州“质量月”启动仪式 (Chinese; not yet translated)", heading.TextContent.Trim());
        // A translated field carries no mark, and the Chinese page none at all.
        Assert.DoesNotContain("not yet translated", page.QuerySelector(".activity-facts")!.TextContent);
        var chinese = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "activities/2024/fuzhou/launch-ceremony/index.html")));
        Assert.Null(chinese.QuerySelector(".untranslated-mark"));
    }
}
