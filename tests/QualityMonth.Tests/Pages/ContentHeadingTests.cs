using AngleSharp.Html.Parser;
using QualityMonth.Markdown;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>
/// A notice's section headings can be linked to: each heading of the Markdown text carries an id made from its words,
/// unique on the page, and a link to it is checked like any other anchor.
/// </summary>
public class ContentHeadingTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    [Fact]
    public void The_headings_of_a_notice_text_carry_ids_made_from_their_words()
    {
        List<(string?, string)> Headings(string page) =>
            site.Page(page).QuerySelectorAll("main .prose h2").Select(h => (h.GetAttribute("id"), h.TextContent)).ToList();
        Assert.Equal([("一活动内容", "一、活动内容"), ("二重点安排", "二、重点安排"), ("三工作要求", "三、工作要求")], Headings("2024/notices/provincial/"));
        // The translation's headings: ids from its own words.
        Assert.Equal([("i-content-of-the-activities", "I. Content of the Activities"), ("ii-key-arrangements", "II. Key Arrangements"),
            ("iii-requirements", "III. Requirements")], Headings("en/2024/notices/provincial/"));
    }

    [Fact]
    public void Headings_get_ids_unique_on_the_page_and_links_to_them_resolve()
    {
        using var scratch = new TempSite();
        const string notice = "input/2025/notices/provincial.md";
        // A heading written twice, and one whose words make the id the page's own <main> has.
        File.AppendAllText(scratch.PathOf(notice), "\n## 一、活动时间\n\n再次。\n\n## Main\n\n见[上文](#一活动时间-2)，[2024年的活动内容](/2024/notices/provincial/#一活动内容)。\n"
            // A heading whose words are styled, code, an entity and an image: the id is made of the words a reader sees.
            + "\n### 三、**重点**`任务` &amp; 要求![图示](/share/site.png)\n\n正文。\n");
        var built = Generator.Run("build", "--root", scratch.Root);
        Assert.True(built.ExitCode == 0, built.All);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(scratch.Output, "2025/notices/provincial/index.html")));
        var ids = page.QuerySelectorAll("main .prose h2").Select(h => h.GetAttribute("id")).ToList();
        Assert.Equal(2, ids.Count(id => id is "一活动时间" or "一活动时间-2"));
        Assert.Contains("main-2", ids);
        Assert.Equal("三重点任务-要求", page.QuerySelector("main .prose h3")?.GetAttribute("id"));
        var everyId = page.All.Select(e => e.GetAttribute("id")).OfType<string>().ToList();
        Assert.Equal(everyId.Count, everyId.Distinct().Count());
    }

    [Fact]
    public void No_heading_of_a_notice_text_takes_an_id_the_notice_page_gives_its_own_elements()
    {
        // The Markdown renderer keeps these ids for the page (NoticeMarkdown.IsPageId): an id the theme adds to notice pages
        // must be kept too, or a heading whose words make it would share it and links to it would land on the heading.
        var notices = site.HtmlFiles.Where(f => f.Replace('\\', '/').Contains("/notices/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(notices);
        foreach (var file in notices)
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            var pageIds = page.QuerySelectorAll("[id]").Where(e => e.Closest(".prose") is null).Select(e => e.Id!).ToList();
            Assert.NotEmpty(pageIds);
            Assert.All(pageIds, id => Assert.True(NoticeMarkdown.IsPageId(id), $"{file}: the id '{id}' is not one NoticeMarkdown.IsPageId keeps from headings"));
        }
    }
}
