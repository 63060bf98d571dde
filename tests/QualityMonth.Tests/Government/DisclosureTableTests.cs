using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Government.SourceFacts;

namespace QualityMonth.Tests.Government;

/// <summary>Every notice page shows the disclosure items (政府信息公开要素) with the values its front matter gives.</summary>
public class DisclosureTableTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private const string NotPublished = "未公布";
    private const string NotStated = "原文未标注";

    [Theory, MemberData(nameof(NoticePages), MemberType = typeof(SourceFacts))]
    public void Every_notice_page_has_the_disclosure_table_with_the_values_of_its_front_matter(string pagePath)
    {
        var notice = Notice(pagePath);
        var rows = site.Page(pagePath).QuerySelectorAll("table.document-meta tr")
            .Select(r => (Label: Text(r.QuerySelector("th")!), Value: Text(r.QuerySelector("td")!)))
            .ToList();

        Assert.Equal(["索引号", "主题分类", "发文机关", "成文日期", "发文字号", "发布日期", "公开方式"], rows.Select(r => r.Label));
        var values = rows.ToDictionary(r => r.Label, r => r.Value);
        Assert.Equal(notice["index_number"] ?? NotPublished, values["索引号"]);
        Assert.Equal(notice["subject"] ?? Setting("zh-Hans", "disclosure", "subject"), values["主题分类"]);
        Assert.Equal(notice["issuer"], values["发文机关"]);
        Assert.Equal(notice["date"] is "无" ? NotStated : ChineseDate(notice["date"]!), values["成文日期"]);
        Assert.Equal(notice["doc_number"] is "无" ? NotStated : notice["doc_number"], values["发文字号"]);
        Assert.Equal(notice["published"] is { } published ? PublishedAsPrinted(published) : NotPublished, values["发布日期"]);
        Assert.Equal(notice["disclosure"] is "无" ? NotStated : notice["disclosure"], values["公开方式"]);
    }

    /// <summary>2024-08-20 → 2024年8月20日; 2024-08-20 16:30 → 2024年8月20日 16:30.</summary>
    private static string PublishedAsPrinted(string published) =>
        published.Length > 10 ? ChineseDate(published[..10]) + published[10..] : ChineseDate(published);

    [Fact]
    public void English_pages_label_the_items_in_english_and_use_the_english_subject()
    {
        var rows = site.Page("en/2024/notices/provincial/").QuerySelectorAll("table.document-meta tr")
            .ToDictionary(r => Text(r.QuerySelector("th")!), r => Text(r.QuerySelector("td")!));
        Assert.Equal("Not available", rows["Index number"]);
        Assert.Equal(Setting("en", "disclosure", "subject"), rows["Subject category"]);
        Assert.Equal("14 August 2024", rows["Date of document"]);
        Assert.Equal("闽质强省办〔2024〕9号", rows["Document number"]);
        Assert.Equal("Not available", rows["Date published"]);
    }
}
