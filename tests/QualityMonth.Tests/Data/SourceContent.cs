using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Data;

/// <summary>An activity as its YAML file in input/ gives it.</summary>
public sealed record SourceActivity(
    int Year, string HostKind, string HostSlug, string Id, string Title, string? TitleEn, string? Description,
    string? DescriptionEn, string? Time, string? TimeEn, string? Lead, string? LeadEn, IReadOnlyList<string> Partners,
    IReadOnlyList<string> PartnersEn, IReadOnlyList<string> Kinds, int Photos)
{
    public string Key => $"{Year}/{HostSlug}/{Id}";
}

/// <summary>A notice as its front matter gives it.</summary>
public sealed record SourceNotice(int Year, string Slug, string Title, string? TitleEn, string? Date);

/// <summary>A registry entry (city, organiser, kind of activity).</summary>
public sealed record SourceName(string Slug, string Name, string? NameEn);

/// <summary>
/// The content read straight from the files in input/ with YamlDotNet's document model, apart from the
/// generator's loader, so that the data files can be compared with what the staff wrote.
/// </summary>
public static class SourceContent
{
    private static string Input => Path.Combine(Support.Repo.Root, "input");

    public static IReadOnlyList<SourceActivity> Activities() =>
        Directory.GetFiles(Input, "*.yml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "activities")
            .SelectMany(file =>
            {
                var root = Load(File.ReadAllText(file));
                var year = int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, System.Globalization.CultureInfo.InvariantCulture);
                var (kind, slug) = Scalar(root, "city") is { } city ? ("city", city) : ("organiser", Scalar(root, "organiser")!);
                return ((YamlSequenceNode)root.Children[new YamlScalarNode("activities")]).Children.Cast<YamlMappingNode>().Select(a =>
                    new SourceActivity(year, kind, slug, Scalar(a, "id")!, Scalar(a, "title")!, Scalar(a, "title_en"), Scalar(a, "description"),
                        Scalar(a, "description_en"), Scalar(a, "time"), Scalar(a, "time_en"), Scalar(a, "lead"), Scalar(a, "lead_en"),
                        List(a, "partners"), List(a, "partners_en"), List(a, "kinds"),
                        a.Children.TryGetValue(new YamlScalarNode("photos"), out var photos) ? ((YamlSequenceNode)photos).Children.Count : 0));
            })
            .ToList();

    public static IReadOnlyList<SourceNotice> Notices() =>
        Directory.GetFiles(Input, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal))
            .Select(file =>
            {
                var text = File.ReadAllText(file);
                var frontMatter = text.Split("---\n")[1];
                var root = Load(frontMatter);
                var year = int.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!, System.Globalization.CultureInfo.InvariantCulture);
                var date = Scalar(root, "date");
                return new SourceNotice(year, Path.GetFileNameWithoutExtension(file), Scalar(root, "title")!, Scalar(root, "title_en"), date == "无" ? null : date);
            })
            .ToList();

    /// <summary>A registry in input/site/: cities.yml, organisers.yml or kinds.yml, by slug.</summary>
    public static IReadOnlyDictionary<string, SourceName> Registry(string file) =>
        ((YamlSequenceNode)LoadNode(File.ReadAllText(Path.Combine(Input, "site", file)))).Children.Cast<YamlMappingNode>()
            .Select(e => new SourceName(Scalar(e, "slug")!, Scalar(e, "name")!, Scalar(e, "name_en")))
            .ToDictionary(e => e.Slug);

    private static YamlMappingNode Load(string yaml) => (YamlMappingNode)LoadNode(yaml);

    private static YamlNode LoadNode(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static IReadOnlyList<string> List(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()
            : [];
}
