using AngleSharp.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>The real input/ built by the real CLI: the pages carry the facts of the five seed notices.</summary>
public class SeedFactsTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void Home_shows_the_current_year_theme_and_slogans_first()
    {
        var home = site.Page("index.html");
        Assert.Equal("加强全面质量管理 促进质量强省建设", home.QuerySelector("main h1")!.TextContent.Trim());
        var slogans = home.QuerySelectorAll("main ol.slogans li .slogan-text").Select(Text).ToList();
        Assert.Equal(10, slogans.Count);
        Assert.Equal("贯彻质量强国建设纲要 推进质量强企强链强县", slogans[0]);
        Assert.Contains("全国活动口号", home.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData(2018, "加强市场监管 建设质量强省")]
    [InlineData(2022, "推动质量变革创新 促进质量强省建设")]
    [InlineData(2023, "增强质量意识 推进高质量发展")]
    [InlineData(2024, "加强质量支撑 共建质量强省")]
    [InlineData(2025, "加强全面质量管理 促进质量强省建设")]
    public void Every_year_has_a_page_with_its_theme(int year, string theme) =>
        Assert.Equal(theme, Text(site.Page($"{year}/index.html").QuerySelector("main h1")!));

    [Theory]
    [InlineData("2024/notices/provincial/", "闽质强省办〔2024〕9号", "福建省质量强省工作领导小组办公室", "2024年8月14日", "此件主动公开")]
    [InlineData("2022/notices/provincial/", "闽质强省办〔2022〕4号", "福建省质量强省工作联席会议办公室", "原文未标注", "此件主动公开")]
    [InlineData("2022/notices/national/", "国市监质发〔2022〕76号", "国家市场监督管理总局等21部门", "原文未标注", "此件公开发布")]
    [InlineData("2018/notices/provincial/", "闽质强省办〔2018〕10号", "福建省质量强省工作联席会议办公室", "2018年8月29日", "此件主动公开")]
    [InlineData("2018/notices/national/", "国市监质〔2018〕131号", "市场监管总局等", "原文未标注", "原文未标注")]
    [InlineData("2023/notices/yongan/", "永市监质〔2023〕35号", "永安市市场监督管理局", "2023年9月13日", "原文未标注")]
    [InlineData("2025/notices/provincial/", "原文未标注", "福建省市场监管局", "原文未标注", "此件主动公开")]
    public void Notice_pages_carry_the_official_document_metadata(string page, string number, string issuer, string date, string disclosure)
    {
        var rows = site.Page(page).QuerySelectorAll("table.document-meta tr")
            .ToDictionary(r => Text(r.QuerySelector("th")!), r => Text(r.QuerySelector("td")!));
        Assert.Equal(number, rows["发文字号"]);
        Assert.Equal(issuer, rows["发文机关"]);
        Assert.Equal(date, rows["成文日期"]);
        Assert.Equal(disclosure, rows["公开方式"]);
    }

    [Fact]
    public void The_2024_notice_has_its_full_text_and_three_anchored_attachments()
    {
        var page = site.Page("2024/notices/provincial/");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("今年我省“质量月”活动主题为“加强质量支撑 共建质量强省”", text);
        Assert.Contains("市场监管总局等27部门", text);
        Assert.Contains("福建省市场监督管理局代章", text);
        var attachments = page.QuerySelectorAll("section.attachment").Select(s => s.Id).ToList();
        Assert.Equal(["attachment-1", "attachment-2", "attachment-3"], attachments);
        Assert.Equal(10, page.QuerySelectorAll("#attachment-1 ol.slogans li").Length);
        var cities = page.QuerySelectorAll("#attachment-3 h3 a").Select(Text).ToList();
        string[] expected = ["龙岩市", "南平市", "宁德市", "平潭综合实验区", "莆田市", "泉州市", "三明市", "厦门市", "漳州市", "福州市"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), cities.Order(StringComparer.Ordinal));
        Assert.Equal(12, page.QuerySelectorAll("#attachment-2 h3").Length);
        Assert.Contains("举办福州市首届质量知识竞赛", page.QuerySelector("#attachment-3")!.TextContent);
    }

    [Fact]
    public void Slogan_lists_are_complete_labelled_and_each_slogan_has_a_permalink()
    {
        (string Label, int Count) List(int year)
        {
            var page = site.Page($"{year}/slogans/");
            var items = page.QuerySelectorAll("ol.slogans li").ToList();
            Assert.All(items.Select((li, i) => (li, i)), x =>
            {
                Assert.Equal($"slogan-{x.i + 1}", x.li.Id);
                Assert.EndsWith($"/{year}/slogans/#slogan-{x.i + 1}", x.li.QuerySelector("a.permalink")!.GetAttribute("href"));
            });
            return (Text(page.QuerySelector("main p.meta")!), items.Count);
        }
        Assert.Equal(16, List(2018).Count);
        Assert.StartsWith("全省活动口号", List(2018).Label);
        Assert.Equal(9, List(2023).Count);
        Assert.Equal(10, List(2024).Count);
        Assert.StartsWith("全省活动口号", List(2024).Label);
        Assert.Equal(10, List(2025).Count);
        Assert.StartsWith("全国活动口号", List(2025).Label);
    }

    [Fact]
    public void The_2022_slogans_are_said_to_be_unpublished_not_invented()
    {
        Assert.False(File.Exists(Path.Combine(site.Output, "2022/slogans/index.html")));
        var archive = site.Page("slogans/");
        Assert.Contains("附件2《福建省2022年“质量月”活动口号》未包含在公开文本中。", archive.QuerySelector("#year-2022")!.ParentElement!.TextContent);
        Assert.Equal(16 + 9 + 10 + 10, archive.QuerySelectorAll("ol.slogans li").Length);
    }

    [Fact]
    public void City_pages_list_activities_by_year_with_timing_and_organisers()
    {
        var fuzhou = site.Page("cities/fuzhou/");
        Assert.Equal(["year-2024", "year-2018"], fuzhou.QuerySelectorAll("main section h2").Select(h => h.Id));
        Assert.Equal(7, fuzhou.QuerySelectorAll("main section")[0].QuerySelectorAll("ol.activities > li").Length);

        var yongan = site.Page("cities/yongan/");
        Assert.Contains("三明市", Text(yongan.QuerySelector("main p.meta")!));
        var rows = yongan.QuerySelectorAll("ol.activities > li").ToList();
        Assert.Equal(12, rows.Count);
        var lift = rows.Single(r => r.TextContent.Contains("电梯安全宣传周"));
        Assert.Contains("特安科", lift.TextContent);
        Assert.Contains("各监管所", lift.TextContent);
        Assert.Contains("9月", lift.TextContent);
        Assert.Contains("全年", yongan.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void The_city_registry_has_nine_cities_pingtan_and_yongan_under_sanming()
    {
        var index = site.Page("cities/");
        var names = index.QuerySelectorAll("main a.card-title").Select(Text).ToList();
        Assert.Equal(11, names.Count);
        Assert.Contains("平潭综合实验区", names);
        Assert.Contains("永安市", names);
        Assert.Contains("永安市", site.Page("cities/sanming/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Organiser_pages_hold_the_provincial_bodies_activities()
    {
        var amr = site.Page("organisers/market-regulation/");
        Assert.Equal(["year-2025", "year-2024"], amr.QuerySelectorAll("main section h2").Select(h => h.Id));
        Assert.Equal(13 + 18, amr.QuerySelectorAll("ol.activities > li").Length);
        Assert.Contains("举办首张国内外双认证国际客户采信的碳足迹核查证书发布会", amr.QuerySelector("main")!.TextContent);
        Assert.Equal(12, site.Page("organisers/").QuerySelectorAll("main a.card-title").Length);
    }

    [Theory]
    [InlineData("删除的内容")]
    [InlineData("为中国质量拼搏")]
    [InlineData("为质量中国加油")]
    [InlineData("广广大")]
    [InlineData("创建活动 and 消费")]
    [InlineData("“质\n")]
    [InlineData("改革...推进")]
    [InlineData("企对标达标提升专项行动”等活动。企")]
    public void Conversion_artefacts_are_not_published(string artefact)
    {
        foreach (var file in site.HtmlFiles)
            Assert.DoesNotContain(artefact, site.Page(Path.GetRelativePath(site.Output, file)).Body!.TextContent);
    }

    [Fact]
    public void The_duplicated_fuzhou_paragraph_of_2018_is_published_once()
    {
        var attachment = site.Page("2018/notices/provincial/").QuerySelector("#attachment-3")!.TextContent;
        Assert.Equal(1, CountOf(attachment, "举办全市“质量月”网络启动仪式"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    private static string Text(IElement element) => element.TextContent.Trim();
}
