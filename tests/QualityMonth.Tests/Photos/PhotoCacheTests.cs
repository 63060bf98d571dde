using System.Globalization;
using System.Text.RegularExpressions;
using QualityMonth.Imaging.Photos;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// The disk cache through the real command line: a rebuild with nothing changed does no image work, a new
/// quality re-makes only that format's files, a changed photo gets new hashed URLs, removed photos' entries are pruned.
/// </summary>
[Trait("Category", "Photos")]
public class PhotoCacheTests
{
    private const string Activity = "cached-photo", File = "cached.jpg";

    /// <summary>(photos published, photos processed) from the build summary.</summary>
    private static (int Photos, int Processed) Summary(Generator.Result result)
    {
        Assert.True(result.ExitCode == 0, result.All);
        var match = Regex.Match(result.Stdout, @"and (\d+) photo\(s\) \((\d+) processed");
        Assert.True(match.Success, "no photo summary in:\n" + result.Stdout);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static string Name(string format, int? width, int quality) =>
        new RenditionSpec(Enum.Parse<Config.PhotoFormat>(format, ignoreCase: true), width, quality).CacheName;

    [Fact]
    public void The_cache_is_reused_reprocessed_per_format_and_pruned()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteOrientedJpeg(site.PhotoFile(File), 6);
        site.WriteActivities(new PhotoActivity(Activity, new PhotoEntry(File, "缓存测试")));
        var all = 1 + ProcessedPhotos.ExamplePhotos;

        // First build: only the new photo is processed (the site's own examples come from the warm cache).
        Assert.Equal((all, 1), Summary(site.Build()));
        var entry = site.Site.PathOf(".cache/photos/" + PhotoRuleTests.SourceHash(site.PhotoFile(File)));
        string[] jpegs = [Name("jpeg", 480, 82), Name("jpeg", 960, 82), Name("jpeg", null, 90)];
        Assert.Equal(Sorted(["facts.json", .. jpegs, Name("webp", 480, 78), Name("webp", 960, 78)]), Files(entry));
        var jpegsBefore = jpegs.ToDictionary(j => j, j => (System.IO.File.GetLastWriteTimeUtc(Path.Combine(entry, j)), System.IO.File.ReadAllBytes(Path.Combine(entry, j))));
        var outputBefore = PhotoSite.Snapshot(site.Output);

        // Nothing changed: no image work, and the same site.
        Assert.Equal((all, 0), Summary(site.Build()));
        Assert.Equal(outputBefore, PhotoSite.Snapshot(site.Output));

        // A new WebP quality: every photo gets new WebP files; the JPEG files are not made again.
        site.SetPhotoSettings("""{ "widths": [480, 960], "formats": ["webp", "jpeg"], "quality": { "webp": 70 } }""");
        Assert.Equal((all, all), Summary(site.Build()));
        Assert.Equal(Sorted(["facts.json", .. jpegs, Name("webp", 480, 70), Name("webp", 960, 70)]), Files(entry));
        foreach (var (jpeg, (written, bytes)) in jpegsBefore)
        {
            Assert.Equal(written, System.IO.File.GetLastWriteTimeUtc(Path.Combine(entry, jpeg)));
            Assert.Equal(bytes, System.IO.File.ReadAllBytes(Path.Combine(entry, jpeg)));
        }
        Assert.Equal(0, Summary(site.Build()).Processed);

        // A changed photo (same file name): new content, new cache entry, new hashed URLs; the old entry is pruned.
        var urlsBefore = PhotoUrls(site);
        using (var other = Quadrants(1200, 900, PrintableCard))
            WriteJpeg(site.PhotoFile(File), other);
        Assert.Equal((all, 1), Summary(site.Build()));
        Assert.False(Directory.Exists(entry), "the changed photo's old cache entry was not pruned");
        var changedEntry = site.Site.PathOf(".cache/photos/" + PhotoRuleTests.SourceHash(site.PhotoFile(File)));
        Assert.True(Directory.Exists(changedEntry));
        var urlsAfter = PhotoUrls(site);
        Assert.Equal(urlsBefore.Count, urlsAfter.Count);
        Assert.Empty(urlsBefore.Intersect(urlsAfter));
        Assert.All(urlsBefore, url => Assert.False(System.IO.File.Exists(site.OutputFileOf(url)), $"{url} is still published"));

        // The photo removed from the activity: its cache entry is pruned, nothing is processed.
        site.WriteActivities(new PhotoActivity(Activity));
        Assert.Equal((all - 1, 0), Summary(site.Build()));
        Assert.False(Directory.Exists(changedEntry), "the removed photo's cache entry was not pruned");
        Assert.Equal(all - 1, Directory.GetDirectories(site.Site.PathOf(".cache/photos")).Length);
    }

    private static IReadOnlyList<string> PhotoUrls(PhotoSite site) =>
        new GalleryFigure(site.Page(PhotoSite.CityPage).QuerySelector($"[id='2025-{Activity}'] ul.gallery figure")!).AllUrls;

    private static string[] Sorted(string[] names) => [.. names.Order(StringComparer.Ordinal)];

    private static string[] Files(string folder) =>
        [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];
}
