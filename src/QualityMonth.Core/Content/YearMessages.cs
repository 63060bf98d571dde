using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>A campaign year's folder: year.yml, its notices, slogans.yml and the activities files.</summary>
public static class YearMessages
{
    public static readonly Phrase YearSettings = new("年度设置（year、theme、main_notice 等）", "the year's settings");

    public static readonly Phrase SloganList = new("口号清单（source、scope、slogans）", "a slogan list");

    public static readonly Phrase ActivitiesFile = new("活动文件（city 或 organiser、source、activities）", "an activities file");

    public static Message NoYearFile() => new("missing-file",
        "每个年度文件夹都要有 year.yml（写明 year、theme、main_notice）：请新建这个文件",
        "every year folder needs a year.yml (year, theme, main_notice)");

    public static Message YearMismatch(int year, int folder) => new("year-mismatch",
        $"“year: {year}”与所在文件夹“{folder}”不一致：两者应写同一年份",
        $"year {year} does not match its folder '{folder}'");

    public static Message MainNoticeMissing(string slug, int year) => new("unknown-notice",
        $"main_notice 写的是“{slug}”，但 {year}/notices/ 里没有 {slug}.md：请改成该年度某个通知的文件名（不含 .md）",
        $"main_notice '{slug}' is not a file in {year}/notices/");

    public static Message SlogansNotUnavailable() => new("slogans-unavailable",
        "本年度已有 slogans.yml，就不能再写 slogans_unavailable：删去 slogans_unavailable 这一行",
        "the year has a slogans.yml, so its slogans are not unavailable");

    public static Message NoNotice() => new("missing-notice",
        "每个年度至少要有一份通知：在 notices/ 文件夹中新建 <网址名>.md",
        "a year needs at least one notice in notices/<slug>.md");

    public static Message BadNoticeFileName(string slug) => new("invalid-slug",
        $"文件名“{slug}”就是通知的网址，只能用小写英文字母、数字和连字符（-）：请给文件改名",
        $"the file name '{slug}' is the notice's URL: use lowercase ASCII letters, digits and hyphens");

    public static Message UnknownScope(string scope, string allowed) => new("unknown-scope",
        $"“scope: {scope}”不是可用的写法，只能是以下之一：{allowed}",
        $"'scope: {scope}' is not one of: {allowed}");

    public static Message ActivityIdTwice(string id) => new("duplicate-activity",
        $"活动 id“{id}”在本文件中用了两次：每项活动的 id 是它的网址，不能重复，请给其中一项换一个 id",
        $"activity id '{id}' is used twice in this file");

    public static Message HostMissing() => new("activities-host",
        "活动文件要写明且只写一个主办方：“city: <城市网址名>”或“organiser: <单位网址名>”",
        "an activities file names exactly one host: 'city: <slug>' or 'organiser: <slug>'");

    public static Message KindsMissing() => new("missing-field",
        "缺少必填字段“kinds”：写明活动类型，例如“kinds: [publicity]”（可用的类型见 input/site/kinds.yml）",
        "missing required field 'kinds': say what kind of activity this is, e.g. 'kinds: [publicity]' (the kinds are listed in input/site/kinds.yml)");

    public static Message UnknownKind(string kind, string known) => new("unknown-kind",
        $"活动类型“{kind}”不存在：请改用 {known} 之一，或先在 input/site/kinds.yml 中登记",
        $"unknown kind '{kind}': use one of {known} or add it to input/site/kinds.yml");

    public static Message UnreadableTiming(string time, int year) => new("unknown-timing",
        $"时间“{time}”日历无法识别（可识别的写法：9月、9月中旬、9月15日、9-10月、全年）：网站照原文显示，日历上按 {year} 年 9 月（“质量月”）标注；如原文如此，可不处理",
        $"the timing '{time}' is not one the calendars understand (9月, 9月中旬, 9月15日, 9-10月, 全年): the activity is dated to the campaign month, September {year}");

    public static Message PhotoOutsideInput(string file) => new("misplaced-photo",
        $"照片“{file}”必须放在 input/ 文件夹里（放在活动文件旁边的文件夹中）",
        $"photo '{file}' must be inside input/ (next to the activities file)");

    public static Message PhotoNotFound(string file, string lookedFor) => new("missing-photo",
        $"找不到照片文件“{file}”（查找的是 {lookedFor}）：检查文件名和所在文件夹，注意大小写和扩展名",
        $"photo file '{file}' not found (looked for {lookedFor})");

    public static Message BadHostNumber(int number) => new("host-number",
        $"source 的 number 是本单位在附件中的序号（“一、福州市”写 1），要从 1 起：“{number}”不行",
        $"source's number is the host's number in the attachment (一、福州市 is 1), from 1: '{number}' is not one");
}
