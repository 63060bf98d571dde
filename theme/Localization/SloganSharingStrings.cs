using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>The strings of the slogans' copy button and share-image link, one instance per language.</summary>
public sealed record SloganSharingStrings
{
    /// <summary>The copy button's text (the button exists only with JavaScript).</summary>
    public required string Copy { get; init; }
    /// <summary>The copy button's accessible name for slogan n: starts with the visible text.</summary>
    public required Func<int, string> CopyName { get; init; }
    /// <summary>Announced, and shown on the button, when the slogan is on the clipboard.</summary>
    public required string Copied { get; init; }
    /// <summary>Announced when the browser refused to copy: the slogan is then selected for copying by hand.</summary>
    public required string CopyFailed { get; init; }
    public required string ShareImage { get; init; }
    /// <summary>The share-image link's accessible name for slogan n: starts with the visible text.</summary>
    public required Func<int, string> ShareImageName { get; init; }

    public static SloganSharingStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static readonly SloganSharingStrings Chinese = new()
    {
        Copy = "复制",
        CopyName = n => $"复制口号{n}",
        Copied = "已复制",
        CopyFailed = "未能自动复制，口号已选中，请手动复制",
        ShareImage = "分享图片",
        ShareImageName = n => $"分享图片：口号{n}（PNG）",
    };

    private static readonly SloganSharingStrings English = new()
    {
        Copy = "Copy",
        CopyName = n => $"Copy slogan {n}",
        Copied = "Copied",
        CopyFailed = "Could not copy automatically: the slogan is selected, copy it by hand",
        ShareImage = "Share image",
        ShareImageName = n => $"Share image of slogan {n} (PNG)",
    };
}
