using System.Text.RegularExpressions;
using AngleSharp.Dom;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Government.SourceFacts;

namespace QualityMonth.Tests.Government;

/// <summary>The press page lists the contacts the notices print, each under the notice it comes from.</summary>
public partial class PressPageTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    /// <summary>Phone numbers and e-mail addresses on the contact lines of the notices' own text, found without press.yml.</summary>
    private static IEnumerable<(NoticeFile Notice, string Value)> PrintedContacts() =>
        from notice in Notices
        from line in notice.Text.Split('\n').Where(l => ContactLine().IsMatch(l))
        from match in ContactValue().Matches(line)
        select (notice, match.Value);

    [Fact]
    public void Every_phone_number_and_email_the_notices_print_is_on_the_press_page_under_its_notice()
    {
        var printed = PrintedContacts().ToList();
        Assert.True(printed.Count >= 10, $"only {printed.Count} contact values found in the notices");
        foreach (var path in new[] { "press/", "en/press/" })
        {
            var cards = site.Page(path).QuerySelectorAll(".press-contacts > li").ToList();
            foreach (var (notice, value) in printed)
            {
                var prefix = IsEnglish(path) ? "/en/" : "/";
                var card = cards.FirstOrDefault(c => NoticeLink(c) == prefix + notice.PagePath && Text(c).Contains(value, StringComparison.Ordinal));
                Assert.True(card is not null, $"{path}: '{value}' from {notice.PagePath} is not listed under that notice");
            }
        }
    }

    [Fact]
    public void Each_contact_links_to_a_built_notice_and_its_numbers_and_addresses_are_dialable_and_mailable()
    {
        var page = site.Page("press/");
        var cards = page.QuerySelectorAll(".press-contacts > li").ToList();
        Assert.Equal(4, cards.Count);
        foreach (var card in cards)
            Assert.True(File.Exists(Path.Combine(site.Output, NoticeLink(card)!.TrimStart('/'), "index.html")), $"{NoticeLink(card)} was not built");
        var links = page.QuerySelectorAll(".press-contacts a[href]").Select(a => (Href: a.GetAttribute("href")!, Text: Text(a))).ToList();
        Assert.Contains(("tel:+86-591-87580701", "0591-87580701"), links);
        Assert.Contains(("tel:+86-18959167520", "18959167520"), links);
        Assert.Contains(("tel:+86-10-82262033", "010-82262033"), links);
        Assert.Contains(("mailto:caiyugang@samr.gov.cn", "caiyugang@samr.gov.cn"), links);
        // A fax is shown as printed and is no telephone link.
        Assert.DoesNotContain(links, l => l.Text == "82260622");
        Assert.Contains("82260622", Text(cards.Single(c => NoticeLink(c) == "/2022/notices/national/")));
    }

    [Fact]
    public void The_press_page_lists_every_notice_and_says_how_photos_may_be_used_in_both_languages()
    {
        foreach (var (path, heading, photos) in new[] { ("press/", "新闻媒体", "图片使用"), ("en/press/", "Press", "Using photos") })
        {
            var page = site.Page(path);
            Assert.Equal(heading, Text(page.QuerySelector("main h1")!));
            var prefix = IsEnglish(path) ? "/en/" : "/";
            var listed = page.QuerySelectorAll("#documents ~ ul a.card-title").Select(a => a.GetAttribute("href")).ToHashSet();
            Assert.All(Notices, n => Assert.Contains(prefix + n.PagePath, listed));
            Assert.Equal(photos, Text(page.QuerySelector("#photos")!));
            Assert.NotEmpty(Text(page.QuerySelector("#photos + p")!));
        }
    }

    private static string? NoticeLink(IElement card) =>
        card.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).FirstOrDefault(h => h.Contains("/notices/", StringComparison.Ordinal));

    [GeneratedRegex("联系人|联系电话|电话：|电 话|邮箱|传真")]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]{2,}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|(?<!\d)1\d{10}(?!\d)")]
    private static partial Regex ContactValue();
}
