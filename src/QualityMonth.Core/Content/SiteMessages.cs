using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>The site as a whole: the input folder and what files say about each other (sources, hosts, URLs).</summary>
public static class SiteMessages
{
    public static Message NoContentFolder() => new("missing-folder",
        "找不到内容文件夹 input/：请在网站文件夹（有 statiq.json 的文件夹）中运行，或用 --root 指明网站文件夹",
        "the content folder is missing");

    public static Message UnknownFolder() => new("unknown-folder",
        "input/ 中只能有 site/ 和以年份命名的文件夹（如 2024/）：请改名或移走这个文件夹",
        "unknown folder: input/ holds site/ and one folder per year (e.g. 2024/)");

    public static Message NoCurrentYearFolder(int year) => new("current-year",
        $"“currentYear”设为 {year}，但没有 input/{year}/ 文件夹：先建好该年度，或把 currentYear 改成已有的年份",
        $"'currentYear': there is no folder input/{year}/");

    public static Message CityIsOrganiser(string slug) => new("duplicate-url",
        $"网址名“{slug}”同时也是一个主办单位的网址名（input/site/organisers.yml）：两者的活动网址会冲突，请给其中一个换一个网址名",
        $"the slug '{slug}' is also an organiser's slug (input/site/organisers.yml): activity addresses would clash; choose another");

    public static Message HostHasTwoFiles(Phrase host, string slug, int year, string otherFile) => new("duplicate-url",
        $"{host.Chinese}“{slug}”在 {year} 年已有活动文件（{otherFile}）：两个文件会占用同一页面，请合并成一个文件",
        $"{host.English} '{slug}' already has a {year} activities file ({otherFile}): both would claim the same page section; merge them");

    public static Message ForwardedNoticeUnknown(int number, string slug, int year) => new("unknown-notice",
        $"附件{number}：“notice: {slug}”应是 {year}/notices/ 中的另一份通知（填文件名，不含 .md）",
        $"attachment {number}: 'notice: {slug}' must name another notice in {year}/notices/");

    public static Message SlogansNotSourced(int number, int year) => new("source-mismatch",
        $"附件{number}是口号（shows: slogans），但 {year}/slogans.yml 的 source 没有指向它：请核对 slogans.yml 中的 source",
        $"attachment {number} shows slogans, but {year}/slogans.yml does not name it as its source");

    public static Message ActivitiesNotSourced(int number, int year) => new("source-mismatch",
        $"附件{number}是活动清单（shows: activities），但 {year}/activities/ 中没有文件的 source 指向它：附件页面将没有内容；如尚未录入可暂不处理",
        $"attachment {number} shows activities, but no file in {year}/activities/ names it as its source");

    public static Message SourceNoticeUnknown(string slug, int year) => new("unknown-notice",
        $"source：{year}/notices/ 中没有通知“{slug}”，请改成该年度某个通知的文件名（不含 .md）",
        $"source: there is no notice '{slug}' in {year}/notices/");

    public static Message SourceAttachmentUnknown(string slug, int number) => new("unknown-attachment",
        $"source：通知“{slug}”没有附件{number}，请核对附件序号",
        $"source: notice '{slug}' has no attachment {number}");

    public static Message SourceKindMismatch(int number, string slug, string actual, string expected) => new("source-mismatch",
        $"source：通知“{slug}”的附件{number}是“shows: {actual}”，不是“shows: {expected}”：请核对附件序号",
        $"source: attachment {number} of '{slug}' is 'shows: {actual}', not 'shows: {expected}'");

    public static Message UnknownHost(Phrase host, string slug, string registry, string known) => new($"unknown-{host.English}",
        $"{host.Chinese}“{slug}”没有登记：改成以下网址名之一，或先在 {registry} 中登记：{known}",
        $"unknown {host.English} '{slug}': add it to {registry} or use one of: {known}");

    public static Message SymbolicLink(string target) => new("symbolic-link",
        $"这是一个符号链接（指向 {target}），不是文件本身：网站只发布网站文件夹中的普通文件和文件夹，不跟随链接。请删除链接，把文件本身放在这里",
        $"a symbolic link (to {target}), not a file: the build reads only plain files and folders inside the site folder and follows no link; replace the link with the file itself");

    public static Message MisnamedFile(string name, string rightName) => new("misnamed-file",
        $"“{name}”不会被读取，也不会发布：内容文件的扩展名必须是小写的 .yml（通知是 .md）。如果这是要发布的内容，请改名为“{rightName}”",
        $"'{name}' is not read, so not published: content files end in lowercase .yml (notices .md); if it is meant to be published, rename it to '{rightName}'");

    public static Message FileTooLarge(long bytes, long limit) => new("file-too-large",
        $"文件太大：{bytes / 1024} KB，内容文件最大 {limit / 1024} KB。通知和活动文件只放文字；如果粘贴了整份文档或图片数据，请删去多余部分",
        $"the file is too large: {bytes / 1024} KB, a content file holds at most {limit / 1024} KB of text; remove what was pasted in by mistake (a whole document, image data)");

    public static Message ThemeFileTooLarge(long bytes, long limit) => new("file-too-large",
        $"主题文件太大：{bytes / (1024 * 1024)} MB，主题文件最大 {limit / (1024 * 1024)} MB。theme/assets/ 只放样式表、脚本和小图标，它们会原样复制进网站；视频、文档请勿放在这里",
        $"the theme file is too large: {bytes / (1024 * 1024)} MB, a theme file holds at most {limit / (1024 * 1024)} MB; theme/assets/ is for stylesheets, scripts and icons, each copied into the site whole: keep videos and documents out of it");

    public static Message HostNumberMissing(int number, string slug) => new("host-number",
        $"通知“{slug}”的附件{number}列出多个单位：每个活动文件都要在 source 中写明本单位在附件中的序号，如“一、福州市”写“number: 1”，网站按原文的顺序和序号排列",
        $"attachment {number} of '{slug}' lists several hosts: give each activities file the host's number in it in source (一、福州市 is 'number: 1'), so the site keeps the document's order and numbering");

    public static Message HostNumberTwice(int hostNumber, int number, string slug, string otherFile) => new("host-number",
        $"序号 {hostNumber} 在通知“{slug}”的附件{number}中已被 {otherFile} 使用：请按原文核对序号",
        $"number {hostNumber} in attachment {number} of '{slug}' is already {otherFile}'s: check the numbers against the document");
}
