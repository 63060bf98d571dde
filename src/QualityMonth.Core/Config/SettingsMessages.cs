using QualityMonth.Diagnostics;

namespace QualityMonth.Config;

/// <summary>The site settings file, statiq.json: each message names the key it is about.</summary>
public static class SettingsMessages
{
    public static Message FileNotFound() => new("missing-file",
        "找不到网站设置文件 statiq.json：请在网站文件夹中运行，或用 --root 指明网站文件夹",
        "site settings file not found");

    public static Message UnknownKey(string key, string path) => new("unknown-setting",
        $"未知设置项“{key}”（位于 {path}）：可能是拼写错误，请对照 README.md 的设置表改正或删去",
        $"unknown key '{key}' (at {path})");

    public static Message MissingKeys(string keys, string path) => new("missing-setting",
        $"缺少必填的设置项 {keys}（位于 {path}）：请补上",
        $"missing required key(s) {keys} (in {path})");

    public static Message DuplicateKey(string key, string path) => new("duplicate-setting",
        $"设置项“{key}”（位于 {path}）写了两次：只能保留一个，请删去多余的那一行",
        $"the key '{key}' (at {path}) is written twice: keep one");

    public static Message InvalidJson(string reason) => new("invalid-json",
        $"statiq.json 不是有效的 JSON（{reason}）：常见原因是缺少逗号、引号或括号不成对",
        reason);

    public static Message UnsupportedLanguage(string code, string supported) => new("invalid-setting",
        $"“languages”：网站界面没有语言“{code}”的文字（可用的有 {supported}）",
        $"'languages': language '{code}' has no interface strings in the theme (supported: {supported})");

    public static Message LanguageTwice(string code, string prefix) => new("invalid-setting",
        $"“languages”：语言“{code}”重复列出，或与其他语言共用网址前缀“{prefix}”",
        $"'languages': language '{code}' is listed twice or shares its prefix '{prefix}'");

    public static Message BadPrefix(string prefix) => new("invalid-setting",
        $"“languages”：网址前缀“{prefix}”只能用小写英文字母、数字和连字符",
        $"'languages': prefix '{prefix}' must be lowercase letters, digits or hyphens");

    public static Message FirstLanguage(string code) => new("invalid-setting",
        $"“languages”：第一种语言必须是 {code}，且网址前缀为空（它发布在网站根目录）",
        $"'languages': the first language must be {code} with an empty prefix (it is published at the site root)");

    public static Message OnlyFirstAtRoot() => new("invalid-setting",
        "“languages”：只有第一种语言的网址前缀可以为空",
        "'languages': only the first language may have an empty prefix");

    public static Message BadBaseUrl(string value) => new("invalid-setting",
        $"“baseUrl”：“{value}”应是只含域名的完整网址，例如 https://www.example.gov.cn（子路径写在 basePath 中）",
        $"'baseUrl': '{value}' must be an absolute http(s) URL of the host only, e.g. https://www.example.gov.cn (put any sub-path in basePath)");

    public static Message BadBasePath(string value) => new("invalid-setting",
        $"“basePath”：“{value}”应是 / 或以“/”开头的路径，各段只含字母、数字、“.”、“_”或“-”，且不能只由点组成（如 ..），例如 /ztzl/zly/",
        $"'basePath': '{value}' must be / or a path of segments of letters, digits, '.', '_' or '-' starting with '/', none of dots only (such as ..), e.g. /ztzl/zly/");

    /// <summary>A setting given on the command line (<c>--base-url</c>) in place of the file's: the file has no line for it.</summary>
    public static Message GivenByOption(string option, Message problem) => new(problem.Code,
        $"{problem.Chinese}（由命令行选项 {option} 给出）",
        $"{problem.English} (given by {option})");

    public static Message ImplausibleYear(int year) => new("invalid-setting",
        $"“currentYear”：{year} 不像是活动年份，请填写四位年份，如 2025",
        $"'currentYear': {year} is not a plausible campaign year");

    public static Message NeedsChinese(string key, string code) => new("invalid-setting",
        $"“{key}”：需要中文（\"{code}\"）文字",
        $"'{key}': needs a \"{code}\" text");

    public static Message UnknownLanguage(string key, string code) => new("invalid-setting",
        $"“{key}”：未知语言“{code}”",
        $"'{key}': unknown language '{code}'");

    public static Message FooterItemMissing(string key) => new("footer-incomplete",
        $"页脚的 footer.{key} 没有填写：政府网站的页脚必须显示这一项，取得后请补上",
        $"footer.{key} is not set: a government website must show it in its footer");

    public static Message BadPublicSecurityRecord(string value) => new("invalid-setting",
        $"“publicSecurityRecord”：“{value}”应照公安机关备案写法填写，如“闽公网安备 35010202000001号”（省份简称、“公网安备”、14 位备案编号、“号”）",
        $"'publicSecurityRecord': '{value}' must be written as the record gives it, e.g. '闽公网安备 35010202000001号' (province, 公网安备, the 14-digit record code, 号)");

