using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>One photo built with the real settings (AVIF, WebP and JPEG at 480, 960 and 1600), used by two activities.</summary>
public sealed class GalleryPhotoSite : IDisposable
{
    public const string Launch = "launch-ceremony", Reused = "photo-used-again";
    public const string File = "launch.jpg";
    public const string Caption = "启动仪式现场", CaptionEn = "On site at the launch ceremony";
    public const string Credit = "福州市市场监管局", CreditEn = "Fuzhou Administration for Market Regulation";
    public const string ReusedCaption = "同一张照片用于另一项活动";

    public GalleryPhotoSite()
    {
        Site = new PhotoSite();
        WriteOrientedJpeg(Site.PhotoFile(File), 1);
        Site.WriteActivities(
            new PhotoActivity(Launch, new PhotoEntry(File, Caption, Credit, CaptionEn, CreditEn)),
            new PhotoActivity(Reused, new PhotoEntry(File, ReusedCaption)));
        Result = Site.Build();
    }

    public PhotoSite Site { get; }

    public Generator.Result Result { get; }

    public IHtmlDocument Page(string path)
    {
        Assert.True(Result.ExitCode == 0, "the site did not build:\n" + Result.All);
        return Site.Page(path);
    }

    public void Dispose() => Site.Dispose();
}

/// <summary>The gallery as a reader gets it: responsive picture, size, alt, lazy loading, placeholder, caption, credit, download.</summary>
[Trait("Category", "Photos")]
public class PhotoMarkupTests(GalleryPhotoSite site) : IClassFixture<GalleryPhotoSite>
{
    private static readonly Regex PhotoUrl = new(@"^/photos/2025-fuzhou-(?<activity>[a-z-]+)-1-(?<width>\d+|full)\.[0-9a-f]{10}\.(?<ext>avif|webp|jpg)$");

    private GalleryFigure Figure(string page, string activity)
    {
        var figures = site.Page(page).QuerySelectorAll($"[id='2025-{activity}'] ul.gallery > li > figure");
        Assert.Single(figures);
        return new GalleryFigure(figures[0]);
    }

    [Fact]
    public void Each_photo_is_a_picture_with_AVIF_and_WebP_sources_and_a_JPEG_img()
    {
        var figure = Figure(PhotoSite.CityPage, GalleryPhotoSite.Launch);
        var sources = figure.Sources;
        Assert.Equal(["image/avif", "image/webp"], sources.Select(s => s.GetAttribute("type")));
        var img = figure.Img;
        var sizes = img.GetAttribute("sizes");
        Assert.False(string.IsNullOrWhiteSpace(sizes));
        foreach (var (source, extension) in sources.Zip(new[] { "avif", "webp" }))
        {
            Assert.Equal(sizes, source.GetAttribute("sizes"));
            var entries = GalleryFigure.ParseSrcSet(source.GetAttribute("srcset")).ToList();
            Assert.Equal([480, 960, 1200], entries.Select(e => e.Width)); // 1600 would upscale the 1200-wide photo: its own width instead
            Assert.All(entries, e => Assert.EndsWith("." + extension, e.Url));
        }
        var jpegs = GalleryFigure.ParseSrcSet(img.GetAttribute("srcset")).ToList();
        Assert.Equal([480, 960, 1200], jpegs.Select(e => e.Width));
        Assert.All(jpegs, e => Assert.EndsWith(".jpg", e.Url));
        Assert.Equal(jpegs.Single(e => e.Width == 960).Url, img.GetAttribute("src"));
    }

