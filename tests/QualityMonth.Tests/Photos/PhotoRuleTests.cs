using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using QualityMonth.Imaging;
using QualityMonth.Imaging.Photos;
using QualityMonth.Tests.Support;
using static QualityMonth.Tests.Support.PhotoFixtures;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// Photos that break the notices' rules or cannot be read at all, made by the test: each is reported as
/// <c>path:line: error|warning: photo FILE (activity 'ID') … [photo-RULE]</c>, all of them in one run; an
/// error-policy rule fails the build (exit 1) and leaves the previous site as it was; a rule set to
/// "warning" does not; <c>check</c> reports the same without building.
/// </summary>
[Trait("Category", "Photos")]
public class PhotoRuleTests
{
    private const string SevenPhotos = "seven-photos";
    private const string BrokenFiles = "broken-files";
    private const string Oversized = "oversized-and-uncaptioned";

    private const string Truncated = "truncated.jpg", Empty = "empty.jpg", NotAPhoto = "not-a-photo.jpg", PngNamedJpg = "png-named.jpg";
    private const string NoCaption = "no-caption.jpg", HugePng = "huge-header.png", HugeJpeg = "huge-header.jpg";

    private static string Seventh(int n) => $"seven-{n}.jpg";

    /// <summary>One expected report: which photo, which rule (its code), and a piece of the message.</summary>
    private sealed record Expected(string Activity, string File, string Code, string Severity, string Says);

    /// <summary>Writes every broken photo and the activities listing them.</summary>
    private static void WriteBrokenPhotos(PhotoSite site)
    {
        for (var n = 1; n <= 7; n++)
            WriteJpeg(site.PhotoFile(Seventh(n)), 1024, 768, Card[n % 4]);
        WriteTruncatedJpeg(site.PhotoFile(Truncated));
        File.WriteAllBytes(site.PhotoFile(Empty), []);
        File.WriteAllText(site.PhotoFile(NotAPhoto), "这不是照片。This is a text file, not a photo.\n");
        WritePngNamedJpg(site.PhotoFile(PngNamedJpg));
        WriteJpeg(site.PhotoFile(NoCaption), 1024, 768);
        WriteHugeHeaderPng(site.PhotoFile(HugePng));
        WriteHugeHeaderJpeg(site.PhotoFile(HugeJpeg));
        site.WriteActivities(
            new PhotoActivity(SevenPhotos, [.. Enumerable.Range(1, 7).Select(n => new PhotoEntry(Seventh(n), $"第{n}张"))]),
            new PhotoActivity(BrokenFiles, [.. new[] { Truncated, Empty, NotAPhoto, PngNamedJpg }.Select(f => new PhotoEntry(f, "说明 " + f))]),
            new PhotoActivity(Oversized, new PhotoEntry(NoCaption, null), new PhotoEntry(HugePng, "说明 " + HugePng), new PhotoEntry(HugeJpeg, "说明 " + HugeJpeg)));
    }

    /// <summary>Every report the broken photos must get, with the rules at their default policies (or all set to one).</summary>
    private static List<Expected> ExpectedReports(string? allRules = null)
    {
        string Policy(string byDefault) => allRules ?? byDefault;
        return
        [
            new(SevenPhotos, Seventh(7), "photo-too-many", Policy("error"), "at most 6"),
            new(BrokenFiles, Truncated, "photo-unreadable", Policy("error"), ""),
            new(BrokenFiles, Empty, "photo-unreadable", Policy("error"), "empty"),
            new(BrokenFiles, NotAPhoto, "photo-unreadable", Policy("error"), "not an image"),
            new(BrokenFiles, PngNamedJpg, "photo-wrong-format", Policy("error"), "PNG"),
            new(BrokenFiles, PngNamedJpg, "photo-not-jpeg", Policy("warning"), "PNG"),
            new(Oversized, NoCaption, "photo-missing-caption", Policy("error"), "caption"),
            new(Oversized, HugePng, "photo-over-pixel-limit", Policy("error"), "100000×100000"),
            new(Oversized, HugePng, "photo-not-jpeg", Policy("warning"), "PNG"),
            new(Oversized, HugeJpeg, "photo-over-pixel-limit", Policy("error"), "65000×65000"),
        ];
    }

