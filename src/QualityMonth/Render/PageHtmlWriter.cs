using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Components.RenderTree;

namespace QualityMonth.Render;

/// <summary>What a <see cref="PageHtmlWriter"/> hands the URLs and ids it writes to.</summary>
internal interface IWrittenLinks
{
    /// <summary>The URL as it is written; <paramref name="inContent"/> when it is in Markdown content (<c>.prose</c>).</summary>
    string Url(string url, bool inContent);

    /// <summary>Takes an id the markup gives an element; false when it is not to be written.</summary>
    bool Id(string id);
}

#pragma warning disable BL0006 // The render tree is read here to write the page: the one place that needs it.

/// <summary>
/// Writes a rendered page as HTML, once, straight from the components' render trees: every URL attribute goes through the
/// page's <see cref="PageLinks.PageLinkRecorder"/> (checked, localised in content, mounted under the base path) and every id
/// is recorded (content headings carry theirs from the Markdown renderer, <see cref="Markdown.HeadingIdExtension"/>). Raw markup (the theme's static HTML, rendered Markdown) is walked as tokens
/// (<see cref="MarkupTokens"/>), the theme's split once per render worker (<see cref="MarkupTokenCache"/>).
/// </summary>
/// <remarks>The HTML is written as an HTML5 serialiser writes a parsed document (the form the site has always had):
/// value-less attributes as <c>name=""</c>, void elements without a slash, text escaped for <c>&amp; &lt; &gt;</c> and
/// no-break spaces, attribute values for <c>&amp; "</c> and no-break spaces, and no whitespace before the <c>head</c>.</remarks>
internal sealed class PageHtmlWriter
{
    private readonly Func<int, ArrayRange<RenderTreeFrame>>? _framesOf;
    private readonly IWrittenLinks _links;
    private readonly StringBuilder _html;
    private readonly MarkupTokenCache? _tokens;
    private readonly Stack<OpenElement> _open = new();
    private readonly List<KeyValuePair<string, string>> _attributes = [];
    private bool _headStarted;

    /// <param name="framesOf">The current render tree of a component, by its id; null for a fragment.</param>
    /// <param name="html">Where the HTML is appended.</param>
    /// <param name="tokens">The worker's tokens of the markup it has written; null to split every string (a fragment).</param>
    private PageHtmlWriter(Func<int, ArrayRange<RenderTreeFrame>>? framesOf, IWrittenLinks links, StringBuilder html, MarkupTokenCache? tokens)
    {
        _framesOf = framesOf;
        _links = links;
        _html = html;
        _tokens = tokens;
        // A fragment is body content: its whitespace is all kept.
        _headStarted = framesOf is null;
    }

    /// <param name="framesOf">The current render tree of a component, by its id.</param>
    /// <param name="html">Where the page is appended: a renderer reuses one for every page it writes.</param>
    /// <param name="tokens">The render worker's markup tokens.</param>
    public PageHtmlWriter(Func<int, ArrayRange<RenderTreeFrame>> framesOf, PageLinks.PageLinkRecorder links, StringBuilder html, MarkupTokenCache tokens)
        : this(framesOf, (IWrittenLinks)links, html, tokens)
    {
    }

    /// <summary>Content HTML (rendered Markdown) written as the pages write it, each URL as <paramref name="url"/> gives it, and
    /// without ids: shown away from its page (a feed entry), its links to the page's anchors point at the page, and its ids
    /// would clash with those of the reader's page.</summary>
    public static string Fragment(string markup, Func<string, string> url)
    {
        var writer = new PageHtmlWriter(null, new FragmentLinks(url), new StringBuilder(markup.Length + markup.Length / 8), null);
        writer.Markup(markup);
        while (writer._open.Count > 0) writer.EndTag(writer._open.Peek().Name);
        return writer._html.ToString();
    }

    private sealed class FragmentLinks(Func<string, string> url) : IWrittenLinks
    {
        public string Url(string written, bool inContent) => url(written);

        public bool Id(string id) => false;
    }

    /// <summary>An open element; <paramref name="InContent"/> when it is or is inside Markdown content (<c>.prose</c>).</summary>
    private readonly record struct OpenElement(string Name, bool InContent);

    /// <summary>Writes the page whose root component is <paramref name="componentId"/>, with the final newline every page ends with.</summary>
    public void Write(int componentId)
    {
        WriteComponent(componentId);
        while (_open.Count > 0) EndTag(_open.Peek().Name);
        _html.Append('\n');
    }

    private void WriteComponent(int componentId)
    {
        var frames = _framesOf!(componentId);
        WriteFrames(frames, 0, frames.Count);
    }

