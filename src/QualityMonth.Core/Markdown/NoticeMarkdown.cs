using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QualityMonth.Content;
using QualityMonth.Model;

namespace QualityMonth.Markdown;

/// <summary>
/// A notice's Markdown file split into what the site needs: the front matter, the main text, and
/// the text attachments that start at level-1 headings <c># 附件N</c>.
/// </summary>
public sealed partial class NoticeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseCjkFriendlyEmphasis()
        .UsePreciseSourceLocation()
        .Build();

    private NoticeMarkdown(string? frontMatter, int frontMatterLine, string mainHtml, IReadOnlyDictionary<int, AttachmentSection> attachments)
    {
        FrontMatter = frontMatter;
        FrontMatterLine = frontMatterLine;
        MainHtml = mainHtml;
        Attachments = attachments;
    }

    /// <summary>The YAML between the '---' lines, or null when the file has none.</summary>
    public string? FrontMatter { get; }

    /// <summary>Lines before the YAML text (the opening '---').</summary>
    public int FrontMatterLine { get; }

    public string MainHtml { get; }

    /// <summary>Each <c># 附件N</c> section, by N.</summary>
    public IReadOnlyDictionary<int, AttachmentSection> Attachments { get; }

    public static NoticeMarkdown Parse(string text, ContentFile file, ICollection<ContentLink> links)
    {
        var document = Markdig.Markdown.Parse(text, Pipeline);
        string? frontMatter = null;
        var frontMatterLine = 0;
        var main = new List<Block>();
        var sections = new SortedDictionary<int, (int Line, List<Block> Blocks)>();
        List<Block> current = main;

        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = string.Join('\n', yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()));
                    frontMatterLine = yaml.Line + 1;
                    continue;
                case HeadingBlock { Level: 1 } heading:
                    var number = AttachmentNumber(heading);
                    if (number is null)
                        file.Error(heading.Line + 1, NoticeMessages.StrayLevelOneHeading());
                    else if (sections.ContainsKey(number.Value))
                        file.Error(heading.Line + 1, NoticeMessages.AttachmentTwice(number.Value));
                    else
                        sections[number.Value] = (heading.Line + 1, current = []);
                    continue;
            }
            current.Add(block);
        }
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { Length: > 0 } url)
                links.Add(new ContentLink(url, new SourceLocation(file.Path, link.Line + 1, link.Column + 1)));

        return new NoticeMarkdown(frontMatter, frontMatterLine, Render(main),
            sections.ToDictionary(s => s.Key, s => new AttachmentSection(Render(s.Value.Blocks), s.Value.Line)));
    }

    private static int? AttachmentNumber(HeadingBlock heading)
    {
        var text = string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
        var match = AttachmentHeading().Match(text.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    private static string Render(IEnumerable<Block> blocks)
    {
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        foreach (var block in blocks)
            renderer.Render(block);
        return writer.ToString();
    }

    [GeneratedRegex(@"^附件\s*(\d+)$")]
    private static partial Regex AttachmentHeading();
}

/// <summary>The text of a <c># 附件N</c> section and the line of its heading.</summary>
public sealed record AttachmentSection(string Html, int Line);

/// <summary>A link written in content, checked once all pages are known.</summary>
public sealed record ContentLink(string Url, SourceLocation Source);
