using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NetVips;
using QualityMonth.Imaging;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The share images of the real site: one 1200×630 PNG per slogan and one for the site, read back by
/// libvips' PNG loader and by the tests' own PNG decoder, with their text inside the margins.
/// </summary>
[Collection(FriendlyCollection.Name)]
public sealed class ShareImageTests(BuiltSite site)
{
    private static IEnumerable<string> CardFiles => RealContent.Slogans.Select(RealContent.CardFile).Prepend(RealContent.SiteCardFile);

    private string OutputFile(string relative) => Path.Combine(site.Output, relative);

    [Fact]
    public void Every_slogan_and_the_site_have_a_1200_by_630_png_read_by_libvips()
    {
        Assert.Equal(45, RealContent.Slogans.Count);
        var files = CardFiles.Select(OutputFile).ToList();
        Assert.All(files, file => Assert.True(File.Exists(file), $"{file} was not built"));
        foreach (var file in files)
        {
            // Found a PNG from its content and opened by libvips' PNG loader, as any viewer would.
            Assert.StartsWith("VipsForeignLoadPng", LibVips.FindLoader(file));
            using var card = Image.NewFromFile(file);
            Assert.Equal((1200, 630, "pngload"), (card.Width, card.Height, (string)card.Get("vips-loader")));
        }
    }

    [Fact]
    public void The_share_folder_holds_the_cards_and_nothing_else()
    {
        var built = Directory.GetFiles(OutputFile("share"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(CardFiles.Order(StringComparer.Ordinal), built);
    }

    [Fact]
    public void Every_card_has_its_lines_drawn_inside_the_margins_on_the_sites_red()
    {
        foreach (var file in CardFiles)
        {
            var card = PngFile.Read(OutputFile(file));
            Assert.True((card.Width, card.Height) == (1200, 630), $"{file} is {card.Width}×{card.Height}");
            var ink = new CardInk(card);
            Assert.Equal(((byte)164, (byte)22, (byte)26), ink.Background);
            Assert.True(ink.NotBackgroundInMargin(CardInk.SafeMargin) == 0, $"{file} draws within {CardInk.SafeMargin} px of an edge");
            // The small line at the top, the headline across the middle, the small line at the bottom.
            Assert.True(ink.InkInRows(CardInk.SafeMargin, CardInk.SafeMargin + 50) > 800, $"{file} has no top line");
            Assert.True(ink.InkInRows(200, 430) > 15_000, $"{file} has no headline across its middle");
            Assert.True(ink.InkInRows(630 - CardInk.SafeMargin - 45, 630 - CardInk.SafeMargin) > 800, $"{file} has no bottom line");
        }
    }

    [Fact]
    public void Every_card_is_different()
    {
        var hashes = CardFiles.Select(f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(OutputFile(f))))).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("en/index.html")]
    [InlineData("2024/slogans/index.html")]
    [InlineData("en/2024/slogans/index.html")]
    [InlineData("slogans/index.html")]
    [InlineData("2024/notices/provincial/index.html")]
    public void Each_slogan_links_its_share_image_and_has_no_copy_button_without_javascript(string page)
    {
        var document = site.Page(page);
        var items = document.QuerySelectorAll("ol.slogans > li").ToList();
        Assert.NotEmpty(items);
        var english = document.DocumentElement.GetAttribute("lang") == "en";
        foreach (var item in items)
        {
            // The permalink (/2024/slogans/#slogan-3, /en/… on English pages) says which slogan this is.
            var permalink = Regex.Match(item.QuerySelector("a.permalink")!.GetAttribute("href")!, @"/(\d{4})/slogans/#slogan-(\d+)$");
            Assert.True(permalink.Success, $"{page}: an item has no slogan permalink");
            var (year, number) = (permalink.Groups[1].Value, permalink.Groups[2].Value);

            var share = item.QuerySelector("a.share-image");
            Assert.True(share is not null, $"{page}: slogan {year}/{number} has no share-image link");
            Assert.Equal($"/share/{year}/slogan-{number}.png", share.GetAttribute("href"));
            Assert.True(File.Exists(OutputFile($"share/{year}/slogan-{number}.png")));
            Assert.Equal(english ? "Share image" : "分享图片", share.TextContent.Trim());
            Assert.StartsWith(share.TextContent.Trim(), share.GetAttribute("aria-label")); // the visible words begin the name

            Assert.Empty(item.QuerySelectorAll("button"));
            // What the copy button copies: the slogan in the page's language (every slogan has an English translation).
            var copied = Assert.Single(item.QuerySelectorAll("[data-copy-source]"));
            Assert.Equal(english ? "slogan-translation" : "slogan-text", copied.ClassName);
        }
    }
}
