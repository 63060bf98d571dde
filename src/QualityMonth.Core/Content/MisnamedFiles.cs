using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>
/// Content files the loaders pass over because of their extension: a notice saved as <c>.MD</c> or <c>.txt</c>, an
/// activities file as <c>.yaml</c>. Nothing would say they are not published, so each is a warning naming the file's
/// right name.
/// </summary>
public static class MisnamedFiles
{
    /// <summary>What a file in a folder of notices may be called by mistake: read only as <c>.md</c>.</summary>
    private static readonly HashSet<string> NoticeMistakes = [".md", ".markdown", ".txt"];

    /// <summary>What a YAML file elsewhere in input/ may be called by mistake: read only as <c>.yml</c>.</summary>
    private static readonly HashSet<string> YamlMistakes = [".yml", ".yaml", ".txt"];

    public static void Report(string siteRoot, DiagnosticBag diagnostics)
    {
        var input = Path.Combine(siteRoot, ContentLoader.InputFolder);
        if (!Directory.Exists(input)) return;
        foreach (var file in Directory.EnumerateFiles(input, "*", SiteTree.TreeWithoutLinks))
        {
            var inNotices = Path.GetFileName(Path.GetDirectoryName(file)) == "notices";
            var (expected, mistakes) = inNotices ? (".md", NoticeMistakes) : (".yml", YamlMistakes);
            var extension = Path.GetExtension(file);
            if (extension == expected || !mistakes.Contains(extension.ToLowerInvariant())) continue;
            // notice.md.txt → notice.md, not notice.md.md
            var stem = Path.GetFileNameWithoutExtension(file);
            while (mistakes.Contains(Path.GetExtension(stem).ToLowerInvariant())) stem = Path.GetFileNameWithoutExtension(stem);
            var rightName = stem + expected;
            diagnostics.Warning(Path.GetRelativePath(siteRoot, file).Replace('\\', '/'), 0, SiteMessages.MisnamedFile(Path.GetFileName(file), rightName));
        }
    }
}