    private void WriteFrames(ArrayRange<RenderTreeFrame> frames, int position, int end)
    {
        while (position < end)
        {
            ref var frame = ref frames.Array[position];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Element:
                    WriteElement(frames, position);
                    position += frame.ElementSubtreeLength;
                    break;
                case RenderTreeFrameType.Text:
                    Text(frame.TextContent);
                    position++;
                    break;
                case RenderTreeFrameType.Markup:
                    Markup(frame.MarkupContent);
                    position++;
                    break;
                case RenderTreeFrameType.Component:
                    WriteComponent(frame.ComponentId);
                    position += frame.ComponentSubtreeLength;
                    break;
                case RenderTreeFrameType.Region:
                    WriteFrames(frames, position + 1, position + frame.RegionSubtreeLength);
                    position += frame.RegionSubtreeLength;
                    break;
                default: // reference captures, render modes, named events: nothing of the HTML
                    position++;
                    break;
            }
        }
    }

    private void WriteElement(ArrayRange<RenderTreeFrame> frames, int position)
    {
        ref var element = ref frames.Array[position];
        var end = position + element.ElementSubtreeLength;
        // One list for every element: the tag is written before any child is.
        var attributes = _attributes;
        attributes.Clear();
        var child = position + 1;
        for (; child < end; child++)
        {
            ref var frame = ref frames.Array[child];
            if (frame.FrameType == RenderTreeFrameType.ElementReferenceCapture) continue;
            if (frame.FrameType != RenderTreeFrameType.Attribute) break;
            // As Razor's own HTML renderer: true is the attribute alone, false and event handlers are not HTML.
            if (frame.AttributeEventHandlerId == 0 && frame.AttributeValue is true or string)
                attributes.Add(new(frame.AttributeName, frame.AttributeValue as string ?? ""));
        }
        var name = element.ElementName;
        StartTag(name, attributes);
        if (MarkupTokens.IsVoid(name)) return;
        WriteFrames(frames, child, end);
        EndTag(name);
    }

    private void Markup(string markup)
    {
        foreach (var token in _tokens?.Of(markup) ?? MarkupTokens.Split(markup))
            switch (token)
            {
                case TextToken text:
                    Text(text.Text);
                    break;
                case VerbatimToken verbatim:
                    _html.Append(verbatim.Markup);
                    break;
                case StartTagToken start:
                    StartTag(start.Name, start.Attributes);
                    if (start.SelfClosing) EndTag(start.Name);
                    break;
                case EndTagToken end:
                    EndTag(end.Name);
                    break;
            }
    }

    private void StartTag(string name, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var inContent = (_open.TryPeek(out var parent) && parent.InContent) || IsProse(attributes);
        if (name == "head") _headStarted = true;

        _html.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (attribute == "id" && !_links.Id(value)) continue;
            var written = attribute switch
            {
                "href" or "src" or "action" => _links.Url(value, inContent),
                "srcset" => string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(candidate => candidate.Split(' ', 2) is [var url, var descriptor] ? $"{_links.Url(url, inContent)} {descriptor}" : _links.Url(candidate, inContent))),
                _ => value,
            };
            _html.Append(' ').Append(attribute).Append("=\"").Append(EscapeAttribute(written)).Append('"');
        }
        _html.Append('>');
        if (!MarkupTokens.IsVoid(name)) _open.Push(new OpenElement(name, inContent));
    }

    /// <summary>Whether the element's classes include <c>prose</c>, which marks Markdown content.</summary>
    private static bool IsProse(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (name != "class") continue;
            foreach (var range in value.AsSpan().Split(' '))
                if (value.AsSpan()[range] is "prose") return true;
        }
        return false;
    }

    /// <summary>Closes the innermost open <paramref name="name"/> element, and the elements left open inside it, as an HTML
    /// parser would; an end tag without its element is dropped.</summary>
    private void EndTag(string name)
    {
        if (!IsOpen(name)) return;
        string closed;
        do
        {
            closed = _open.Pop().Name;
            _html.Append("</").Append(closed).Append('>');
        } while (closed != name);
    }

    private bool IsOpen(string name)
    {
        foreach (var element in _open)
            if (element.Name == name) return true;
        return false;
    }

    private void Text(string text)
    {
        // As an HTML parser does: whitespace outside the html element and before its head is not part of the document.
        if (!_headStarted && (_open.Count == 0 || _open.Peek().Name == "html") && string.IsNullOrWhiteSpace(text)) return;
        if (_open.TryPeek(out var parent) && MarkupTokens.IsRawText(parent.Name))
        {
            _html.Append(text);
            return;
        }
        // The runs between characters to escape are appended whole: a notice's text is tens of thousands of characters.
        var rest = text.AsSpan();
        for (int at; (at = rest.IndexOfAny(TextToEscape)) >= 0; rest = rest[(at + 1)..])
        {
            _html.Append(rest[..at]).Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&nbsp;",
            });
        }
        _html.Append(rest);
    }

    private static readonly SearchValues<char> TextToEscape = SearchValues.Create("&<>\u00A0");

    private static string EscapeAttribute(string value) =>
        value.AsSpan().IndexOfAny("&\"\u00A0") < 0 ? value : value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("\u00A0", "&nbsp;");
}
