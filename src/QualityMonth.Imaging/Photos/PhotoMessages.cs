using System.Globalization;
using System.Text.RegularExpressions;
using QualityMonth.Config;
using QualityMonth.Diagnostics;

namespace QualityMonth.Imaging.Photos;

/// <summary>
/// The photo rules' messages: <c>photo FILE (activity 'ID') DETAIL</c>, coded <c>photo-</c> + the rule's name in
/// <c>statiq.json</c> (<c>tooSmall</c> → <c>photo-too-small</c>), so the code says which setting governs it.
/// </summary>
public static partial class PhotoMessages
{
    public static Message Violation(PhotoRule rule, string file, string activityId, Phrase detail) => new(CodeOf(rule),
        $"照片 {file}（活动“{activityId}”）{detail.Chinese}",
        $"photo {file} (activity '{activityId}') {detail.English}");

    /// <summary><see cref="PhotoRule.TooSmall"/> → <c>photo-too-small</c>.</summary>
    public static string CodeOf(PhotoRule rule) => "photo-" + WordStart().Replace(rule.ToString(), "-$1").ToLowerInvariant().TrimStart('-');

    public static Phrase NoCaption() => new(
        "没有说明：请在这张照片下加一行“caption: 简要说明”",
        "has no caption (说明): add 'caption:' under it");

    public static Phrase EmptyFile() => new(
        "是空文件（0 字节）：请重新索取原图",
        "is an empty file (0 bytes)");

    public static Phrase NotAnImage() => new(
        "不是能读取的图片（接受 JPEG，也能读取 PNG、WebP、AVIF、TIFF）：请重新索取原图",
        "is not an image libvips may read (accepted: JPEG; also PNG, WebP, AVIF, TIFF)");

    public static Phrase RefusedFormat(string format) => new(
        $"是 {format} 格式，网站不接受这种格式：请按通知要求提供 JPG 照片",
        $"is {format}, a format the site does not take: send it as JPG, as the notices ask");

    public static Phrase Heic() => new(
        "是 HEIC 格式（手机的“高效”照片格式），网站无法读取：请按通知要求提供 JPG 照片（手机相机设置选“兼容性最佳”，或导出为 JPG）",
        "is HEIC (a phone's 'high efficiency' format), which the site cannot read: send it as JPG, as the notices ask (camera setting 'Most Compatible', or export as JPG)");

    public static Phrase WrongExtension(string extension, string format) => new(
        $"扩展名是 {extension}，实际却是 {format} 格式：请用图片软件另存为 JPG，或改成正确的扩展名",
        $"is named {extension} but its content is {format}: rename it or export it again");

    public static Phrase NotJpeg(string format) => new(
        $"是 {format} 格式，不是通知要求的 JPG：请用图片软件另存为 JPG",
        $"is {format}, not JPG (the notices ask for JPG)");

    public static Phrase Unreadable(string reason) => new(
        $"无法读取（{reason}）：请重新索取原图",
        $"cannot be read: {reason}");

    public static Phrase Damaged(string reason) => new(
        $"无法解码，文件不完整或已损坏（{reason}）：请重新索取原图",
        $"cannot be decoded (truncated or damaged): {reason}");

    public static Phrase OverPixelLimit(int width, int height, long limit) => new(
        $"有 {width}×{height} 像素，超过上限 {limit.ToString("N0", CultureInfo.InvariantCulture)} 像素：请缩小后再用",
        $"is {width}×{height} pixels, over the limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} pixels");

    public static Phrase TooSmall(int width, int height, int minWidth, int minHeight) => new(
        $"只有 {width}×{height} 像素，小于通知要求的 {minWidth}×{minHeight}（像素在{minWidth}×{minHeight}及以上）：请来稿单位提供更大的原图",
        $"is {width}×{height}, smaller than {minWidth}×{minHeight} (the notices ask for 像素在{minWidth}×{minHeight}及以上)");

    public static Phrase TooMany(int number, int count, int max) => new(
        $"是本活动的第 {number} 张照片（共 {count} 张），通知要求每项活动不超过 {max} 张（图片数量{max}张以内）：请删减",
        $"is photo {number} of {count}; the notices allow at most {max} per activity (图片数量{max}张以内)");

    [GeneratedRegex("([A-Z])")]
    private static partial Regex WordStart();
}
