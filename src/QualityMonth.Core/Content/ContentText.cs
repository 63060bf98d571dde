using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace QualityMonth.Content;

/// <summary>
/// Reads a content file as text the pages, feeds and data files can carry: UTF-8 (or UTF-16 with its byte order
/// mark), without invisible control characters. Each problem is reported with its line and column; the text read
/// has them replaced (bytes by U+FFFD, control characters by a space), so that the YAML and Markdown parsers read on
/// and report the file's other problems, not the same one again.
/// </summary>
public static class ContentText
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Read(ContentFile file)
    {
        var text = Decode(File.ReadAllBytes(file.FullPath), file);
        file.Texts?.Keep(file.FullPath, text);
        return text;
    }

    public static string Decode(byte[] bytes, ContentFile file)
    {
        string text;
        if (HasUtf16Or32Mark(bytes))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Utf8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        else
        {
            var body = bytes.AsSpan(bytes.AsSpan().StartsWith(Utf8.Preamble) ? Utf8.Preamble.Length : 0);
            ReportFirstInvalidByte(body, file);
            text = Utf8.GetString(body);
        }
        return ReplaceControlCharacters(text, file, file.LineOffset);
    }

    /// <summary>
    /// Reports each line of <paramref name="text"/> that holds a control character (its first one) and returns the
    /// text with every one of them replaced by a space.
    /// </summary>
    /// <param name="firstLine">The file line before the text's first line (0 for a whole file).</param>
    public static string ReplaceControlCharacters(string text, ContentFile file, int firstLine)
    {
        var at = IndexOfForbidden(text);
        if (at < 0) return text;
        var chars = text.ToCharArray();
        var reportedLine = -1;
        for (var i = at; i < chars.Length; i++)
        {
            if (!IsForbiddenAt(text, i)) continue;
            var lineStart = text.LastIndexOf('\n', Math.Max(i - 1, 0)) + 1;
            var line = firstLine + 1 + text.AsSpan(0, lineStart).Count('\n');
            if (line != reportedLine)
                file.Diagnostics.Error(file.Path, line, Message(chars[i]), i - lineStart + 1);
            reportedLine = line;
            chars[i] = ' ';
        }
        return new string(chars);
    }

    /// <summary>The index of the first character pages and feeds cannot carry, or -1.</summary>
    public static int IndexOfForbidden(string text)
    {
        // Every content file is scanned, a notice twice (its text and its HTML): a vectorised search finds the candidates.
        for (var from = 0; from < text.Length; from++)
        {
            var found = text.AsSpan(from).IndexOfAny(MaybeForbidden);
            if (found < 0) return -1;
            from += found;
            if (IsForbiddenAt(text, from)) return from;
        }
        return -1;
    }

    /// <summary>The characters <see cref="IsForbiddenAt"/> may refuse: the forbidden ones (<see cref="IsForbiddenCharacter"/>;
    /// the control characters are U+0000–U+001F and U+007F–U+009F) and every surrogate (refused alone).</summary>
    private static readonly SearchValues<char> MaybeForbidden = SearchValues.Create(string.Concat(
        Range('\u0000', '\u0008'), Range('\u000B', '\u000C'), Range('\u000E', '\u001F'), Range('\u007F', '\u009F'),
        Range('\uD800', '\uDFFF'), Range('\uFDD0', '\uFDEF'), "\uFFFE\uFFFF"));

    private static string Range(char first, char last) => new([.. Enumerable.Range(first, last - first + 1).Select(c => (char)c)]);

    public static Diagnostics.Message Message(char c) =>
        c == '\v' ? SafetyMessages.VerticalTab() : SafetyMessages.ControlCharacter($"U+{(int)c:X4}");

    /// <summary>
    /// C0 and C1 control characters but tab and line ends (XML 1.0 and YAML forbid most of them; a browser shows
    /// none), the noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF, and halves of a surrogate pair standing alone.
    /// </summary>
    private static bool IsForbiddenAt(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        return IsForbiddenCharacter(c);
    }

    private static bool IsForbiddenCharacter(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF';

    private static void ReportFirstInvalidByte(ReadOnlySpan<byte> bytes, ContentFile file)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                var lineStart = bytes[..index].LastIndexOf((byte)'\n') + 1;
                var line = file.LineOffset + 1 + bytes[..lineStart].Count((byte)'\n');
                file.Diagnostics.Error(file.Path, line, SafetyMessages.NotUtf8(Utf8.GetCharCount(bytes[lineStart..index]) + 1));
                return;
            }
            index += consumed;
        }
    }

    private static bool HasUtf16Or32Mark(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble) ||
        bytes.AsSpan().StartsWith(Encoding.UTF32.Preamble);
}

/// <summary>
/// The texts of the content files one load has read, as <see cref="ContentText"/> read them: the placeholder check
/// scans these rather than reading each file a second time.
/// </summary>
public sealed class ContentTexts
{
    private readonly ConcurrentDictionary<string, string> _byFullPath = new(StringComparer.Ordinal);

    internal void Keep(string fullPath, string text) => _byFullPath[fullPath] = text;

    /// <summary>The text read from the file, or null when the load did not read it.</summary>
    public string? Of(string fullPath) => _byFullPath.GetValueOrDefault(fullPath);
}
