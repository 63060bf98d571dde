using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QualityMonth.Markdown;

/// <summary>
/// Gives each heading of content below level 1 (<c>##</c> … <c>######</c>) an id made from its words, so a section can be
/// linked to: unique among the headings one renderer writes (one page's text, in page order) and never one of the ids
/// the page gives its own elements (<paramref name="pageId"/>), which a heading's words take with a number instead.
/// </summary>
/// <param name="pageId">Whether an id is one the page the text is shown on gives its own elements.</param>
public sealed class HeadingIdExtension(Func<string, bool> pageId) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) { }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
            html.ObjectRenderers.Replace<HeadingRenderer>(new IdentifiedHeadingRenderer(pageId));
    }

    /// <summary>A heading's id made from its text: lower case, letters (of any script) and digits, words joined by hyphens.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if ((char.IsWhiteSpace(c) || c == '-') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    /// <summary>The text a heading shows, as a reader sees it: images (whose words are their alt text) and raw tags add none.</summary>
    private static void AppendText(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LinkInline { IsImage: true }:
                break;
            case ContainerInline container:
                foreach (var child in container) AppendText(child, text);
                break;
        }
    }

    private sealed class IdentifiedHeadingRenderer(Func<string, bool> pageId) : HeadingRenderer
    {
        private readonly HashSet<string> _given = new(StringComparer.Ordinal);

        protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
        {
            if (heading.Level > 1 && heading.TryGetAttributes()?.Id is null)
            {
                var text = new StringBuilder();
                if (heading.Inline is { } inline) AppendText(inline, text);
                heading.GetAttributes().Id = UniqueId(Slugify(text.ToString()));
            }
            base.Write(renderer, heading);
        }

        private string UniqueId(string baseId)
        {
            var id = baseId;
            for (var n = 2; pageId(id) || !_given.Add(id); n++) id = $"{baseId}-{n}";
            return id;
        }
    }
}
