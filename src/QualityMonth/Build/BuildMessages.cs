using QualityMonth.Diagnostics;

namespace QualityMonth.Build;

/// <summary>What only rendering the site finds: pages that clash, links that lead nowhere, files the generators cannot make.</summary>
public static class BuildMessages
{
    public static Message ThemeFileMissing() => new("missing-file",
        "网站主题需要这个文件，但找不到它：请从版本库中恢复",
        "the theme needs this file");

    public static Message ThemeCompileError(string id, string compilerMessage) => new("theme-compile",
        $"主题模板无法编译（{id}）：{compilerMessage}。预览仍显示上一次成功编译的主题；改正后会自动重新编译",
        $"{id}: {compilerMessage}");

    public static Message ThemeTypeMissing(string type) => new("theme-compile",
        $"生成器的页面需要主题中的 {type}，但修改后的主题没有它：页面类型在生成器中声明（SitePages.cs），改名或删除需要重新生成（dotnet build）并重启预览",
        $"the generator's pages need {type}, which the saved theme no longer has: renaming or removing it needs SitePages.cs changed, 'dotnet build' and a restart of the preview");

    public static Message RazorCompilerMissing(string path) => new("theme-compile",
        $"找不到 .NET SDK 的 Razor 编译器（{path}）：预览无法编译修改过的主题模板。请安装本版本库 global.json 指定的 .NET SDK，或停止预览后运行 ./build.sh preview",
        $"the .NET SDK's Razor compiler is not at {path}: the preview cannot compile the saved theme; install the SDK the repository's global.json names, or restart the preview");

    public static Message PageClash(string url, string other) => new("duplicate-url",
        $"两个页面占用同一网址 {url}（另一个来自 {other}）：请给其中一个换一个网址名（文件名、slug 或 id）",
        $"two pages claim the URL {url} (also {other})");

    public static Message PrefixClash(string prefix, string language, string url, string other) => new("duplicate-url",
        $"语言 {language} 的网址前缀“{prefix}”使它的页面 {url} 与另一个页面（{other}）重名：请在 languages 中换一个前缀",
        $"the prefix '{prefix}' of language {language} puts its page {url} where another page is ({other}): choose another prefix in 'languages'");

    public static Message BrokenLink(string url, Phrase reason) => new("broken-link",
        $"链接“{url}”无效：{reason.Chinese}。请改正链接：站内链接从网站根目录写起、不带语言前缀，例如 /2024/slogans/#slogan-3",
        $"broken link '{url}': {reason.English}");

    public static Message BrokenThemeLink(string url, string component, int pages, string example, Phrase reason) => new("broken-link",
        $"网站主题（{component}）生成的链接“{url}”无效：{reason.Chinese}（共 {pages} 个页面，例如 {example}）。这是主题模板的问题，请交给网站维护人员",
        $"broken link '{url}' rendered by the theme ({component}) on {pages} page(s), e.g. {example}: {reason.English}");

    public static Phrase NoSuchId() => new("本页没有这个锚点（id）", "no element has this id on the page");

    public static Phrase NoSuchAddress() => new("没有这个地址的页面或文件", "no page or file has this address");

    public static Phrase NoSuchAnchor(string path, string fragment) => new(
        $"页面 {path} 上没有锚点 #{fragment}",
        $"the page {path} has no anchor #{fragment}");

    public static Message ListItemSeparator(string value, char separator, string field) => new("csv-separator",
        $"“{value}”中含有“{separator}”，它在 activities.csv 中用来分隔 {field} 的各项：请换一种写法，例如改用全角“／”",
        $"'{value}' contains '{separator}', which separates the items of {field} in activities.csv: write it another way (e.g. ／)");

    public static Message CalendarSlugTaken(string slug, string calendar) => new("duplicate-url",
        $"城市网址名“{slug}”与全部活动的日历（{calendar}）重名：请给这个城市换一个网址名",
        $"the city slug '{slug}' is taken by the calendar of all activities ({calendar}): choose another");

    public static Message PreviousCalendarUnreadable() => new("previous-calendar",
        "上次生成的日历不是 iCalendar 文件：所有日历事件的 SEQUENCE 将从 0 重新计数，订阅者可能收不到更新；如无意外可不处理",
        "the previous build's calendar is not an iCalendar file: every event starts again at SEQUENCE 0");

    public static Message PreviousCalendarDamaged(string value) => new("previous-calendar",
        $"上次生成的日历已损坏：SEQUENCE 的值“{value}”不是数字。如果从 0 重新计数，订阅者的日历将收不到更新：请从已发布的网站恢复这个文件（或用 --previous 指向已发布的网站）后再生成",
        $"the previous build's calendar is damaged: SEQUENCE '{value}' is not a number; restarting at 0 would keep subscribers' calendars from updating: restore the file from the published site (or name it with --previous) and build again");

    public static Message FontMissing(string face, string fileName, IReadOnlyList<string> folders, string package) => new("font-missing",
        $"分享图片要用字体 {face}，但本机没有安装（字体文件夹 {string.Join("、", folders)} 中都没有 {fileName}）：请运行 ./build.sh（会自动安装），或运行 sudo apt-get install {package}",
        $"the share images are set in the font {face}, which is not installed ({fileName} is in none of the font folders {string.Join(", ", folders)}): install the Debian package {package} (./build.sh does), or run: sudo apt-get install {package}");
}
