using System.Globalization;
using System.Text.RegularExpressions;
using QualityMonth.Config;
using QualityMonth.Imaging;
using QualityMonth.Imaging.Photos;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// The rendition store (<c>.cache/photos/</c>, one file per <see cref="RenditionKey"/>) through the real command
/// line: a rebuild with nothing changed does no image work, a new quality re-makes only that format's files, a
/// changed photo gets new hashed URLs, entries no longer wanted (removed photos, another libvips' renditions) are pruned.
/// </summary>
[Trait("Category", "Photos")]
[LongRunning(2)]
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

    /// <summary>The store's file for one rendition of the photo now in <see cref="File"/>, by the key the generator must give it.</summary>
    private static string Entry(PhotoSite site, string format, int? width, int quality, string? libVipsVersion = null)
    {
        var spec = new RenditionSpec(Enum.Parse<PhotoFormat>(format, ignoreCase: true), width, quality);
        var key = new RenditionKey(PhotoRuleTests.SourceHash(site.PhotoFile(File)), spec.Name, RenditionSpec.PipelineVersion, libVipsVersion ?? LibVips.Version);
        return site.Site.PathOf($"{PhotoPipeline.CacheFolder}/{RenditionStore.FileName(key, spec.Extension)}");
    }

    private static string[] Entries(PhotoSite site, int webpQuality) =>
    [
        Entry(site, "jpeg", 480, 82), Entry(site, "jpeg", 960, 82), Entry(site, "jpeg", null, 90),
        Entry(site, "webp", 480, webpQuality), Entry(site, "webp", 960, webpQuality), PhotoRuleTests.FactsFile(site, File),
        PhotoRuleTests.HeaderFile(site, File),
    ];

    private static string[] StoreFiles(PhotoSite site) =>
        [.. Directory.GetFileSystemEntries(site.Site.PathOf(PhotoPipeline.CacheFolder)).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_cache_is_reused_reprocessed_per_format_and_pruned()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteOrientedJpeg(site.PhotoFile(File), 6);
        site.WriteActivities(new PhotoActivity(Activity, new PhotoEntry(File, "缓存测试")));
        var all = 1 + ProcessedPhotos.ExamplePhotos;

        // First build: only the new photo is processed (the site's own examples come from the warm cache).
        var examplesOnly = StoreFiles(site);
        Assert.Equal((all, 1), Summary(site.Build()));
        var entries = Entries(site, webpQuality: 78);
        Assert.All(entries, entry => Assert.True(System.IO.File.Exists(entry), $"{entry} was not stored"));
        Assert.Equal(entries.Order(StringComparer.Ordinal), StoreFiles(site).Except(examplesOnly)); // exactly the new photo's entries are new
        string[] jpegs = [.. entries.Where(e => e.EndsWith(".jpg", StringComparison.Ordinal))];
        Assert.Equal(3, jpegs.Length);
        var jpegsBefore = jpegs.ToDictionary(j => j, j => (System.IO.File.GetLastWriteTimeUtc(j), System.IO.File.ReadAllBytes(j)));
        var outputBefore = PhotoSite.Snapshot(site.Output);

        // Nothing changed: no image work, and the same site.
        Assert.Equal((all, 0), Summary(site.Build()));
        Assert.Equal(outputBefore, PhotoSite.Snapshot(site.Output));

        // A new WebP quality: every photo gets new WebP files, the old ones are pruned; the JPEG files are not made again.
        site.SetPhotoSettings("""{ "widths": [480, 960], "formats": ["webp", "jpeg"], "quality": { "webp": 70 } }""");
        Assert.Equal((all, all), Summary(site.Build()));
        Assert.All(Entries(site, webpQuality: 70), entry => Assert.True(System.IO.File.Exists(entry), $"{entry} was not stored"));
        Assert.All(entries.Where(e => e.EndsWith(".webp", StringComparison.Ordinal)), old => Assert.False(System.IO.File.Exists(old), $"{old} was not pruned"));
        foreach (var (jpeg, (written, bytes)) in jpegsBefore)
        {
            Assert.Equal(written, System.IO.File.GetLastWriteTimeUtc(jpeg));
            Assert.Equal(bytes, System.IO.File.ReadAllBytes(jpeg));
        }
        Assert.Equal(0, Summary(site.Build()).Processed);

        // A changed photo (same file name): new content, new keys, new hashed URLs; the old entries are pruned.
        var urlsBefore = PhotoUrls(site);
        var entriesBefore = Entries(site, webpQuality: 70);
        using (var other = Quadrants(1200, 900, PrintableCard))
            WriteJpeg(site.PhotoFile(File), other);
        Assert.Equal((all, 1), Summary(site.Build()));
        Assert.All(entriesBefore, old => Assert.False(System.IO.File.Exists(old), $"the changed photo's old entry {old} was not pruned"));
        var changedEntries = Entries(site, webpQuality: 70);
        Assert.All(changedEntries, entry => Assert.True(System.IO.File.Exists(entry)));
        var urlsAfter = PhotoUrls(site);
        Assert.Equal(urlsBefore.Count, urlsAfter.Count);
        Assert.Empty(urlsBefore.Intersect(urlsAfter));
        Assert.All(urlsBefore, url => Assert.False(System.IO.File.Exists(site.OutputFileOf(url)), $"{url} is still published"));

        // The photo removed from the activity: its entries are pruned, nothing is processed.
        site.WriteActivities(new PhotoActivity(Activity));
        Assert.Equal((all - 1, 0), Summary(site.Build()));
        Assert.All(changedEntries, entry => Assert.False(System.IO.File.Exists(entry), $"the removed photo's entry {entry} was not pruned"));
    }

    [Fact]
    public void Renditions_of_another_libvips_are_made_again_once_and_pruned()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteJpeg(site.PhotoFile(File), 1200, 900);
        site.WriteActivities(new PhotoActivity(Activity, new PhotoEntry(File, "升级测试")));
        Assert.Equal(1, Summary(site.Build()).Processed);

        // What the same photo's entries would be under the libvips before: as after an upgrade, when the store holds only those.
        var current = Entries(site, webpQuality: 78);
        string[] olderEntries = [Entry(site, "jpeg", 480, 82, "8.14.1"), Entry(site, "jpeg", 960, 82, "8.14.1"), Entry(site, "jpeg", null, 90, "8.14.1")];
        foreach (var (now, before) in current.Take(3).Zip(olderEntries))
        {
            Assert.NotEqual(now, before);
            System.IO.File.Move(now, before);
        }
        System.IO.File.Delete(PhotoRuleTests.FactsFile(site, File));

        Assert.Equal(1, Summary(site.Build()).Processed);
        Assert.All(current, entry => Assert.True(System.IO.File.Exists(entry), $"{entry} was not made again"));
        Assert.All(olderEntries, entry => Assert.False(System.IO.File.Exists(entry), $"{entry} of the older libvips was not pruned"));
        Assert.Equal(0, Summary(site.Build()).Processed);
    }

    [Fact]
    public void A_rebuild_with_no_photo_changed_reads_no_header_and_does_not_start_libvips()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteJpeg(site.PhotoFile(File), 1200, 900);
        site.WriteActivities(new PhotoActivity(Activity, new PhotoEntry(File, "表头缓存")));
        var first = site.Build("--timings");
        Assert.Equal(1, Summary(first).Processed);
        Assert.Contains("timing libvips-start ", first.Stderr);

        // The header read by the first build is kept by the photo's content: the rules are checked from it.
        var warm = site.Build("--timings");
        Assert.Equal(0, Summary(warm).Processed);
        Assert.DoesNotContain("timing libvips-start", warm.Stderr);
        var header = PhotoRuleTests.HeaderFile(site, File);
        Assert.Equal("""{"Format":"JPEG","Width":1200,"Height":900}""", System.IO.File.ReadAllText(header));

        // Another photo under the same name: its header is read (libvips starts), and the old one's is pruned.
        WriteJpeg(site.PhotoFile(File), 900, 1200);
        var changed = site.Build("--timings");
        Assert.Equal(1, Summary(changed).Processed);
        Assert.Contains("timing libvips-start ", changed.Stderr);
        Assert.False(System.IO.File.Exists(header), "the replaced photo's header was not pruned");
    }

    [Fact]
    public void A_photo_rewritten_with_the_same_size_and_modification_time_is_hashed_again()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        site.WriteActivities(new PhotoActivity(Activity, new PhotoEntry(File, "同尺寸改写")));
        // Two versions of one camera file that differ only in their EXIF orientation: the same size, other bytes, another upright photo.
        byte[] upright, upsideDown;
        using (var card = Quadrants(1200, 900))
        {
            WriteJpeg(site.PhotoFile(File), card);
            var plain = System.IO.File.ReadAllBytes(site.PhotoFile(File));
            upright = WithApp1(plain, ExifApp1(1, gps: false));
            upsideDown = WithApp1(plain, ExifApp1(3, gps: false));
        }
        Assert.Equal(upright.Length, upsideDown.Length);
        Assert.NotEqual(upright, upsideDown);
        System.IO.File.WriteAllBytes(site.PhotoFile(File), upright);
        var modified = System.IO.File.GetLastWriteTimeUtc(site.PhotoFile(File));
        // A file changed in the last two seconds is hashed again on every build: wait until it may be remembered.
        Thread.Sleep(TimeSpan.FromSeconds(2.5));

        Summary(site.Build());
        var remembered = System.IO.File.ReadAllText(site.Site.PathOf(ContentHashes.CacheFile));
        Assert.Contains(PhotoRuleTests.SourceHash(site.PhotoFile(File)), remembered);
        var urlsBefore = PhotoUrls(site);
        // Nothing changed: the remembered hash is used, and the site is the same.
        var outputBefore = PhotoSite.Snapshot(site.Output);
        Assert.Equal(0, Summary(site.Build()).Processed);
        Assert.Equal(outputBefore, PhotoSite.Snapshot(site.Output));

        // Rewritten in place (same inode), same size, modification time set back: only the change time tells.
        System.IO.File.WriteAllBytes(site.PhotoFile(File), upsideDown);
        System.IO.File.SetLastWriteTimeUtc(site.PhotoFile(File), modified);
        Assert.Equal(1, Summary(site.Build()).Processed);
        Assert.Empty(urlsBefore.Intersect(PhotoUrls(site)));

        // The warm build's site is the one a build without remembered hashes makes.
        var warm = PhotoSite.Snapshot(site.Output);
        System.IO.File.Delete(site.Site.PathOf(ContentHashes.CacheFile));
        Summary(site.Build());
        Assert.Equal(warm, PhotoSite.Snapshot(site.Output));
    }

    private static IReadOnlyList<string> PhotoUrls(PhotoSite site) =>
        new GalleryFigure(site.Page(PhotoSite.CityPage).QuerySelector($"[id='2025-{Activity}'] ul.gallery figure")!).AllUrls;
}