    /// <summary>Each expected report is printed exactly once in the documented form, and nothing else names a photo rule.</summary>
    private static void AssertReported(PhotoSite site, Generator.Result result, IReadOnlyList<Expected> expected)
    {
        Assert.DoesNotContain("internal error", result.All);
        var lines = PhotoSite.RuleLines(result);
        foreach (var e in expected)
        {
            var pattern = $"^{Regex.Escape($"{PhotoSite.ActivitiesFile}:{site.LineOfPhoto(e.File)}: {e.Severity}: photo {PhotoSite.PhotoPath(e.File)} (activity '{e.Activity}') ")}.*{Regex.Escape(e.Says)}.*{Regex.Escape($" [{e.Code}]")}$";
            var matching = lines.Where(l => Regex.IsMatch(l, pattern)).ToList();
            Assert.True(matching.Count == 1, $"expected one report matching\n  {pattern}\ngot {matching.Count} among:\n  {string.Join("\n  ", lines)}");
        }
        Assert.True(lines.Count == expected.Count, $"expected {expected.Count} photo reports, got {lines.Count}:\n  {string.Join("\n  ", lines)}");
    }

    /// <summary>(line, severity, photo, rule) of each report: what a build and a check must agree on.</summary>
    private static HashSet<string> Facts(Generator.Result result) =>
        [.. PhotoSite.RuleLines(result).Select(l => Regex.Match(l, @"^(\S+: (error|warning): photo \S+ \(activity '[^']+'\)).*(\[photo-[a-z-]+\])$")).Select(m => m.Groups[1].Value + " " + m.Groups[3].Value)];

    [Fact]
    public void Broken_photos_are_all_reported_and_the_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        var first = site.Build();
        Assert.True(first.ExitCode == 0, first.All);
        var before = PhotoSite.Snapshot(site.Output);

