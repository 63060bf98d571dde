using System.Net;
using System.Text.RegularExpressions;

namespace QualityMonth.Theme.Government;

/// <summary>Short plain-text summaries of pages, for the description and link-preview meta tags.</summary>
public static partial class Summary
{
    /// <summary>Search engines and link previews show about this many characters of a description.</summary>
    public const int MaxLength = 160;

    /// <summary>
    /// The first sentence of a notice's text. The addressees (主送) are skipped: the first paragraph when it
    /// ends with a colon and holds no full stop (a notice published without them starts with its text).
    /// The sentence ends at the first full stop, or with its paragraph (现就有关事项通知如下：).
    /// </summary>
    public static string? FirstSentence(string html)
    {
        var paragraphs = Paragraphs(html)
            .Select(p => WhiteSpace().Replace(WebUtility.HtmlDecode(Tag().Replace(p, "")), " ").Trim())
            .Where(p => p.Length > 0)
            // Only the first two paragraphs can matter (the addressees and the first sentence): a notice has dozens.
            .Take(2)
            .ToList();
        if (paragraphs.Count > 1 && (paragraphs[0].EndsWith('：') || paragraphs[0].EndsWith(':')) && !SentenceEnd().IsMatch(paragraphs[0]))
            paragraphs.RemoveAt(0);
        if (paragraphs.Count == 0) return null;
        var text = paragraphs[0];
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + end.Length)].Trim() : text;
    }

    /// <summary>Cuts a text to <see cref="MaxLength"/> characters, at a character boundary, marking the cut.</summary>
    public static string Shorten(string text, string ellipsis)
    {
        if (text.Length <= MaxLength) return text;
        var cut = MaxLength - ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + ellipsis;
    }

    /// <summary>The inner HTML of each <c>p</c> element, in order (the Markdown renderer's HTML: no nested paragraphs).</summary>
    private static IEnumerable<string> Paragraphs(string html)
    {
        // Found with IndexOf, not a lazy regex, which walked every paragraph's text character by character.
        for (var at = html.IndexOf("<p", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<p", at, StringComparison.Ordinal))
        {
            var afterName = at + 2;
            if (afterName < html.Length && (char.IsLetterOrDigit(html[afterName]) || html[afterName] == '_'))
            {
                at = afterName; // <pre>, <param>: not a paragraph
                continue;
            }
            var contentStart = html.IndexOf('>', afterName) + 1;
            var end = contentStart == 0 ? -1 : html.IndexOf("</p>", contentStart, StringComparison.Ordinal);
            if (end < 0) yield break;
            yield return html[contentStart..end];
            at = end + "</p>".Length;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>A Chinese full stop, or an English one followed by a space (not a decimal point or an abbreviation's dot inside a word).</summary>
    [GeneratedRegex(@"。|\.(?=\s)|\.$")]
    private static partial Regex SentenceEnd();
}
