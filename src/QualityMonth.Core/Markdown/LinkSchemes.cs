using System.Text.RegularExpressions;

namespace QualityMonth.Markdown;

/// <summary>
/// Which links content may publish: http(s), mailto, tel and addresses without a scheme (site-relative). Anything
/// else — <c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c> — could run code or mislead a visitor.
/// </summary>
public static partial class LinkSchemes
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    /// <summary>
    /// The scheme of <paramref name="url"/> (entities already decoded by the Markdown parser) when it is not
    /// allowed, read as a browser reads it (WHATWG URL): leading and trailing controls and spaces are stripped and
    /// tabs and line breaks anywhere are dropped, so <c>" java&#9;script:"</c> is <c>javascript</c>.
    /// </summary>
    public static string? Refused(string url)
    {
        var browserReads = AsciiTabOrNewline().Replace(url, "").Trim(ControlOrSpace);
        var scheme = Scheme().Match(browserReads);
        return scheme.Success && !Allowed.Contains(scheme.Groups[1].Value) ? scheme.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static readonly char[] ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    [GeneratedRegex("[\t\n\r]")]
    private static partial Regex AsciiTabOrNewline();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex Scheme();
}
