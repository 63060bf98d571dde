using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Government;

/// <summary>
/// What the content and settings say, read straight from the files with plain text rules — not through
/// the generator's loaders — so the tests compare the pages with the source, not with our own reading of it.
/// </summary>
public static partial class SourceFacts
{
    public const string Host = "https://zly.example.gov.cn";

    /// <summary>A notice's top-level front-matter fields, unquoted, by key.</summary>
    public sealed record NoticeFile(int Year, string Slug, IReadOnlyDictionary<string, string> Fields, string Text)
    {
        public string PagePath => $"{Year}/notices/{Slug}/";

        public string? this[string key] => Fields.GetValueOrDefault(key);
    }

    public static IReadOnlyList<NoticeFile> Notices { get; } = Directory
        .GetFiles(Path.Combine(Repo.Root, "input"), "*.md", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "notices" && !f.EndsWith(".en.md", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(ReadNotice)
        .ToList();

    public static TheoryData<string> NoticePages => [.. Notices.Select(n => n.PagePath)];

    public static NoticeFile Notice(string pagePath) => Notices.Single(n => n.PagePath == pagePath);

    private static NoticeFile ReadNotice(string path)
    {
        var text = File.ReadAllText(path);
        var frontMatter = text.Split("---\n")[1];
        var fields = TopLevelField().Matches(frontMatter)
            .ToDictionary(m => m.Groups[1].Value, m => Unquote(m.Groups[2].Value.Trim()));
        var year = int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)))!, System.Globalization.CultureInfo.InvariantCulture);
        return new NoticeFile(year, Path.GetFileNameWithoutExtension(path), fields, text);
    }

    /// <summary>A YAML scalar without its quotes ('it''s' → it's).</summary>
    public static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal)
        : value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1]
        : value;

    /// <summary>statiq.json read with System.Text.Json (comments allowed, as the file has them).</summary>
    public static JsonElement Settings { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "statiq.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement;

    public static string Setting(string language, params string[] path)
    {
        var element = path.Aggregate(Settings, (e, key) => e.GetProperty(key));
        return element.GetProperty(language).GetString()!;
    }

    /// <summary>Every built page as a path relative to the output folder (<c>en/2024/index.html</c>).</summary>
    public static IEnumerable<string> PagesOf(BuiltSite site) =>
        site.HtmlFiles.Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'));

    public static bool IsEnglish(string outputPath) => outputPath.StartsWith("en/", StringComparison.Ordinal);

    /// <summary>The content attribute of <c>&lt;meta name|property=…&gt;</c>; null when the page has no such tag.</summary>
    public static string? Meta(IHtmlDocument page, string name) =>
        page.Head!.QuerySelectorAll("meta").SingleOrDefault(m => m.GetAttribute("name") == name || m.GetAttribute("property") == name)?.GetAttribute("content");

    public static string Canonical(IHtmlDocument page) => page.Head!.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;

    /// <summary>Every JSON-LD block of a page, parsed by System.Text.Json.</summary>
    public static IReadOnlyList<JsonElement> JsonLd(IHtmlDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement).ToList();

    /// <summary>The JSON-LD objects of a type, whether top-level or inside an @graph.</summary>
    public static IReadOnlyList<JsonElement> OfType(IHtmlDocument page, string type) =>
        JsonLd(page)
            .SelectMany(e => e.TryGetProperty("@graph", out var graph) ? graph.EnumerateArray().ToList() : [e])
            .Where(e => e.GetProperty("@type").GetString() == type)
            .ToList();

    public static string Text(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    /// <summary>A date as the Chinese pages print it: 2024年8月14日.</summary>
    public static string ChineseDate(string isoDate)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return $"{date.Year}年{date.Month}月{date.Day}日";
    }

    [GeneratedRegex(@"^([a-z_]+):[ \t]*(\S.*)$", RegexOptions.Multiline)]
    private static partial Regex TopLevelField();
}
