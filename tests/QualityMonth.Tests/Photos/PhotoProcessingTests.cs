using System.Text;
using AngleSharp.Html.Dom;
using NetVips;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// Every kind of photo the generator must publish, made by the test with libvips and built once with
/// the real command line: each EXIF orientation, GPS in EXIF, CMYK, 16-bit PNG, Display P3, a photo
/// smaller than the rules ask. Cheap settings (WebP and JPEG at 480 and 960) keep the encoding fast.
/// </summary>
public sealed class ProcessedPhotos : IDisposable
{
    public const string Orientations1To4 = "orientations-one-to-four";
    public const string Orientations5To8 = "orientations-five-to-eight";
    public const string Colour = "colour-and-metadata";

    public const string Gps = "gps.jpg", Cmyk = "cmyk.jpg", SixteenBit = "sixteen-bit.png", DisplayP3 = "display-p3.jpg", Small = "small-800x600.jpg";

    public static string OrientationFile(int orientation) => $"orientation-{orientation}.jpg";

    /// <summary>How many photos the real site lists itself (its example illustrations).</summary>
    public static int ExamplePhotos { get; } = Directory.GetFiles(Path.Combine(Repo.Root, "input"), "*.yml", SearchOption.AllDirectories)
        .Sum(f => File.ReadLines(f).Count(l => l.TrimStart().StartsWith("- file:", StringComparison.Ordinal)));

    public static string CaptionOf(string file) => "测试照片 " + Path.GetFileNameWithoutExtension(file);

    public ProcessedPhotos()
    {
        Site = new PhotoSite();
        Site.SetPhotoSettings(PhotoSite.CheapSettings);
        for (var orientation = 1; orientation <= 8; orientation++)
            WriteOrientedJpeg(Site.PhotoFile(OrientationFile(orientation)), orientation);
        WriteGpsJpeg(Site.PhotoFile(Gps));
        WriteCmykJpeg(Site.PhotoFile(Cmyk));
        WriteSixteenBitPng(Site.PhotoFile(SixteenBit));
        WriteDisplayP3Jpeg(Site.PhotoFile(DisplayP3));
        WriteJpeg(Site.PhotoFile(Small), 800, 600, TopRight);
        Site.WriteActivities(
            new PhotoActivity(Orientations1To4, [.. Enumerable.Range(1, 4).Select(Entry)]),
            new PhotoActivity(Orientations5To8, [.. Enumerable.Range(5, 4).Select(Entry)]),
            new PhotoActivity(Colour, [.. new[] { Gps, Cmyk, SixteenBit, DisplayP3, Small }.Select(f => new PhotoEntry(f, CaptionOf(f), "测试"))]));
        Result = Site.Build();
        if (Result.ExitCode == 0) Page = Site.Page(PhotoSite.CityPage);

        static PhotoEntry Entry(int orientation) => new(OrientationFile(orientation), CaptionOf(OrientationFile(orientation)), "测试");
    }

    public PhotoSite Site { get; }

    public Generator.Result Result { get; }

    public IHtmlDocument? Page { get; }

    public GalleryFigure Figure(string file)
    {
        Assert.True(Page is not null, "the site did not build:\n" + Result.All);
        return GalleryFigure.ByCaption(Page, CaptionOf(file));
    }

    /// <summary>Every image file the figure of a photo points to, opened with libvips (dispose them).</summary>
    public IReadOnlyList<(string Url, VipsImageFile File)> Outputs(string file) =>
        [.. Figure(file).AllUrls.Select(url => (url, new VipsImageFile(Site.OutputFileOf(url))))];

    public void Dispose() => Site.Dispose();
}

/// <summary>An output image file opened with libvips.</summary>
public sealed class VipsImageFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public Image Image { get; } = Load(path);

    public void Dispose() => Image.Dispose();
}

[Trait("Category", "Photos")]
public class PhotoProcessingTests(ProcessedPhotos photos) : IClassFixture<ProcessedPhotos>
{
    /// <summary>How far JPEG and WebP may move the centre of a flat quadrant (a few levels in practice; a wrong turn or profile moves it 40 or more).</summary>
    private const int Tolerance = 24;

