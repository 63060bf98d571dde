using NetVips;
using QualityMonth.Imaging;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// Photos in formats the site does not take, and the greyscale photos it does: through the real command line,
/// each refused photo gets the photo rule message naming the photo and its format and asking for JPG, with
/// or without a .jpg name; greyscale JPEG and PNG without a colour profile are published in sRGB.
/// </summary>
[Trait("Category", "Photos")]
public class PhotoFormatTests
{
    /// <summary>A phone's HEIC photo (1200×900, HEVC inside), made with libheif's heif-enc: NetVips.Native has no HEVC decoder.</summary>
    private static readonly string PhoneHeic = Path.Combine(Repo.Root, "tests/QualityMonth.Tests/Photos/iphone-1200x900.heic");

    /// <summary>Each refused format: how the message names it, and how to write a file of it.</summary>
    private static readonly (string Format, string Extension, Action<string> Write)[] RefusedFormats =
    [
        ("SVG", ".svg", path => File.WriteAllText(path, """<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><rect width="1200" height="900" fill="red"/></svg>""")),
        ("GIF", ".gif", path => Save(image => image.Gifsave(path))),
        ("PPM", ".ppm", path => File.WriteAllBytes(path, [.. "P6\n1200 900\n255\n"u8, .. Enumerable.Repeat((byte)200, 1200 * 900 * 3)])),
        // Saved under a .v name (libvips picks the format from the name it writes to), then renamed.
        ("VIPS (.v)", ".v", path =>
        {
            Save(image => image.Vipssave(path + ".v"));
            File.Move(path + ".v", path);
        }),
        ("PDF", ".pdf", path => File.WriteAllText(path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")),
        ("FITS", ".fits", path => File.WriteAllText(path, "SIMPLE  =                    T".PadRight(2880))),
        ("HEIC", ".heic", path => File.Copy(PhoneHeic, path)),
    ];

    /// <summary>Each refused photo twice: under its format's own extension, and named .jpg.</summary>
    private static string[] Names(string extension) => ["photo" + extension, "photo-" + extension.TrimStart('.') + ".jpg"];

    private static string ActivityOf(string extension) => "refused-" + extension.TrimStart('.');

    private static void Save(Action<Image> save)
    {
        using var image = Quadrants(1200, 900);
        save(image);
    }

    [Fact]
    public void Photos_in_formats_the_site_does_not_take_get_the_rule_message_named_by_extension_or_as_jpg()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        Directory.CreateDirectory(site.Site.PathOf(PhotoSite.PhotoFolder));
        var activities = new List<PhotoActivity>();
        foreach (var (format, extension, write) in RefusedFormats)
        {
            foreach (var name in Names(extension))
                write(site.PhotoFile(name));
            activities.Add(new PhotoActivity(ActivityOf(extension), [.. Names(extension).Select(name => new PhotoEntry(name, "说明 " + name))]));
        }
        site.WriteActivities([.. activities]);

        var build = site.Build();

        Assert.True(build.ExitCode == 1, build.All);
        Assert.DoesNotContain("internal error", build.All);
        Assert.DoesNotContain("   at ", build.All);
        var lines = PhotoSite.RuleLines(build);
        foreach (var (format, extension, _) in RefusedFormats)
            foreach (var name in Names(extension))
            {
                var says = format == "HEIC"
                    ? "is HEIC (a phone's 'high efficiency' format), which the site cannot read: send it as JPG"
                    : $"is {format}, a format the site does not take: send it as JPG, as the notices ask";
                var expected = $"{PhotoSite.ActivitiesFile}:{site.LineOfPhoto(name)}: error: photo {PhotoSite.PhotoPath(name)} (activity '{ActivityOf(extension)}') {says}";
                Assert.True(build.Stderr.Contains(expected, StringComparison.Ordinal), $"expected\n  {expected}\namong\n  {string.Join("\n  ", lines)}");
            }
        Assert.True(lines.Count == 2 * RefusedFormats.Length && lines.All(l => l.EndsWith("[photo-wrong-format]", StringComparison.Ordinal)),
            $"expected one photo-wrong-format per photo, got:\n  {string.Join("\n  ", lines)}");

        // The same in Chinese, from check, which processes nothing.
        var chinese = Generator.Run("check", "--root", site.Root, "--lang", "zh");
        Assert.Equal(1, chinese.ExitCode);
        Assert.Contains($"照片 {PhotoSite.PhotoPath("photo-svg.jpg")}（活动“{ActivityOf(".svg")}”）是 SVG 格式，网站不接受这种格式：请按通知要求提供 JPG 照片", chinese.Stderr);
        Assert.Contains($"照片 {PhotoSite.PhotoPath("photo.heic")}（活动“{ActivityOf(".heic")}”）是 HEIC 格式", chinese.Stderr);
    }

    [Fact]
    public void Greyscale_JPEG_and_PNG_without_a_profile_are_published_in_sRGB()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        Directory.CreateDirectory(site.Site.PathOf(PhotoSite.PhotoFolder));
        int[] greys;
        using (var colour = Quadrants(1200, 900))
        using (var grey = colour.Colourspace(Enums.Interpretation.Bw))
        {
            Assert.Equal(1, grey.Bands);
            grey.Jpegsave(site.PhotoFile("grey.jpg"), q: 92, keep: Enums.ForeignKeep.None);
            grey.Pngsave(site.PhotoFile("grey.png"), keep: Enums.ForeignKeep.None);
            greys = [.. new[] { (300, 225), (900, 225), (300, 675), (900, 675) }.Select(p => Samples(grey, p.Item1, p.Item2).Single()).Select(b => (int)b)];
        }
        Assert.Equal(4, greys.Distinct().Count());
        foreach (var file in new[] { "grey.jpg", "grey.png" })
            using (var fixture = Load(site.PhotoFile(file)))
            {
                Assert.Equal(1, fixture.Bands);
                Assert.False(fixture.Contains("icc-profile-data"), $"{file} carries a profile");
            }
        site.WriteActivities(new PhotoActivity("grey-photos", new PhotoEntry("grey.jpg", "灰度 JPEG"), new PhotoEntry("grey.png", "灰度 PNG")));

        var build = site.Build();

        Assert.True(build.ExitCode == 0, build.All);
        Assert.DoesNotContain("damaged", build.All);
        var page = site.Page(PhotoSite.CityPage);
        foreach (var caption in new[] { "灰度 JPEG", "灰度 PNG" })
        {
            var urls = GalleryFigure.ByCaption(page, caption).AllUrls;
            Assert.True(urls.Count >= 5, $"{caption}: {urls.Count} files");
            foreach (var url in urls)
            {
                using var output = Load(site.OutputFileOf(url));
                Assert.Equal(3, output.Bands);
                // Grey stays grey, each quadrant its own grey: no colour cast, no shift, no "damaged".
                foreach (var (centre, expected) in QuadrantCentres(output).Zip(greys))
                    Assert.True(Math.Abs(centre.R - expected) <= 6 && centre.R == centre.G && centre.G == centre.B,
                        $"{url}: {centre}, expected a grey near {expected}");
            }
        }
    }

    [Fact]
    public void The_generator_runs_libvips_8_18_7_from_NetVips_Native_not_a_system_libvips()
    {
        Assert.Equal("8.18.7", LibVips.Version);
        // The library mapped into this process (started the way the generator starts it, from the folder the tests run
        // the generator's qualitymonth.dll from) is the package's copy, though this machine may have Debian's libvips42.
        var mapped = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last())
            .Where(p => Path.GetFileName(p).StartsWith("libvips.so", StringComparison.Ordinal)).Distinct().ToList();
        var library = Assert.Single(mapped);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "runtimes/linux-x64/native/libvips.so.42"), library);
    }
}
