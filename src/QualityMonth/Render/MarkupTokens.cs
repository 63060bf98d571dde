using System.Net;

namespace QualityMonth.Render;

/// <summary>One piece of a markup string: text (decoded), a start tag, an end tag, or something written as it is (a comment,
/// a doctype, the text of a script or style).</summary>
internal abstract record MarkupToken;

internal sealed record TextToken(string Text) : MarkupToken;

internal sealed record VerbatimToken(string Markup) : MarkupToken;

/// <param name="Attributes">Name and decoded value, as written; a value-less attribute has the value "".</param>
/// <param name="SelfClosing">Written <c>&lt;x /&gt;</c> on an element that is not void (SVG's): it has no end tag.</param>
internal sealed record StartTagToken(string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes, bool SelfClosing) : MarkupToken;

internal sealed record EndTagToken(string Name) : MarkupToken;

/// <summary>
/// The tags and text of the raw markup a page is made with: the theme's static HTML, which Razor hands over as strings, and
/// rendered Markdown. A page's writer walks tokens instead of parsing the page.
/// </summary>
/// <remarks>The markup is the theme's and the Markdown renderer's own, well-formed HTML: this is a tokenizer for that, not for
/// the HTML of the web at large.</remarks>
internal static class MarkupTokens
{
    /// <summary>Elements whose text is not markup.</summary>
    internal static bool IsRawText(string element) => element is "script" or "style";

    internal static bool IsVoid(string element) => element is "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input"
        or "link" or "meta" or "source" or "track" or "wbr";

    internal static IReadOnlyList<MarkupToken> Split(string markup)
    {
        var tokens = new List<MarkupToken>();
        var at = 0;
        while (at < markup.Length)
        {
            var tagAt = markup.IndexOf('<', at);
            if (tagAt < 0) tagAt = markup.Length;
            if (tagAt > at) tokens.Add(new TextToken(WebUtility.HtmlDecode(markup[at..tagAt])));
            if (tagAt == markup.Length) break;
            at = Tag(markup, tagAt, tokens);
        }
        return tokens;
    }

    /// <returns>Where the markup after the tag starts.</returns>
    private static int Tag(string markup, int at, List<MarkupToken> tokens)
    {
        if (string.CompareOrdinal(markup, at, "<!--", 0, 4) == 0)
        {
            var end = markup.IndexOf("-->", at + 4, StringComparison.Ordinal);
            end = end < 0 ? markup.Length : end + 3;
            tokens.Add(new VerbatimToken(markup[at..end]));
            return end;
        }
        var close = markup.IndexOf('>', at);
        if (close < 0)
        {
            tokens.Add(new TextToken(markup[at..]));
            return markup.Length;
        }
        if (markup[at + 1] == '!')
        {
            tokens.Add(new VerbatimToken(markup[at..(close + 1)]));
            return close + 1;
        }
        if (markup[at + 1] == '/')
        {
            tokens.Add(new EndTagToken(markup[(at + 2)..close].Trim().ToLowerInvariant()));
            return close + 1;
        }

        var position = at + 1;
        var name = Word(markup, ref position);
        var attributes = new List<KeyValuePair<string, string>>();
        var selfClosing = false;
        while (true)
        {
            while (position < markup.Length && char.IsWhiteSpace(markup[position])) position++;
            if (position >= markup.Length) break;
            if (markup[position] == '>') { position++; break; }
            if (markup[position] == '/') { selfClosing = true; position++; continue; }
            var attribute = Word(markup, ref position);
            if (attribute.Length == 0) { position++; continue; }
            var value = "";
            if (position < markup.Length && markup[position] == '=')
            {
                position++;
                value = WebUtility.HtmlDecode(Value(markup, ref position));
            }
            attributes.Add(new(attribute, value));
            selfClosing = false;
        }
        var element = name.ToLowerInvariant();
        tokens.Add(new StartTagToken(element, attributes, selfClosing && !IsVoid(element)));
        if (IsRawText(element) && !selfClosing)
        {
            var end = markup.IndexOf("</" + element, position, StringComparison.OrdinalIgnoreCase);
            if (end < 0) end = markup.Length;
            if (end > position) tokens.Add(new VerbatimToken(markup[position..end]));
            return end;
        }
        return position;
    }

    private static string Word(string markup, ref int position)
    {
        var start = position;
        while (position < markup.Length && !char.IsWhiteSpace(markup[position]) && markup[position] is not ('>' or '/' or '=')) position++;
        return markup[start..position];
    }

    private static string Value(string markup, ref int position)
    {
        if (position < markup.Length && markup[position] is '"' or '\'')
        {
            var quote = markup[position];
            var end = markup.IndexOf(quote, position + 1);
            if (end < 0) end = markup.Length;
            var quoted = markup[(position + 1)..end];
            position = Math.Min(end + 1, markup.Length);
            return quoted;
        }
        var start = position;
        while (position < markup.Length && !char.IsWhiteSpace(markup[position]) && markup[position] != '>') position++;
        return markup[start..position];
    }
}

/// <summary>
/// The tokens of the markup one render worker writes, kept from the second time the same string is written: the theme's
/// static HTML (string literals) is written on every page of a kind, while content HTML is written by one page (two with a
/// fallback) and would only hold memory. Strings are told apart by reference, never by hashing their text. One per render
/// worker: no locks between workers.
/// </summary>
internal sealed class MarkupTokenCache
{
    /// <summary>How many strings met once are remembered before they are forgotten together: the theme has a few hundred, and
    /// the preview's warm renderer would otherwise hold the text of every edit of a session.</summary>
    private const int MetOnceLimit = 4096;

    private readonly Dictionary<string, IReadOnlyList<MarkupToken>> _kept = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _metOnce = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<MarkupToken> Of(string markup)
    {
        if (_kept.TryGetValue(markup, out var tokens)) return tokens;
        tokens = MarkupTokens.Split(markup);
        if (_metOnce.Count == MetOnceLimit) _metOnce.Clear();
        if (!_metOnce.Add(markup)) _kept[markup] = tokens;
        return tokens;
    }
}
