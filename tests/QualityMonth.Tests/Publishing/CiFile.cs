using QualityMonth.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Publishing;

/// <summary>A CI configuration of the repository as YamlDotNet reads it, with the few look-ups the tests need.</summary>
public sealed class CiFile
{
    public const string GitHubWorkflow = ".github/workflows/site.yml";
    public const string GitLab = ".gitlab-ci.yml";

    private CiFile(string relativePath, YamlMappingNode root)
    {
        RelativePath = relativePath;
        Root = root;
    }

    public string RelativePath { get; }

    public string FullPath => Path.Combine(Repo.Root, RelativePath);

    public YamlMappingNode Root { get; }

    public static CiFile Load(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repo.Root, relativePath)))
            stream.Load(reader);
        var document = Assert.Single(stream.Documents);
        return new CiFile(relativePath, Assert.IsType<YamlMappingNode>(document.RootNode));
    }
}

public static class YamlNodes
{
    /// <summary>The value of <paramref name="key"/> in a mapping; null when it is not a mapping or has no such key.</summary>
    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The value at a path of keys: <c>At("jobs", "deploy", "permissions")</c>.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] keys) => keys.Aggregate(node, (n, key) => n.Get(key));

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    /// <summary>The items of a sequence of scalars, or the scalar itself as a list of one.</summary>
    public static IReadOnlyList<string> Texts(this YamlNode? node) =>
        node is YamlScalarNode scalar ? [scalar.Value ?? ""] : node.Items().Select(i => i.Text() ?? "").ToList();

    public static IReadOnlyList<string> Keys(this YamlNode? node) =>
        node is YamlMappingNode mapping ? mapping.Children.Keys.Select(k => k.Text() ?? "").ToList() : [];
}