    public static Message MarkIncomplete() => new("invalid-setting",
        "“partyGovernmentMark”：党政机关网站标识需要同时填写 image（标识图片文件）和 link（标识链接的网址）",
        "'partyGovernmentMark': needs both 'image' (the mark's image file) and 'link' (the address the mark links to)");

    public static Message MarkImageMissing(string path) => new("invalid-setting",
        $"“partyGovernmentMark”：找不到标识图片“{path}”：请把图片放进网站文件夹（如 input/site/），写相对于网站文件夹的路径",
        $"'partyGovernmentMark': image '{path}' not found: put it in the site folder (e.g. input/site/) and give its path from there");

    public static Message MarkImageLinked(string path, string link, string target) => new("symbolic-link",
        $"“partyGovernmentMark”：图片“{path}”要经过符号链接“{link}”（指向 {target}）才能找到：网站只发布网站文件夹中的普通文件，不跟随链接。请删除链接，把图片本身放进网站文件夹（如 input/site/）",
        $"'partyGovernmentMark': the image '{path}' is reached through the symbolic link '{link}' (to {target}): the build publishes only plain files inside the site folder and follows no link; put the image itself there (e.g. in input/site/)");

    public static Message MarkImageNotAnImage(string path, int maxKilobytes) => new("invalid-setting",
        $"“partyGovernmentMark”：“{path}”应是 PNG、GIF 或 JPEG 图片，不超过 {maxKilobytes} KB",
        $"'partyGovernmentMark': '{path}' must be a PNG, GIF or JPEG image of at most {maxKilobytes} KB");

    public static Message BadAddress(string key, string value) => new("invalid-setting",
        $"“{key}”：“{value}”应是完整网址，以 https:// 或 http:// 开头",
        $"'{key}': '{value}' must be an absolute http(s) address");

    public static Message ErrorReportNeedsSiteId() => new("invalid-setting",
        "“errorReport”：“我为政府网站找错”链接要带上网站标识码：请先填写 footer.siteIdCode",
        "'errorReport': the link carries the site's 网站标识码: set footer.siteIdCode too");


    public static Message BadWidths(int min, int max) => new("invalid-setting",
        $"“widths”：应是从 {min} 到 {max} 的像素宽度，各不相同、从小到大排列，例如 [480, 960, 1600]",
        $"'widths': must be distinct pixel widths from {min} to {max}, in ascending order, e.g. [480, 960, 1600]");

    public static Message TooManyWidths(int count, int max) => new("invalid-setting",
        $"“widths”：列了 {count} 个宽度，最多 {max} 个：每个宽度都要为每张照片、每种格式各生成一个文件，三到四个已足够，例如 [480, 960, 1600]",
        $"'widths': {count} widths, at most {max}: each width is one more file per photo and format; three or four are enough, e.g. [480, 960, 1600]");

    public static Message UnknownFormat(string name) => new("invalid-setting",
        $"“formats”：“{name}”不是 avif、webp、jpeg 之一（每种最多写一次）",
        $"'formats': '{name}' is not one of avif, webp, jpeg (each at most once)");

    public static Message JpegRequired() => new("invalid-setting",
        "“formats”：必须包含 jpeg，这是所有浏览器都能显示的格式",
        "'formats': must include jpeg: it is what every browser can show");

    public static Message QualityUnknownFormat(string name) => new("invalid-setting",
        $"“quality”：未知格式“{name}”",
        $"'quality': unknown format '{name}'");

    public static Message QualityOutOfRange(string name, int value) => new("invalid-setting",
        $"“quality”：“{name}”的 {value} 不在 1 到 100 之间",
        $"'quality': '{name}': {value} is not from 1 to 100");

    public static Message FullSizeQualityOutOfRange(int value) => new("invalid-setting",
        $"“fullSizeQuality”：{value} 不在 1 到 100 之间",
        $"'fullSizeQuality': {value} is not from 1 to 100");

    public static Message MaxPixelsTooSmall(long value) => new("invalid-setting",
        $"“maxPixels”：{value} 对照片来说太小（至少 1000000）",
        $"'maxPixels': {value} is too small for a photo (at least 1000000)");

    public static Message UnknownRule(string name, string rules) => new("invalid-setting",
        $"“rules”：未知照片规则“{name}”（可用的规则：{rules}）",
        $"'rules': unknown rule '{name}' (rules: {rules})");

    public static Message BadRulePolicy(string name, string value) => new("invalid-setting",
        $"“rules”：“{name}”的“{value}”只能是 \"error\"（报错）或 \"warning\"（警告）",
        $"'rules': '{name}': '{value}' must be \"error\" or \"warning\"");

    public static Message BadMessagesLanguage(string value) => new("invalid-setting",
        $"“messages”：“{value}”只能是 \"zh-Hans\"（提示用中文）或 \"en\"（提示用英文）",
        $"'messages': '{value}' must be \"zh-Hans\" (messages in Chinese) or \"en\" (messages in English)");
}
