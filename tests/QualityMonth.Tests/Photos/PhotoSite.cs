using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Photos;

/// <summary>A photo an activity lists in its YAML.</summary>
public sealed record PhotoEntry(string File, string? Caption, string? Credit = null, string? CaptionEn = null, string? CreditEn = null);

/// <summary>An activity with photos, written into the test city's 2025 activities file.</summary>
public sealed record PhotoActivity(string Id, params PhotoEntry[] Photos);

/// <summary>
/// A scratch copy of the real site with one more activities file, <see cref="ActivitiesFile"/> (Fuzhou,
/// 2025), whose activities list photos the tests make in <see cref="PhotoFolder"/>.
/// </summary>
public sealed class PhotoSite : IDisposable
{
    public const string ActivitiesFile = "input/2025/activities/fuzhou.yml";
    public const string PhotoFolder = "input/2025/activities/fuzhou";
    public const string CityPage = "cities/fuzhou/index.html";
    public const string EnglishCityPage = "en/cities/fuzhou/index.html";

    /// <summary>Cheap settings for tests where AVIF and big widths are not the point: the real example photos stay cached.</summary>
    public const string CheapSettings = """{ "widths": [480, 960], "formats": ["webp", "jpeg"] }""";

    public TempSite Site { get; } = new();

    public string Root => Site.Root;

    public string Output => Site.Output;

    /// <summary>The site-relative path of a photo made in <see cref="PhotoFolder"/>, as diagnostics name it.</summary>
    public static string PhotoPath(string file) => $"{PhotoFolder}/{file}";

    /// <summary>Where to write a fixture photo.</summary>
    public string PhotoFile(string file) => Site.PathOf(PhotoPath(file));

    /// <summary>Replaces statiq.json's "photos" object (or adds one) with <paramref name="json"/>.</summary>
    public void SetPhotoSettings(string json)
    {
        var settings = File.ReadAllText(Site.PathOf("statiq.json"));
        var start = settings.IndexOf("\"photos\": {", StringComparison.Ordinal);
        if (start < 0)
        {
            Site.Edit("statiq.json", "\"footer\": {", $"\"photos\": {json},\n  \"footer\": {{");
            return;
        }
        var end = settings.IndexOf('{', start);
        for (var depth = 0; ; end++)
        {
            if (settings[end] == '{') depth++;
            else if (settings[end] == '}' && --depth == 0) break;
        }
        Site.Write("statiq.json", settings[..start] + $"\"photos\": {json}" + settings[(end + 1)..]);
    }

    /// <summary>Writes the activities file listing these activities and their photos.</summary>
    public void WriteActivities(params PhotoActivity[] activities)
    {
        // A second host of 2025's 附件1: each of the two files gives its host's number in the attachment.
        var regulation = Site.PathOf("input/2025/activities/market-regulation.yml");
        File.WriteAllText(regulation, File.ReadAllText(regulation).Replace("attachment: 1 }", "attachment: 1, number: 1 }", StringComparison.Ordinal));
        var yaml = new StringBuilder("city: fuzhou\nsource: { notice: provincial, attachment: 1, number: 2 }\nactivities:\n");
        foreach (var activity in activities)
        {
            yaml.Append($"  - id: {activity.Id}\n    title: 测试活动 {activity.Id}\n    title_en: Test activity {activity.Id}\n    kinds: [publicity]\n");
            if (activity.Photos.Length == 0) continue;
            yaml.Append("    photos:\n");
            foreach (var photo in activity.Photos)
            {
                yaml.Append($"      - file: fuzhou/{photo.File}\n");
                if (photo.Caption is not null) yaml.Append($"        caption: {photo.Caption}\n");
                if (photo.CaptionEn is not null) yaml.Append($"        caption_en: {photo.CaptionEn}\n");
                if (photo.Credit is not null) yaml.Append($"        credit: {photo.Credit}\n");
                if (photo.CreditEn is not null) yaml.Append($"        credit_en: {photo.CreditEn}\n");
            }
        }
        Site.Write(ActivitiesFile, yaml.ToString());
    }

