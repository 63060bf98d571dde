using System.Text;
using QualityMonth.Content;
using QualityMonth.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Scaffold;

/// <summary>
/// An existing activities file, read for <c>new activity</c>: its host, its activity ids, and where a new
/// entry goes. The entry is inserted as text after the last activity, so every other line, every
/// comment, the line endings and a byte-order mark stay exactly as staff wrote them.
/// </summary>
public sealed class ActivitiesFile
{
    private readonly string _text;
    private readonly bool _byteOrderMark;
    private readonly YamlSequenceNode? _list;

    private ActivitiesFile(string fullPath, string relativePath, string text, bool byteOrderMark, YamlMappingNode root)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        _text = text;
        _byteOrderMark = byteOrderMark;
        foreach (var kind in new[] { HostKind.City, HostKind.Organiser })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(HostKey(kind)), out var value) && value is YamlScalarNode { Value: { } slug })
                Host = (kind, slug);
        }
        _list = root.Children.TryGetValue(new YamlScalarNode("activities"), out var list) ? list as YamlSequenceNode : null;
        Ids = _list?.Children
            .Select(item => item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null)
            .OfType<string>()
            .ToList() ?? [];
    }

    public string FullPath { get; }

    /// <summary>Relative to the site root, forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>The city or organiser the file names, when it names one.</summary>
    public (HostKind Kind, string Slug)? Host { get; }

    public IReadOnlyList<string> Ids { get; }

    public static string HostKey(HostKind kind) => kind == HostKind.City ? "city" : "organiser";

    /// <summary>
    /// Every activities file of a year. A file that is not readable YAML is refused, naming it: the
    /// command cannot know whom it belongs to, and check says what is wrong with it.
    /// </summary>
    public static IReadOnlyList<ActivitiesFile> InYear(string siteRoot, string yearFolder)
    {
        var folder = Path.Combine(yearFolder, "activities");
        if (!Directory.Exists(folder)) return [];
        var files = new List<ActivitiesFile>();
        foreach (var path in Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(siteRoot, path).Replace('\\', '/');
            var bytes = File.ReadAllBytes(path);
            var byteOrderMark = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes, byteOrderMark ? 3 : 0, bytes.Length - (byteOrderMark ? 3 : 0));
            if (Parse(text) is YamlMappingNode root)
                files.Add(new ActivitiesFile(path, relative, text, byteOrderMark, root));
            else
                throw new ScaffoldRefusedException(new(
                    $"{relative} 不是可以读懂的活动文件（YAML 格式有误）：先改正它，运行 ./build.sh check 可以看到错在哪一行。",
                    $"{relative} is not a readable activities file (malformed YAML): fix it first; ./build.sh check shows the line."));
        }
        return files;
    }

    /// <summary>
    /// Inserts <paramref name="entry"/> (a list item written at indent 0, lines separated by '\n') after
    /// the last activity, at the list's indentation, and writes the file by an atomic rename.
    /// </summary>
    public void Append(string entry, string newId)
    {
        if (_list is not { Style: not YamlDotNet.Core.Events.SequenceStyle.Flow } || _list.Children.Count == 0)
            throw new ScaffoldRefusedException(new(
                $"{RelativePath} 中的 activities 不是以“- ”开头逐项书写的活动清单，无法自动添加：请照其他活动文件的格式改写后再试。",
                $"the 'activities' of {RelativePath} is not a list of '- ' items, so nothing can be added to it safely: write it like the other activities files and try again."));
        var lines = _text.Split('\n').ToList();
        var lineBreak = _text.Contains("\r\n", StringComparison.Ordinal) ? "\r" : "";
        var indent = (int)_list.Start.Column - 1;
        var after = LastLineOfList(lines, indent);
        var atEndWithoutLineBreak = after == lines.Count;
        if (atEndWithoutLineBreak) lines[after - 1] += lineBreak;
        lines.InsertRange(after, ScaffoldTemplate.Indent(entry, indent).Split('\n').Select(line => line + lineBreak));
        if (atEndWithoutLineBreak) lines.Add("");
        var updated = string.Join('\n', lines);
        if (Parse(updated) is not YamlMappingNode root || new ActivitiesFile(FullPath, RelativePath, updated, _byteOrderMark, root).Ids.Count(id => id == newId) != 1)
            throw new ScaffoldRefusedException(new(
                $"无法在 {RelativePath} 中安全地添加活动（文件结构与模板不同）：请照模板 theme/scaffolds/activity.yml 手工添加。",
                $"the activity could not be added to {RelativePath} safely (the file is laid out differently from the templates): add it by hand, following theme/scaffolds/activity.yml."));
        var temporary = Path.Combine(Path.GetDirectoryName(FullPath)!, $".{Path.GetFileName(FullPath)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, updated, new UTF8Encoding(_byteOrderMark));
        File.Move(temporary, FullPath, overwrite: true);
    }

    /// <summary>
    /// The 1-based line where the list's content ends: the last line holding a value of its last item,
    /// then the comment lines indented under that item (a template's commented-out optional fields).
    /// </summary>
    private int LastLineOfList(IReadOnlyList<string> lines, int indent)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < _text.Length; i++)
            if (_text[i] == '\n') lineStarts.Add(i + 1);
        int LineOf(int index) => lineStarts.BinarySearch(index) is var found && found >= 0 ? found + 1 : ~found;

        var last = _list!.AllNodes
            .Where(node => node is YamlScalarNode || node is YamlSequenceNode { Style: YamlDotNet.Core.Events.SequenceStyle.Flow } || node is YamlMappingNode { Style: YamlDotNet.Core.Events.MappingStyle.Flow })
            .Select(node =>
            {
                var end = (int)node.End.Index - 1;
                while (end > node.Start.Index && char.IsWhiteSpace(_text[end])) end--;
                return LineOf(Math.Max(end, (int)node.Start.Index));
            })
            .Max();
        for (var next = last; next < lines.Count; next++)
        {
            var line = lines[next].TrimEnd('\r');
            var content = line.TrimStart();
            if (content.Length == 0) continue;
            if (!content.StartsWith('#') || line.Length - content.Length <= indent) break;
            last = next + 1;
        }
        return last;
    }

    private static YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new ContentYamlParser(text, file: null));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode : null;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }
    }
}
