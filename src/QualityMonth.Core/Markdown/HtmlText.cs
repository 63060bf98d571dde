using System.Net;
using System.Text.RegularExpressions;

namespace QualityMonth.Markdown;

/// <summary>What a piece of rendered HTML says, for comparing it with what a document or another field says.</summary>
public static partial class HtmlText
{
    /// <summary>The text without markup, entities decoded.</summary>
    public static string Plain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    /// <summary>The text without markup or white space, which Markdown line breaks and a source's spacing vary.</summary>
    public static string Squeezed(string html) => WithoutWhiteSpace(Plain(html));

    /// <summary>A plain text without its white space.</summary>
    public static string WithoutWhiteSpace(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
