namespace QualityMonth.Content;

/// <summary>
/// A Markdown file's lines split into its YAML front matter and its body, by the rule Markdig's
/// front matter extension applies: the first line is '---', and the YAML ends at a '---' or '...' line.
/// For readers that need lines, not rendered HTML (the placeholder check, the <c>new</c> command).
/// </summary>
/// <param name="Yaml">The YAML text, or null when the file has no front matter.</param>
/// <param name="YamlFirstLine">The 1-based file line of the YAML's first line.</param>
/// <param name="BodyFirstLine">The 1-based file line where the Markdown body starts.</param>
public sealed record FrontMatter(string? Yaml, int YamlFirstLine, int BodyFirstLine, IReadOnlyList<string> Lines)
{
    public static FrontMatter Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
            return new FrontMatter(null, 0, 1, lines);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
                return new FrontMatter(string.Join('\n', lines[1..i]), 2, i + 2, lines);
        }
        return new FrontMatter(null, 0, 1, lines);
    }

    /// <summary>The body's lines with their 1-based file line numbers.</summary>
    public IEnumerable<(int Line, string Text)> Body => Lines.Skip(BodyFirstLine - 1).Select((text, i) => (BodyFirstLine + i, text));
}