    [Fact]
    public void The_site_builds_with_every_kind_of_photo_and_reports_only_the_warnings()
    {
        Assert.True(photos.Result.ExitCode == 0, photos.Result.All);
        Assert.DoesNotContain("internal error", photos.Result.All);
        Assert.DoesNotContain(": error:", photos.Result.All);
        var rules = PhotoSite.RuleLines(photos.Result);
        Assert.Equal(2, rules.Count);
        Assert.Contains(rules, l => l.StartsWith($"{PhotoSite.ActivitiesFile}:{photos.Site.LineOfPhoto(ProcessedPhotos.SixteenBit)}: warning: photo {PhotoSite.PhotoPath(ProcessedPhotos.SixteenBit)} (activity '{ProcessedPhotos.Colour}') is PNG, not JPG", StringComparison.Ordinal) && l.EndsWith("[photo-not-jpeg]", StringComparison.Ordinal));
        Assert.Contains(rules, l => l.StartsWith($"{PhotoSite.ActivitiesFile}:{photos.Site.LineOfPhoto(ProcessedPhotos.Small)}: warning: photo {PhotoSite.PhotoPath(ProcessedPhotos.Small)} (activity '{ProcessedPhotos.Colour}') is 800×600, smaller than 1024×768", StringComparison.Ordinal) && l.EndsWith("[photo-too-small]", StringComparison.Ordinal));
        Assert.Contains($"and {13 + ProcessedPhotos.ExamplePhotos} photo(s)", photos.Result.Stdout); // the 13 fixtures and the site's own examples
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Each_EXIF_orientation_ends_upright_in_every_output(int orientation)
    {
        var file = ProcessedPhotos.OrientationFile(orientation);
        // The fixture is what a camera writes: stored turned or mirrored, with the tag saying how to show it.
        using (var fixture = Load(photos.Site.PhotoFile(file)))
        {
            Assert.Equal(orientation, (int)fixture.Get("orientation"));
            Assert.Equal(orientation >= 5 ? (900, 1200) : (1200, 900), (fixture.Width, fixture.Height));
            if (orientation != 1)
                Assert.NotEqual(Card, QuadrantCentres(fixture).Select(Nearest).ToArray());
        }

        var figure = photos.Figure(file);
        Assert.True(int.Parse(figure.Img.GetAttribute("width")!) > int.Parse(figure.Img.GetAttribute("height")!), "the <img> size is landscape, as the photo stands upright");
        var outputs = photos.Outputs(file);
        Assert.True(outputs.Count >= 5, $"expected the download, and WebP and JPEG at two widths, got {outputs.Count}");
        foreach (var (url, output) in outputs)
            using (output)
            {
                var image = output.Image;
                Assert.True(image.Width * 3 == image.Height * 4 || Math.Abs(image.Width * 3.0 / 4 - image.Height) <= 1, $"{url} is {image.Width}×{image.Height}, not upright 4:3");
                var corners = QuadrantCentres(image);
                var expected = Card;
                for (var i = 0; i < 4; i++)
                    Assert.True(corners[i].DistanceTo(expected[i]) <= Tolerance,
                        $"{url} (orientation {orientation}): quadrant {i} is {corners[i]}, expected {expected[i]}; quadrants: {string.Join(' ', corners)}");
            }
    }

    [Fact]
    public void The_full_size_download_of_a_turned_photo_has_the_upright_size()
    {
        foreach (var orientation in new[] { 5, 6, 7, 8 })
        {
            var figure = photos.Figure(ProcessedPhotos.OrientationFile(orientation));
            using var full = Load(photos.Site.OutputFileOf(figure.Download.GetAttribute("href")!));
            Assert.Equal((1200, 900), (full.Width, full.Height));
            Assert.Contains("1200×900", figure.Download.TextContent);
        }
    }

    [Fact]
    public void A_photo_with_GPS_in_its_EXIF_is_published_without_any_metadata()
    {
        // The fixture is real: libvips finds the camera's EXIF and its GPS position in it.
        using (var fixture = Load(photos.Site.PhotoFile(ProcessedPhotos.Gps)))
        {
            Assert.True(fixture.Contains("exif-data"));
            Assert.True(fixture.Contains("exif-ifd3-GPSLatitude"), "the fixture has no GPS latitude libvips can read");
            Assert.True(fixture.Contains("exif-ifd3-GPSLongitude"));
        }
        Assert.True(ContainsBytes(File.ReadAllBytes(photos.Site.PhotoFile(ProcessedPhotos.Gps)), "Exif"));

        var outputs = photos.Outputs(ProcessedPhotos.Gps);
        Assert.True(outputs.Count >= 5);
        foreach (var (url, output) in outputs)
            using (output)
            {
                Assert.Empty(MetadataFields(output.Image));
                AssertNoMetadataBytes(output.Path);
            }
    }

    [Fact]
    public void No_published_photo_file_carries_metadata_and_each_is_8_bit_sRGB()
    {
        var files = Directory.GetFiles(Path.Combine(photos.Site.Output, "photos"));
        Assert.True(files.Length >= 13 * 5, $"only {files.Length} photo files were published");
        foreach (var path in files)
        {
            using var image = Load(path);
            Assert.Equal(3, image.Bands);
            Assert.Equal(3, Samples(image, 0, 0).Length); // one byte per band: 8-bit
            Assert.Empty(MetadataFields(image));
            AssertNoMetadataBytes(path);
        }
    }

    [Fact]
    public void A_CMYK_JPEG_is_published_as_RGB_with_its_colours()
    {
        using (var fixture = Load(photos.Site.PhotoFile(ProcessedPhotos.Cmyk)))
        {
            Assert.Equal(4, fixture.Bands);
            Assert.Equal(4, Samples(fixture, 0, 0).Length);
        }
        AssertEveryOutputShowsTheTestCard(ProcessedPhotos.Cmyk, PrintableCard, tolerance: 16);
    }

    [Fact]
    public void A_16_bit_PNG_is_published_as_8_bit_with_its_colours()
    {
        using (var fixture = Load(photos.Site.PhotoFile(ProcessedPhotos.SixteenBit)))
            Assert.Equal(6, Samples(fixture, 0, 0).Length); // two bytes per band: the fixture really is 16-bit
        AssertEveryOutputShowsTheTestCard(ProcessedPhotos.SixteenBit, Card, Tolerance);
    }

    [Fact]
    public void A_Display_P3_photo_is_converted_to_sRGB_and_keeps_its_colour()
    {
        using (var fixture = Load(photos.Site.PhotoFile(ProcessedPhotos.DisplayP3)))
        {
            Assert.True(fixture.Contains("icc-profile-data"), "the fixture carries no ICC profile");
            var stored = PixelAt(fixture, 600, 450);
            Assert.True(stored.DistanceTo(P3TestColour) >= 12, $"the fixture's P3 numbers {stored} are too close to the sRGB ones {P3TestColour} to tell a conversion from none");
        }
        foreach (var (url, output) in photos.Outputs(ProcessedPhotos.DisplayP3))
            using (output)
            {
                Assert.Empty(MetadataFields(output.Image));
                var seen = PixelAt(output.Image, output.Image.Width / 2, output.Image.Height / 2);
                Assert.True(seen.DistanceTo(P3TestColour) <= 6, $"{url}: {seen}, expected about {P3TestColour} (the P3 profile was not applied?)");
            }
    }

    [Fact]
    public void A_photo_smaller_than_the_widths_is_never_upscaled()
    {
        var figure = photos.Figure(ProcessedPhotos.Small);
        // Each format offers 480 and the photo's own 800, not 960: no upscaled copy, and no width twice.
        foreach (var srcset in figure.Sources.Select(s => s.GetAttribute("srcset")).Append(figure.Img.GetAttribute("srcset")))
            Assert.Equal([480, 800], GalleryFigure.ParseSrcSet(srcset).Select(e => e.Width));
        using var full = Load(photos.Site.OutputFileOf(figure.Download.GetAttribute("href")!));
        Assert.Equal((800, 600), (full.Width, full.Height));
    }

    [Fact]
    public void Every_srcset_width_is_the_real_width_of_its_file_and_never_above_the_photo()
    {
        var files = new[] { ProcessedPhotos.Gps, ProcessedPhotos.Cmyk, ProcessedPhotos.SixteenBit, ProcessedPhotos.DisplayP3, ProcessedPhotos.Small }
            .Concat(Enumerable.Range(1, 8).Select(ProcessedPhotos.OrientationFile));
        foreach (var file in files)
        {
            var figure = photos.Figure(file);
            using var full = Load(photos.Site.OutputFileOf(figure.Download.GetAttribute("href")!));
            foreach (var (url, width) in figure.SrcSetEntries)
            {
                using var image = Load(photos.Site.OutputFileOf(url));
                Assert.Equal(width, image.Width);
                Assert.True(width <= full.Width, $"{url} is {width} wide, wider than the photo ({full.Width})");
            }
            var img = figure.Img;
            using var fallback = Load(photos.Site.OutputFileOf(img.GetAttribute("src")!));
            Assert.Equal((fallback.Width, fallback.Height), (int.Parse(img.GetAttribute("width")!), int.Parse(img.GetAttribute("height")!)));
        }
    }

    private void AssertEveryOutputShowsTheTestCard(string file, Rgb[] expected, int tolerance)
    {
        var outputs = photos.Outputs(file);
        Assert.True(outputs.Count >= 5);
        foreach (var (url, output) in outputs)
            using (output)
            {
                Assert.Equal(3, output.Image.Bands);
                Assert.Empty(MetadataFields(output.Image));
                var corners = QuadrantCentres(output.Image);
                for (var i = 0; i < 4; i++)
                    Assert.True(corners[i].DistanceTo(expected[i]) <= tolerance, $"{url}: quadrant {i} is {corners[i]}, expected about {expected[i]}");
            }
    }

    private static Rgb Nearest(Rgb colour) =>
        Card.MinBy(c => c.DistanceTo(colour));

    /// <summary>No EXIF, XMP or ICC block in the file's bytes, in any container's spelling.</summary>
    internal static void AssertNoMetadataBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Markers of at least four bytes, so compressed pixel data does not match them by chance.
        foreach (var marker in new[] { "Exif", "EXIF", "ICC_PROFILE", "ICCP", "iCCP", "http://ns.adobe.com/xap", "XMP ", "colrprof" })
            Assert.False(ContainsBytes(bytes, marker), $"{path} contains '{marker}'");
    }

    internal static bool ContainsBytes(byte[] bytes, string ascii) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;
}