    /// <summary>The 1-based line of the activities file on which a photo's <c>file:</c> key stands.</summary>
    public int LineOfPhoto(string file) => LineOf($"- file: fuzhou/{file}");

    /// <summary>The 1-based line of an activity's <c>- id:</c>.</summary>
    public int LineOfActivity(string id) => LineOf($"- id: {id}");

    private int LineOf(string text)
    {
        var lines = File.ReadAllLines(Site.PathOf(ActivitiesFile));
        var index = Array.FindIndex(lines, l => l.TrimStart() == text);
        if (index < 0) throw new InvalidOperationException($"'{text}' is not in {ActivitiesFile}");
        return index + 1;
    }

    public Generator.Result Build(params string[] options) => Generator.Run(["build", "--root", Root, .. options]);

    public Generator.Result Check() => Generator.Run("check", "--root", Root);

    public IHtmlDocument Page(string outputRelativePath)
    {
        var path = Path.Combine(Output, outputRelativePath);
        Assert.True(File.Exists(path), $"page {outputRelativePath} was not built");
        return new HtmlParser().ParseDocument(File.ReadAllText(path));
    }

    /// <summary>The output file a root-relative URL (/photos/…) points to.</summary>
    public string OutputFileOf(string url)
    {
        Assert.StartsWith("/", url);
        return Path.Combine(Output, Uri.UnescapeDataString(url.TrimStart('/')));
    }

    /// <summary>Every file of a folder with its content hash, to show a folder was left exactly as it was.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The diagnostic lines (path:line: severity: message) a run printed that name a photo rule.</summary>
    public static IReadOnlyList<string> RuleLines(Generator.Result result) =>
        [.. result.All.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(" [photo-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public void Dispose() => Site.Dispose();
}

/// <summary>A gallery figure as a reader gets it: the picture's sources, the fallback image, the caption and the download.</summary>
public sealed record GalleryFigure(IElement Figure)
{
    public IElement Picture => Figure.QuerySelector("picture") ?? throw new InvalidOperationException("no <picture>");

    public IHtmlImageElement Img => (IHtmlImageElement)(Picture.QuerySelector("img") ?? throw new InvalidOperationException("no <img>"));

    public IReadOnlyList<IElement> Sources => [.. Picture.QuerySelectorAll("source")];

    public IHtmlAnchorElement Download => (IHtmlAnchorElement)(Figure.QuerySelector("figcaption a.download") ?? throw new InvalidOperationException("no download link"));

    public string Caption => Figure.QuerySelector("figcaption")?.TextContent ?? "";

    /// <summary>Every (url, width) of every srcset in the picture, sources and img.</summary>
    public IReadOnlyList<(string Url, int Width)> SrcSetEntries =>
        [.. Sources.Select(s => s.GetAttribute("srcset")).Append(Img.GetAttribute("srcset")).SelectMany(ParseSrcSet)];

    /// <summary>Every image URL the figure uses: srcset entries, img src and the full-size download.</summary>
    public IReadOnlyList<string> AllUrls =>
        [.. SrcSetEntries.Select(e => e.Url).Append(Img.GetAttribute("src")!).Append(Download.GetAttribute("href")!).Distinct()];

    public static IEnumerable<(string Url, int Width)> ParseSrcSet(string? srcset) =>
        (srcset ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(candidate =>
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 2 && parts[1].EndsWith('w'), $"srcset candidate '{candidate}' is not 'url NNNw'");
            return (parts[0], int.Parse(parts[1][..^1], System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>The figure whose image's alt text is <paramref name="caption"/>.</summary>
    public static GalleryFigure ByCaption(IHtmlDocument page, string caption)
    {
        var figures = page.QuerySelectorAll("ul.gallery figure").Where(f => f.QuerySelector("img")?.GetAttribute("alt") == caption).ToList();
        Assert.True(figures.Count == 1, $"expected one gallery figure with alt '{caption}', found {figures.Count}");
        return new GalleryFigure(figures[0]);
    }
}
