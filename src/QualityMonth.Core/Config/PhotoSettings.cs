namespace QualityMonth.Config;

/// <summary>The rules the notices set for submitted photos, each reported as an error or a warning.</summary>
public enum PhotoRule
{
    NotJpeg,            // 图片格式为JPG
    TooSmall,           // 像素在1024×768及以上
    TooMany,            // 图片数量6张以内
    MissingCaption,     // 配简要文字说明
    Unreadable,         // empty, truncated, or not an image at all
    OverPixelLimit,     // larger than the generator will decode
    WrongFormat,        // the content is not the format the file name says
}

public enum RulePolicy { Warning, Error }

/// <summary>Output formats of the responsive renditions.</summary>
public enum PhotoFormat { Avif, Webp, Jpeg }

/// <summary>How photos are processed and checked (statiq.json "photos").</summary>
public sealed record PhotoSettings(
    IReadOnlyList<int> Widths,                              // responsive widths, ascending; never upscaled
    IReadOnlyList<PhotoFormat> Formats,                     // in order of preference for <source>
    IReadOnlyDictionary<PhotoFormat, int> Quality,
    int FullSizeQuality,                                    // the downloadable full-size JPEG
    long MaxPixels,
    int MinWidth, int MinHeight, int MaxPerActivity,        // the notices' rules
    IReadOnlyDictionary<PhotoRule, RulePolicy> Policies)
{
    /// <summary>The range of a width in <c>widths</c>: a screen's width, not a poster's.</summary>
    public const int MinWidthSetting = 16, MaxWidthSetting = 4096;

    /// <summary>How many widths <c>widths</c> may list: each is one more file per photo and format (9,985 made a build that never ended).</summary>
    public const int MaxWidths = 8;

    public static readonly PhotoSettings Default = new(
        [480, 960, 1600], [PhotoFormat.Avif, PhotoFormat.Webp, PhotoFormat.Jpeg],
        new Dictionary<PhotoFormat, int> { [PhotoFormat.Avif] = 55, [PhotoFormat.Webp] = 78, [PhotoFormat.Jpeg] = 82 },
        90, 100_000_000, 1024, 768, 6,
        new Dictionary<PhotoRule, RulePolicy>
        {
            [PhotoRule.NotJpeg] = RulePolicy.Warning,
            [PhotoRule.TooSmall] = RulePolicy.Warning,
            [PhotoRule.TooMany] = RulePolicy.Error,
            [PhotoRule.MissingCaption] = RulePolicy.Error,
            [PhotoRule.Unreadable] = RulePolicy.Error,
            [PhotoRule.OverPixelLimit] = RulePolicy.Error,
            [PhotoRule.WrongFormat] = RulePolicy.Error,
        });

    public RulePolicy PolicyFor(PhotoRule rule) => Policies.GetValueOrDefault(rule, RulePolicy.Error);
}
