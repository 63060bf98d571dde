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
        .Use<HtmlAllowListExtension>()
        .Use(new HeadingIdExtension(IsPageId))
        .Build();

    /// <summary>The ids a notice's page gives its own elements (theme/Layout/PageShell.razor, theme/Pages/NoticePage.razor and
    /// the attachments' slogans): a heading of the text never takes one of them.</summary>
    public static bool IsPageId(string id) => id is "main" or "age-friendly" or "read-aloud" || AttachmentId().IsMatch(id);

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

    /// <summary>The text split and rendered; null when it is nested too deeply to parse (reported).</summary>
    public static NoticeMarkdown? Parse(string text, ContentFile file, ICollection<ContentLink> links)
    {
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException e) when (IsDepthLimit(e))
        {
            file.Error(DeepestLine(text), SafetyMessages.MarkdownTooDeep());
            return null;
        }
        foreach (var html in HtmlAllowListExtension.Dropped(document))
            file.Diagnostics.Error(file.Path, html.Line, SafetyMessages.RawHtml(html.Html), html.Column);
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
        foreach (var (url, inline) in document.Descendants<Inline>().Select(Url).Where(l => l.Url is { Length: > 0 }))
        {
            var at = new SourceLocation(file.Path, inline.Line + 1, inline.Column + 1);
            if (SafeLinks.RefusedScheme(url!) is { } scheme)
                file.Diagnostics.Error(at, SafetyMessages.UnsafeLink(url!, scheme));
            else if (inline is LinkInline { IsImage: false } link && SafeLinks.MisleadingHost(PlainText(link), url!) is { } shown)
                file.Diagnostics.Error(at, SafetyMessages.MisleadingLink(shown, url!));
            else if (inline is LinkInline)
                links.Add(new ContentLink(url!, at));
        }

        // One renderer for the text and then its attachments, in the order the page shows them: the headings' ids are unique on the page.
        var renderer = new HtmlRenderer(TextWriter.Null);
        Pipeline.Setup(renderer);
        return new NoticeMarkdown(frontMatter, frontMatterLine, Render(renderer, main, file),
            sections.ToDictionary(s => s.Key, s => new AttachmentSection(Render(renderer, s.Value.Blocks, file), s.Value.Line)));

        static (string? Url, Inline Inline) Url(Inline inline) => inline switch
        {
            LinkInline link => (link.Url, link),
            AutolinkInline { IsEmail: false } autolink => (autolink.Url, autolink),
            _ => (null, inline),
        };
    }

    /// <summary>Markdig's own limit on nesting (<see cref="MarkdownPipeline.MaximumNestingDepth"/>), which keeps the stack bounded.</summary>
    private static bool IsDepthLimit(ArgumentException e) => e.Message.Contains("depth limit", StringComparison.Ordinal);

    /// <summary>The line that starts with the longest run of quote and list markers: where the nesting is.</summary>
    private static int DeepestLine(string text) =>
        text.Split('\n').Select((line, i) => (Line: i + 1, Depth: line.TakeWhile(c => c is '>' or '-' or '*' or '+' or ' ' or '\t').Count()))
            .MaxBy(l => l.Depth).Line;

    private static string PlainText(ContainerInline? inline) =>
        string.Concat(inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);

    private static int? AttachmentNumber(HeadingBlock heading)
    {
        var text = PlainText(heading.Inline);
        var match = AttachmentHeading().Match(text.Trim());
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    /// <summary>
    /// Renders the blocks. A control character that only an entity made (<c>&amp;#11;</c>: the file's own are
    /// reported when it is read) is reported at its block, as pages and feeds cannot carry it.
    /// </summary>
    private static string Render(HtmlRenderer renderer, IEnumerable<Block> blocks, ContentFile file)
    {
        var writer = new StringWriter();
        renderer.Writer = writer;
        foreach (var block in blocks)
        {
            var start = writer.GetStringBuilder().Length;
            renderer.Render(block);
            var html = writer.GetStringBuilder().ToString(start, writer.GetStringBuilder().Length - start);
            if (ContentText.IndexOfForbidden(html) is var at and >= 0)
                file.Error(block.Line + 1, ContentText.Message(html[at]));
        }
        return writer.ToString();
    }

    [GeneratedRegex(@"^附件\s*(\d+)$")]
    private static partial Regex AttachmentHeading();

    /// <summary>An attachment's section (<c>attachment-2</c>), its title and the slogans it lists.</summary>
    [GeneratedRegex(@"^attachment-\d+(-title|-slogan-\d+)?$")]
    private static partial Regex AttachmentId();
}

/// <summary>The text of a <c># 附件N</c> section and the line of its heading.</summary>
public sealed record AttachmentSection(string Html, int Line);

/// <summary>A link written in content, checked once all pages are known.</summary>
public sealed record ContentLink(string Url, SourceLocation Source);