        WriteBrokenPhotos(site);
        var clock = Stopwatch.StartNew();
        var result = site.Build();
        clock.Stop();

        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.All}");
        var expected = ExpectedReports();
        AssertReported(site, result, expected);
        Assert.Contains($"Build failed with {expected.Count(e => e.Severity == "error")} error(s)", result.Stderr);
        Assert.Equal(before, PhotoSite.Snapshot(site.Output));
        // Nothing half-written beside the site or in the cache.
        Assert.Equal([".cache", "input", "output", "statiq.json", "theme"], Directory.GetFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(site.Site.PathOf(PhotoPipeline.CacheFolder), ".tmp-*", SearchOption.AllDirectories));
        // The photos claiming 100000×100000 and 65000×65000 pixels were refused from their headers: never decoded, nothing cached.
        foreach (var huge in new[] { HugePng, HugeJpeg })
            Assert.False(File.Exists(FactsFile(site, huge)), $"{huge} was processed");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the failing build took {clock.Elapsed}");
    }

    [Fact]
    public void Check_reports_the_same_violations_as_the_build_without_building()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteBrokenPhotos(site);

        var check = site.Check();
        Assert.True(check.ExitCode == 1, $"exit {check.ExitCode}\n{check.All}");
        Assert.False(Directory.Exists(site.Output), "check wrote output/");
        AssertReported(site, check, ExpectedReports());

        var build = site.Build();
        Assert.Equal(1, build.ExitCode);
        Assert.Equal(Facts(build).Order(StringComparer.Ordinal), Facts(check).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(site.Output), "a failed build wrote output/");

        // The same reports in Chinese, each naming the photo and its activity and saying what to do.
        var chinese = Check.CheckReport.Parse(Generator.Run("check", "--root", site.Root, "--lang", "zh", "--format", "json"));
        foreach (var e in ExpectedReports())
        {
            var reported = chinese.Problems.Where(p => p.File == PhotoSite.ActivitiesFile && p.Line == site.LineOfPhoto(e.File) && p.Code == e.Code).ToList();
            Assert.True(reported.Count == 1, $"expected one {e.Code} for {e.File} in Chinese, got:\n  {string.Join("\n  ", chinese.Problems)}");
            Assert.Equal(e.Severity, reported[0].Severity);
            Assert.StartsWith($"照片 {PhotoSite.PhotoPath(e.File)}（活动“{e.Activity}”）", reported[0].Message);
            Assert.Contains("请", reported[0].Message);
        }
    }

    [Fact]
    public void Rules_set_to_warning_do_not_fail_the_build_and_only_processable_photos_are_published()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings("""
            { "widths": [480, 960], "formats": ["webp", "jpeg"], "rules": { "notJpeg": "warning", "tooSmall": "warning", "tooMany": "warning",
              "missingCaption": "warning", "unreadable": "warning", "overPixelLimit": "warning", "wrongFormat": "warning" } }
            """);
        WriteBrokenPhotos(site);

        var check = site.Check();
        Assert.True(check.ExitCode == 0, check.All);
        Assert.False(Directory.Exists(site.Output));
        AssertReported(site, check, ExpectedReports(allRules: "warning"));

        var build = site.Build();
        Assert.True(build.ExitCode == 0, build.All);
        AssertReported(site, build, ExpectedReports(allRules: "warning"));

        var page = site.Page(PhotoSite.CityPage);
        int Figures(string activity) => page.QuerySelectorAll($"[id='2025-{activity}'] ul.gallery figure").Length;
        Assert.NotNull(page.QuerySelector($"[id='2025-{SevenPhotos}']"));
        Assert.Equal(7, Figures(SevenPhotos));
        Assert.Equal(0, Figures(BrokenFiles));  // unreadable, truncated, wrong format: never published
        Assert.Equal(1, Figures(Oversized));    // the photo without a caption; not the two over the pixel limit
        var uncaptioned = page.QuerySelector($"[id='2025-{Oversized}'] ul.gallery img")!;
        Assert.Equal("", uncaptioned.GetAttribute("alt"));
        var published = Directory.GetFiles(Path.Combine(site.Output, "photos")).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(published, f => f!.Contains(BrokenFiles, StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_rule_set_to_error_fails_the_check()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings("""{ "widths": [480, 960], "formats": ["webp", "jpeg"], "rules": { "notJpeg": "error" } }""");
        WritePngNamedJpg(site.PhotoFile("photo.png.jpg"));
        File.Move(site.PhotoFile("photo.png.jpg"), site.PhotoFile("photo.png"));
        site.WriteActivities(new PhotoActivity("png-photo", new PhotoEntry("photo.png", "PNG 照片")));

        var check = site.Check();
        Assert.Equal(1, check.ExitCode);
        Assert.Equal([$"{PhotoSite.ActivitiesFile}:{site.LineOfPhoto("photo.png")}: error: photo {PhotoSite.PhotoPath("photo.png")} (activity 'png-photo') is PNG, not JPG (the notices ask for JPG) [photo-not-jpeg]"],
            PhotoSite.RuleLines(check));
    }

    [Fact]
    public void A_photo_smaller_than_the_rules_is_a_warning_and_still_published()
    {
        using var site = new PhotoSite();
        site.SetPhotoSettings(PhotoSite.CheapSettings);
        WriteJpeg(site.PhotoFile("small.jpg"), 800, 600);
        site.WriteActivities(new PhotoActivity("small-photo", new PhotoEntry("small.jpg", "小照片")));

        var build = site.Build();
        Assert.True(build.ExitCode == 0, build.All);
        Assert.Equal([$"{PhotoSite.ActivitiesFile}:{site.LineOfPhoto("small.jpg")}: warning: photo {PhotoSite.PhotoPath("small.jpg")} (activity 'small-photo') is 800×600, smaller than 1024×768 (the notices ask for 像素在1024×768及以上) [photo-too-small]"],
            PhotoSite.RuleLines(build));
        Assert.Single(site.Page(PhotoSite.CityPage).QuerySelectorAll("[id='2025-small-photo'] ul.gallery figure"));
        var chinese = Generator.Run("check", "--root", site.Root, "--lang", "zh");
        Assert.Contains($"{PhotoSite.ActivitiesFile}:{site.LineOfPhoto("small.jpg")}: warning: 照片 {PhotoSite.PhotoPath("small.jpg")}（活动“small-photo”）只有 800×600 像素，小于通知要求的 1024×768", chinese.Stderr);
    }

    internal static string SourceHash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Where the rendition store keeps a photo's facts once it is made.</summary>
    internal static string HeaderFile(PhotoSite site, string photo) => site.Site.PathOf(
        $"{PhotoPipeline.CacheFolder}/{PhotoHeaders.StoredName(SourceHash(site.PhotoFile(photo)))}");

    internal static string FactsFile(PhotoSite site, string photo) => site.Site.PathOf(
        $"{PhotoPipeline.CacheFolder}/{RenditionStore.FileName(PhotoPipeline.FactsKey(SourceHash(site.PhotoFile(photo))), PhotoPipeline.FactsExtension)}");
}
