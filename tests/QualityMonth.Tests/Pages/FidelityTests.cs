using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>
/// What the site adds around the documents says no more than they do (issue 14): lists in the documents' order
/// with their numbering, dates no more precise than the documents, letterheads and signature blocks only where
/// printed, no "not stated" where nothing need be said. Each expected value is read from ../shared/seeds.
/// </summary>
public class FidelityTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private IReadOnlyList<string> HostHeadings(string page, int attachment) =>
        site.Page(page).QuerySelectorAll($"#attachment-{attachment} h3").Select(h => Squeezed(h.TextContent)).ToList();

    [Fact]
    public void The_2024_notice_lists_the_hosts_of_attachment_3_in_the_documents_order_with_its_numbers()
    {
        // 000: 附件3 一、福州市 … 十、平潭综合实验区.
        Assert.Equal(["一、福州市", "二、厦门市", "三、漳州市", "四、泉州市", "五、三明市", "六、莆田市", "七、南平市", "八、宁德市", "九、龙岩市", "十、平潭综合实验区"],
            HostHeadings("2024/notices/provincial/", 3));
        // 附件2 一、省市场监管局 … 十二、省工商联.
        Assert.Equal(["一、省市场监管局", "二、省高院", "三、省自然资源厅", "四、省住建厅", "五、省交通运输厅", "六、省农业农村厅", "七、省商务厅",
                "八、省文旅厅", "九、省卫健委", "十、省应急厅", "十一、厦门海关", "十二、省工商联"],
            HostHeadings("2024/notices/provincial/", 2));
        Assert.Equal("1.Fuzhou", HostHeadings("en/2024/notices/provincial/", 3)[0]);
    }

    [Fact]
    public void The_2018_notice_lists_its_three_cities_in_the_documents_order()
    {
        // 002: 附件3 一、福州市 二、厦门市 三、泉州市 (by file name it would be fuzhou, quanzhou, xiamen).
        Assert.Equal(["一、福州市", "二、厦门市", "三、泉州市"], HostHeadings("2018/notices/provincial/", 3));
    }

    [Fact]
    public void A_timing_row_appears_only_where_the_document_has_a_timing_column()
    {
        // 000's attachments give no timing; 004's 附件2 has a 时间安排 column.
        var provincial = site.Page("2024/notices/provincial/");
        Assert.DoesNotContain(provincial.QuerySelectorAll(".activity-meta dt"), dt => dt.TextContent == "时间安排");
        Assert.DoesNotContain("时间安排", provincial.QuerySelector("#attachment-3")!.TextContent);
        var yongan = site.Page("2023/notices/yongan/");
        Assert.Equal(12, yongan.QuerySelectorAll("#attachment-2 .activity-meta dt").Count(dt => dt.TextContent == "时间安排"));
    }

    private JsonElement Event(string page)
    {
        var scripts = site.Page(page).QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement);
        return Assert.Single(scripts, s => s.TryGetProperty("@type", out var type) && type.GetString() == "Event");
    }

    [Fact]
    public void The_json_ld_of_a_mid_month_activity_gives_the_month_and_says_mid_month()
    {
        // 004: 2023年中国公平竞争政策宣传周活动, 时间安排 9月中旬: not 11–20 September.
        var item = Event("activities/2023/yongan/fair-competition-week/");
        Assert.Equal("2023-09", item.GetProperty("startDate").GetString());
        Assert.Equal("2023-09", item.GetProperty("endDate").GetString());
        Assert.Contains("2023年9月中旬", item.GetProperty("description").GetString());
        var page = site.Page("activities/2023/yongan/fair-competition-week/");
        Assert.DoesNotContain("11日", page.QuerySelector(".activity-facts")!.TextContent);
        Assert.Equal("2023-09", page.QuerySelector(".activity-facts time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void The_json_ld_of_an_undated_activity_has_no_dates_and_says_so()
    {
        // 000: 附件3 gives no timing for 福州市's launch ceremony.
        var item = Event("activities/2024/fuzhou/launch-ceremony/");
        Assert.False(item.TryGetProperty("startDate", out _), "an undated activity got a start date");
        Assert.False(item.TryGetProperty("endDate", out _), "an undated activity got an end date");
        Assert.Contains("文件未写明时间", item.GetProperty("description").GetString());
        var facts = site.Page("activities/2024/fuzhou/launch-ceremony/").QuerySelector(".activity-facts")!;
        Assert.Contains("文件未写明时间", facts.TextContent);
        Assert.DoesNotContain("2024年9月", facts.TextContent.Split("日历")[0]);
        Assert.Empty(facts.QuerySelectorAll("time"));
    }

    private XElement AtomEntry(string feed, string activityPath) =>
        XDocument.Load(Path.Combine(site.Output, feed)).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value.EndsWith(activityPath, StringComparison.Ordinal));

    [Fact]
    public void Atom_entries_carry_the_documents_dates_and_say_when_a_time_is_assumed()
    {
        // 003 (2025) is not dated: Atom requires an updated time, so the entry says it is assumed and gives no published time.
        var undated = AtomEntry("feeds/activities.atom", "/activities/2025/market-regulation/green-product-certification-week/");
        Assert.Null(undated.Element(Atom + "published"));
        Assert.Contains("并非文件日期", undated.Element(Atom + "summary")!.Value);
        var english = AtomEntry("en/feeds/activities.atom", "/activities/2025/market-regulation/green-product-certification-week/");
        Assert.Contains("not a date of the document", english.Element(Atom + "summary")!.Value);
        // 004 is dated 2023-09-13; its 9月中旬 activity is said to be mid-month, not given days.
        var midMonth = AtomEntry("feeds/activities.atom", "/activities/2023/yongan/fair-competition-week/");
        Assert.StartsWith("2023-09-13", midMonth.Element(Atom + "published")!.Value);
        Assert.Contains("2023年9月中旬", midMonth.Element(Atom + "summary")!.Value);
        Assert.DoesNotContain("并非文件日期", midMonth.Element(Atom + "summary")!.Value);
        // The forwarded national notice of 2022 has no date of its own.
        var national = AtomEntry("feeds/notices.atom", "/2022/notices/national/");
        Assert.Null(national.Element(Atom + "published"));
        Assert.Contains("并非文件日期", national.Element(Atom + "summary")!.Value);
    }

    [Fact]
    public void Letterheads_and_signature_blocks_appear_only_where_the_document_prints_them()
    {
        // 000 has the letterhead 福建省质量强省工作领导小组办公室文件 and a signature block with its date.
        var dated = site.Page("2024/notices/provincial/");
        Assert.Equal("福建省质量强省工作领导小组办公室文件", dated.QuerySelector(".issuer-banner")!.TextContent.Trim());
        Assert.Contains("2024年8月14日", dated.QuerySelector("footer.signature")!.TextContent);
        // 003 (2025) has neither letterhead nor signature block: only (此件主动公开).
        var unsigned = site.Page("2025/notices/provincial/");
        Assert.Null(unsigned.QuerySelector(".issuer-banner"));
        Assert.Equal("（此件主动公开）", Squeezed(unsigned.QuerySelector("footer.signature")!.TextContent));
        // 002 (2018) is signed but has no letterhead.
        var signed = site.Page("2018/notices/provincial/");
        Assert.Null(signed.QuerySelector(".issuer-banner"));
        Assert.Contains("2018年8月29日", signed.QuerySelector("footer.signature")!.TextContent);
        // A signature without a date prints no "not stated" line.
        Assert.DoesNotContain("原文未标注", site.Page("2022/notices/national/").QuerySelector("footer.signature")!.TextContent);
    }

    /// <summary>2023's theme is Yong'an's own (004): the year page and its description say whose it is, as the home page does.</summary>
    [Fact]
    public void A_years_theme_names_the_body_whose_notice_gives_it()
    {
        var page = site.Page("2023/");
        Assert.Equal("永安市市场监督管理局·2023年9月13日", Squeezed(page.QuerySelector("main .theme-source")!.TextContent));
        Assert.Equal("永安市市场监督管理局2023年“质量月”活动主题：增强质量意识 推进高质量发展。",
            page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        var english = site.Page("en/2023/");
        Assert.Equal("Quality Month 2023 as Yong'an Administration for Market Regulation announces it, themed \"Enhance Quality Awareness, Promote High-Quality Development\".",
            english.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        // The undated 2025 notice: its issuer alone, no date.
        Assert.Equal("福建省市场监管局", Squeezed(site.Page("2025/").QuerySelector("main .theme-source")!.TextContent));
    }

    private IReadOnlyList<string> Signatories(string page) =>
        site.Page(page).QuerySelectorAll("footer.signature .signatories li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The glossary's renderings (input/site/glossary.yml), as the English signature blocks must give them.</summary>
    private static Dictionary<string, string> Glossary() =>
        Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, "input/site/glossary.yml")), @"zh: ""([^""]+)"", en: ""([^""]+)""")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [Fact]
    public void Joint_national_notices_are_signed_by_the_bodies_the_documents_print_in_their_order()
    {
        // 001 prints, after the national notice's attachment list and before (此件公开发布), these bodies, one to a line.
        string[] printed2022 = ["科技部", "工业和信息化部", "公安部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
            "农业农村部", "商务部", "文化和旅游部", "国家卫生健康委"];
        // 002 prints the 2018 national notice's bodies in two columns, read line by line; the three names the conversion
        // repeated (人力资源和社会保障部, 生态环境部, 文化和旅游部) are printed once.
        string[] printed2018 = ["国家市场监督管理总局", "中共中央宣传部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "公安部",
            "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "水利部", "商务部", "交通运输部", "国家卫生健康委员会", "农业农村部",
            "国务院国有资产监督管理委员会", "文化和旅游部", "国家广播电视台", "中国工程院", "中国银监会", "中华全国供销合作总社", "海关总署",
            "中国共产主义青年团中央委员会", "国务院参事室", "中华全国工商业联合会", "中国银行保险监督管理委员会", "中国商业联合会", "中华全国总工会",
            "中国石油和化学工业联合会", "中华全国妇女联合会", "中国国际贸易促进委员会", "中国机械工业联合会", "中国纺织工业联合会"];
        var glossary = Glossary();
        foreach (var (page, printed, issuer) in new[] { ("2022/notices/national/", printed2022, "国家市场监督管理总局等21部门"), ("2018/notices/national/", printed2018, "市场监管总局等") })
        {
            Assert.Equal(printed, Signatories(page));
            // The issuer as the title names it is the 发文机关 row's, not a signature the document prints.
            Assert.DoesNotContain(issuer, site.Page(page).QuerySelector("footer.signature")!.TextContent);
            Assert.Equal(printed.Select(name => glossary[name]), Signatories("en/" + page));
        }
        // A notice signed by its issuer alone keeps the issuer's line.
        Assert.Empty(Signatories("2018/notices/provincial/"));
        Assert.Contains("福建省质量强省工作联席会议办公室", site.Page("2018/notices/provincial/").QuerySelector("footer.signature")!.TextContent);
    }

    [Fact]
    public void The_2018_national_notices_attachment_title_appears_once()
    {
        var page = site.Page("2018/notices/national/");
        var title = "2018年全国“质量月”主办单位开展的主要活动";
        Assert.Equal(1, CountOf(page.QuerySelector("#attachment-1")!.TextContent, title));
    }

    [Fact]
    public void Cards_and_source_lines_say_nothing_of_a_date_or_number_the_document_lacks()
    {
        foreach (var page in new[] { "index.html", "2025/index.html", "2022/index.html" })
            Assert.All(site.Page(page).QuerySelectorAll(".cards .meta, .hero .meta"), meta => Assert.DoesNotContain("原文未标注", meta.TextContent));
        var english = site.Page("en/activities/2025/market-regulation/green-product-certification-week/");
        // 003 bears no document number and no date: the source line after its title says nothing in brackets.
        var source = english.QuerySelectorAll("article.activity p").Single(p => p.QuerySelector("a[href*='/notices/']") is not null);
        Assert.DoesNotContain("Not stated in the document", source.TextContent);
        Assert.EndsWith("Attachment 1", source.TextContent.Trim());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
