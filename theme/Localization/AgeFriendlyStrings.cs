using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>The age-friendly mode's interface strings (长辈模式), one instance per language.</summary>
public sealed record AgeFriendlyStrings
{
    /// <summary>The header switch's label; its on/off state is the switch's own (a checkbox with role switch).</summary>
    public required string SwitchLabel { get; init; }

    /// <summary>朗读: the read-aloud control's name and its first button.</summary>
    public required string ReadAloud { get; init; }
    public required string Pause { get; init; }
    public required string Resume { get; init; }
    public required string Stop { get; init; }
    public required string ReadAloudHint { get; init; }

    public static AgeFriendlyStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static readonly AgeFriendlyStrings Chinese = new()
    {
        SwitchLabel = "长辈模式",
        ReadAloud = "朗读",
        Pause = "暂停",
        Resume = "继续",
        Stop = "停止",
        ReadAloudHint = "朗读本页正文；先选中一段文字，就只朗读选中的部分。",
    };

    private static readonly AgeFriendlyStrings English = new()
    {
        SwitchLabel = "Large text",
        ReadAloud = "Read aloud",
        Pause = "Pause",
        Resume = "Resume",
        Stop = "Stop",
        ReadAloudHint = "Reads this page's main text aloud; select some text first to hear only that.",
    };
}
