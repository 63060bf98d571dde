using System.Text.RegularExpressions;

namespace QualityMonth.Markdown;

/// <summary>
/// Which links content may publish: http(s), mailto, tel and addresses without a scheme (site-relative), each
/// leading where its text says. Anything else — <c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>, <c>file:</c> —
/// could run code, and a text showing one web address over a link to another misleads a visitor.
/// </summary>
public static partial class SafeLinks
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    private static readonly char[] ControlOrSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>
    /// The scheme of <paramref name="url"/> (entities already decoded by the Markdown parser) when it is not
    /// allowed, read as a browser reads it (WHATWG URL): leading and trailing controls and spaces are stripped and
    /// tabs and line breaks anywhere are dropped, so <c>" java&#9;script:"</c> is <c>javascript</c>.
    /// </summary>
    public static string? RefusedScheme(string url)
    {
        var browserReads = AsciiTabOrNewline().Replace(url, "").Trim(ControlOrSpace);
        var scheme = Scheme().Match(browserReads);
        return scheme.Success && !Allowed.Contains(scheme.Groups[1].Value) ? scheme.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The host a link's <paramref name="text"/> shows when the text is a web address (<c>www.fujian.gov.cn</c>,
    /// <c>https://…</c>) on another host than the link's <paramref name="url"/> leads to; null when it is not one.
    /// A leading <c>www.</c> on either side does not count as a difference.
    /// </summary>
    public static string? MisleadingHost(string text, string url)
    {
        var shown = WebAddress().Match(text.Trim());
        if (!shown.Success) return null;
        var shownHost = shown.Groups[1].Value.ToLowerInvariant();
        var target = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.Host : null;
        return target is not null && WithoutWww(target) == WithoutWww(shownHost) ? null : shownHost;
    }

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;

    [GeneratedRegex("[\t\n\r]")]
    private static partial Regex AsciiTabOrNewline();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]*):")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^(?:https?://)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
