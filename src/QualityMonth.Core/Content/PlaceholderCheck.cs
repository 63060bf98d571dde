using QualityMonth.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Content;

/// <summary>
/// Finds the placeholder 【待填写】 that the <c>new</c> command's templates put wherever staff must write a
/// value. Content still holding one fails check and build, so a scaffold is never published unfilled.
/// Only values count, not YAML comments: the templates' optional fields are commented-out lines holding
/// the placeholder, which become errors only once someone uncomments them.
/// </summary>
public static class PlaceholderCheck
{
    public const string Marker = "【待填写】";

    /// <summary>Every placeholder in the YAML and Markdown files under <paramref name="folder"/>, in file then line order.</summary>
    /// <param name="texts">The files the load has read already, scanned as it read them.</param>
    public static IReadOnlyList<Placeholder> InFolder(string siteRoot, string folder, ContentTexts texts) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SiteTree.TreeWithoutLinks)
                .Where(IsContent)
                .Order(StringComparer.Ordinal)
                .SelectMany(path => InFile(siteRoot, path, texts))
                .ToList()
            : [];

    /// <param name="texts">The files a load has read already; any other file is read through <see cref="ContentText"/>, its
    /// problems not reported here: reading files is the loaders' part, and so is saying what is wrong with them.</param>
    public static IReadOnlyList<Placeholder> InFile(string siteRoot, string fullPath, ContentTexts? texts = null)
    {
        var file = ContentFile.For(siteRoot, fullPath, new DiagnosticBag());
        var text = texts?.Of(fullPath) ?? ContentText.Read(file);
        if (!text.Contains(Marker, StringComparison.Ordinal)) return [];
        var found = new List<Placeholder>();
        if (Path.GetExtension(fullPath) == ".md")
        {
            var split = FrontMatter.Split(text);
            if (split.Yaml is not null)
                FindInYaml(split.Yaml, split.YamlFirstLine - 1, file.Path, found);
            found.AddRange(split.Body
                .Where(line => line.Text.Contains(Marker, StringComparison.Ordinal))
                .Select(line => new Placeholder(file.Path, line.Line, Field: null)));
        }
        else
            FindInYaml(text, 0, file.Path, found);
        return found;
    }

    private static bool IsContent(string path) => Path.GetExtension(path) is ".yml" or ".yaml" or ".md";

    private static void FindInYaml(string yaml, int lineOffset, string file, List<Placeholder> found)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new ContentYamlParser(yaml, file: null));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return; // malformed or refused YAML is the content loader's error to report, with its line
        }
        foreach (var document in stream.Documents)
            Walk(document.RootNode, field: null);

        void Walk(YamlNode node, string? field)
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } value } scalar when value.Contains(Marker, StringComparison.Ordinal):
                    found.Add(new Placeholder(file, lineOffset + (int)scalar.Start.Line, field ?? value));
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence) Walk(item, field);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        var name = (key as YamlScalarNode)?.Value;
                        Walk(key, name);
                        Walk(value, name);
                    }
                    break;
            }
        }
    }
}

/// <summary>One unfilled placeholder.</summary>
/// <param name="Field">The YAML key whose value holds it, or null in a notice's Markdown text.</param>
public sealed record Placeholder(string File, int Line, string? Field)
{
    public Message Message => Field is null ? YamlMessages.UnfilledText(PlaceholderCheck.Marker) : YamlMessages.UnfilledField(Field, PlaceholderCheck.Marker);

    public Diagnostic ToDiagnostic() => new(Severity.Error, File, Line, 0, Message);
}
