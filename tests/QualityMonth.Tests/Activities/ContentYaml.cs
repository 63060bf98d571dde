using QualityMonth.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Activities;

/// <summary>
/// The activities as the YAML files state them, read with YamlDotNet directly (not through the
/// generator's loader), so the pages are checked against the content, not against themselves.
/// </summary>
public static class ContentYaml
{
    public sealed record Entry(int Year, string HostKind, string Host, string Id, string Title, string? TitleEn, string? Time, IReadOnlyList<string> Kinds)
    {
        public string Path => $"/activities/{Year}/{Host}/{Id}/";
    }

    public static readonly IReadOnlyList<Entry> Activities = Load();

    public static IReadOnlyDictionary<string, string> KindNames { get; } = Registry("kinds.yml");

    public static IReadOnlyDictionary<string, string> CityNames { get; } = Registry("cities.yml");

    private static IReadOnlyDictionary<string, string> Registry(string file)
    {
        var root = (YamlSequenceNode)Parse(System.IO.Path.Combine(Repo.Root, "input", "site", file));
        return root.Cast<YamlMappingNode>().ToDictionary(n => Scalar(n, "slug")!, n => Scalar(n, "name")!);
    }

    private static List<Entry> Load()
    {
        var entries = new List<Entry>();
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(Repo.Root, "input"), "*.yml", SearchOption.AllDirectories)
                     .Where(f => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(f)) == "activities"))
        {
            var year = int.Parse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(file)))!);
            var root = (YamlMappingNode)Parse(file);
            var hostKind = Scalar(root, "city") is not null ? "city" : "organiser";
            var host = Scalar(root, hostKind)!;
            foreach (var item in ((YamlSequenceNode)root.Children[new YamlScalarNode("activities")]).Cast<YamlMappingNode>())
            {
                var kinds = ((YamlSequenceNode)item.Children[new YamlScalarNode("kinds")]).Select(k => ((YamlScalarNode)k).Value!).ToList();
                entries.Add(new Entry(year, hostKind, host, Scalar(item, "id")!, Scalar(item, "title")!, Scalar(item, "title_en"), Scalar(item, "time"), kinds));
            }
        }
        return entries;
    }

    private static YamlNode Parse(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
