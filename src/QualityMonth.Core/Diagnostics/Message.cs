using System.Text.RegularExpressions;

using QualityMonth.Model;

namespace QualityMonth.Diagnostics;

/// <summary>
/// What one diagnostic says, in every language problems are reported in, and the stable code of its kind of
/// problem (<c>unknown-city</c>, <c>broken-link</c>) that tools match on. Every text is a constructor argument,
/// so a message without its translation does not compile; each area keeps its messages in one catalogue
/// (<c>…Messages.cs</c>) so the two texts are written side by side.
/// </summary>
public sealed partial record Message
{
    public Message(string code, string chinese, string english)
    {
        if (!CodePattern().IsMatch(code))
            throw new ArgumentException($"message code '{code}' must be lowercase words joined by hyphens", nameof(code));
        if (string.IsNullOrWhiteSpace(chinese) || string.IsNullOrWhiteSpace(english))
            throw new ArgumentException($"message '{code}' needs both its Chinese and its English text");
        Code = code;
        Chinese = chinese;
        English = english;
    }

    public string Code { get; }

    public string Chinese { get; }

    public string English { get; }

    public string In(Locale locale) => locale.Pick(Chinese, English);

    [GeneratedRegex("^[a-z]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}

/// <summary>A phrase in both languages that messages name: what a file or field holds, which registry.</summary>
public sealed record Phrase(string Chinese, string English)
{
    public string In(Locale locale) => locale.Pick(Chinese, English);
}