    [Fact]
    public void The_img_has_its_size_alt_lazy_loading_and_a_placeholder_colour()
    {
        var img = Figure(PhotoSite.CityPage, GalleryPhotoSite.Launch).Img;
        Assert.Equal("960", img.GetAttribute("width"));
        Assert.Equal("720", img.GetAttribute("height"));
        Assert.Equal(GalleryPhotoSite.Caption, img.GetAttribute("alt"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        var style = Regex.Match(img.GetAttribute("style") ?? "", @"background-color:\s*#(?<hex>[0-9a-f]{6})");
        Assert.True(style.Success, $"no background-color placeholder in style '{img.GetAttribute("style")}'");
        var hex = style.Groups["hex"].Value;
        var placeholder = new Rgb(Hex(hex, 0), Hex(hex, 2), Hex(hex, 4));
        var average = new Rgb((byte)Card.Average(c => c.R), (byte)Card.Average(c => c.G), (byte)Card.Average(c => c.B));
        Assert.True(placeholder.DistanceTo(average) <= 16, $"placeholder {placeholder} is not the photo's average colour {average}");

        static byte Hex(string hex, int at) => byte.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_figcaption_has_caption_credit_and_a_download_of_the_full_size_JPEG()
    {
        var figure = Figure(PhotoSite.CityPage, GalleryPhotoSite.Launch);
        Assert.Contains(GalleryPhotoSite.Caption, figure.Caption);
        Assert.Contains(GalleryPhotoSite.Credit, figure.Caption);
        var download = figure.Download;
        Assert.True(download.HasAttribute("download"));
        var href = download.GetAttribute("href")!;
        Assert.Matches(PhotoUrl, href);
        Assert.Equal("full", PhotoUrl.Match(href).Groups["width"].Value);
        Assert.Contains("1200×900", download.TextContent);
        Assert.Equal(href, figure.Figure.QuerySelector("a:has(picture)")?.GetAttribute("href"));
        using var full = Load(site.Site.OutputFileOf(href));
        Assert.Equal((1200, 900), (full.Width, full.Height));
    }

    [Fact]
    public void The_English_page_uses_the_English_caption_and_credit()
    {
        var figure = Figure(PhotoSite.EnglishCityPage, GalleryPhotoSite.Launch);
        Assert.Equal(GalleryPhotoSite.CaptionEn, figure.Img.GetAttribute("alt"));
        Assert.Contains(GalleryPhotoSite.CaptionEn, figure.Caption);
        Assert.Contains(GalleryPhotoSite.CreditEn, figure.Caption);
    }

    [Fact]
    public void Every_image_url_carries_a_content_hash_and_is_the_format_it_says()
    {
        var figure = Figure(PhotoSite.CityPage, GalleryPhotoSite.Launch);
        var urls = figure.AllUrls;
        Assert.Equal(10, urls.Count); // 3 widths × 3 formats + the full-size download
        foreach (var url in urls)
        {
            var match = PhotoUrl.Match(url);
            Assert.True(match.Success, $"{url} is not /photos/<year>-<host>-<activity>-<n>-<width>.<hash>.<ext>");
            Assert.Equal(GalleryPhotoSite.Launch, match.Groups["activity"].Value);
            var bytes = File.ReadAllBytes(site.Site.OutputFileOf(url));
            var isFormat = match.Groups["ext"].Value switch
            {
                "avif" => System.Text.Encoding.ASCII.GetString(bytes, 4, 8) == "ftypavif",
                "webp" => System.Text.Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && System.Text.Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP",
                _ => bytes[0] == 0xFF && bytes[1] == 0xD8,
            };
            Assert.True(isFormat, $"{url} does not hold what its extension says");
            PhotoProcessingTests.AssertNoMetadataBytes(site.Site.OutputFileOf(url));
        }
    }

    [Fact]
    public void A_photo_used_by_two_activities_is_shown_with_each_ones_caption()
    {
        Assert.DoesNotContain("internal error", site.Result.All);
        var first = Figure(PhotoSite.CityPage, GalleryPhotoSite.Launch);
        var second = Figure(PhotoSite.CityPage, GalleryPhotoSite.Reused);
        Assert.Equal(GalleryPhotoSite.Caption, first.Img.GetAttribute("alt"));
        Assert.Equal(GalleryPhotoSite.ReusedCaption, second.Img.GetAttribute("alt"));
        Assert.DoesNotContain(GalleryPhotoSite.Credit, second.Caption);
        foreach (var url in first.AllUrls.Concat(second.AllUrls))
            Assert.True(File.Exists(site.Site.OutputFileOf(url)), $"{url} is not in the output");
    }
}
