using System.Text;

namespace QualityMonth.Feeds;

/// <summary>The iCalendar (RFC 5545) text format: escaping TEXT values, folding content lines, reading them back.</summary>
public static class IcsFormat
{
    /// <summary>Content lines may be at most 75 octets long, line break excluded (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    /// <summary>Escapes a TEXT value (§3.3.11): backslash, semicolon, comma, and line breaks as <c>\n</c>; drops other control characters, which TEXT may not hold.</summary>
    public static string Text(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',': escaped.Append('\\').Append(c); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': escaped.Append("\\n"); break;
                case '\t': escaped.Append(c); break;
                case < ' ' or '\u007f': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>Appends a content line folded at <see cref="MaxLineOctets"/> octets, never inside a UTF-8 sequence, with CRLF line ends.</summary>
    public static void AppendFolded(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1; // the continuation line's leading space counts
            }
            output.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        output.Append("\r\n");
    }

    /// <summary>The content lines of a calendar file, continuation lines joined back (§3.1), each with the line it starts on.</summary>
    public static IEnumerable<(int Line, string Text)> Unfold(string text)
    {
        string? current = null;
        int start = 0, number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && current is not null)
            {
                current += line[1..];
                continue;
            }
            if (current is not null) yield return (start, current);
            (current, start) = (line, number);
        }
        if (!string.IsNullOrEmpty(current)) yield return (start, current);
    }

    /// <summary>Splits a content line into its name (parameters dropped) and value.</summary>
    public static (string Name, string Value) Split(string line)
    {
        var colon = line.IndexOf(':');
        if (colon < 0) return (line.ToUpperInvariant(), "");
        var head = line[..colon];
        var semicolon = head.IndexOf(';');
        return ((semicolon < 0 ? head : head[..semicolon]).ToUpperInvariant(), line[(colon + 1)..]);
    }
}
