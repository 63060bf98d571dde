using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Scaffold;

/// <summary>
/// A scratch copy of the real site with the templates of theme/scaffolds/, on which the tests run the
/// real <c>new</c>, <c>check</c> and <c>build</c> commands, fill placeholders as staff would, and read
/// files and built pages back with their own parsers.
/// </summary>
public sealed partial class ScaffoldSite : IDisposable
{
    public const string Marker = "【待填写】";

    private readonly TempSite _site = new();

    public ScaffoldSite() =>
        TempSite.CopyDirectory(Path.Combine(Repo.Root, "theme", "scaffolds"), _site.PathOf("theme/scaffolds"));

    public string Root => _site.Root;

    public string PathOf(string relative) => _site.PathOf(relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public Generator.Result New(params string[] args) => Generator.Run(["new", .. args, "--root", Root]);

    public Generator.Result Check() => Generator.Run("check", "--root", Root);

    public Generator.Result Build() => Generator.Run("build", "--root", Root);

    /// <summary>Every line outside comments still holding the placeholder, found by plain text search: "file:line".</summary>
    public IReadOnlySet<string> UnfilledLines(params string[] files) =>
        files.SelectMany(file => File.ReadAllLines(PathOf(file))
                .Select((text, i) => (Text: text, Line: i + 1))
                .Where(l => l.Text.Contains(Marker, StringComparison.Ordinal) && !l.Text.TrimStart().StartsWith('#'))
                .Select(l => $"{file}:{l.Line}"))
            .ToHashSet();

    /// <summary>The "file:line" of each error a command printed as 'file:line: error: …'.</summary>
    public static IReadOnlyList<string> ErrorLines(string output) =>
        ErrorLine().Matches(output).Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// Fills placeholders in order, as staff would: each (field, value) replaces the placeholder on the
    /// first line still holding one for that YAML key ("" for a line of Markdown text, replaced whole).
    /// </summary>
    public void Fill(string relative, params (string Field, string Value)[] values)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        foreach (var (field, value) in values)
        {
            var index = Array.FindIndex(lines, line => line.Contains(Marker, StringComparison.Ordinal)
                && !line.TrimStart().StartsWith('#') && FieldOf(line) == field);
            if (index < 0) throw new InvalidOperationException($"no unfilled '{field}' left in {relative}");
            lines[index] = field.Length == 0 ? value : lines[index].Replace(Marker, value, StringComparison.Ordinal);
        }
        File.WriteAllText(PathOf(relative), string.Join('\n', lines) + "\n");
    }

    /// <summary>Every file of the site with a hash of its bytes: what a refused command must leave as it was.</summary>
    public IReadOnlyDictionary<string, string> Listing() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public IHtmlDocument Page(string sitePath) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Output, sitePath.Trim('/'), "index.html")));

    private static string FieldOf(string line) => FieldName().Match(line) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex(@"^\s*(?:-\s+)?([a-z_]+):")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^(\S+:\d+): error: ", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    public void Dispose() => _site.Dispose();
}
