using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>
/// Content the build refuses because it could run in a visitor's browser, mislead, or break the build itself:
/// raw HTML, unsafe links, bytes that are not UTF-8, invisible control characters, YAML aliases, deep nesting.
/// </summary>
public static class SafetyMessages
{
    public static Message NotUtf8(int column) => new("invalid-utf8",
        $"这一行第 {column} 列起有不是 UTF-8 的字节（文件可能用 GBK/ANSI 等编码保存，或已损坏）：请用编辑器以“UTF-8”编码重新保存该文件，再核对这一行的文字",
        $"the bytes from column {column} of this line are not UTF-8 text (the file was saved in another encoding such as GBK, or is damaged): save it as UTF-8 and check this line's text");

    /// <param name="codePoint">The character, written U+000B.</param>
    public static Message ControlCharacter(string codePoint) => new("control-character",
        $"这一行有不可见的控制字符 {codePoint}（多由 Word 等软件复制粘贴带入），网页和订阅源无法发布它：请删去它（光标移到报告的列处删除，或重新输入这一行）",
        $"this line holds the invisible control character {codePoint} (usually pasted from Word), which pages and feeds cannot carry: delete it (or type the line again)");

    public static Message VerticalTab() => new("control-character",
        "这一行有不可见的控制字符 U+000B，是 Word 中“Shift+回车”的手动换行符：请删去它，需要换行就直接按回车另起一行",
        "this line holds the invisible control character U+000B, Word's manual line break (Shift+Enter): delete it, and start a new line instead where a break is meant");

    public static Message YamlAlias(string name) => new("yaml-alias",
        $"YAML 的锚点或引用“{name}”（& 或 * 开头）不能使用：每个值请直接写出来",
        $"the YAML anchor or alias '{name}' (& or *) is not allowed: write each value out in full");

    public static Message YamlTooDeep(int limit) => new("nesting-too-deep",
        $"YAML 的列表或字段嵌套超过 {limit} 层，内容文件不会有这么深的结构：请检查这里是否多了括号或缩进",
        $"YAML lists or mappings are nested more than {limit} levels deep, which no content file needs: check for stray brackets or indentation here");

    public static Message MarkdownTooDeep() => new("nesting-too-deep",
        "Markdown 嵌套过深（引用“>”、列表“-”或强调等层层套叠），无法排版：请检查这一行开头是否多了大量“>”或“-”",
        "the Markdown is nested too deeply (quotes '>', lists '-' or emphasis inside each other) to be laid out: check the start of this line for runs of '>' or '-'");

    /// <param name="tag">The HTML as written, e.g. &lt;script&gt;.</param>
    public static Message RawHtml(string tag) => new("raw-html",
        $"正文中不能写 HTML“{tag}”，它不会发布：只可使用不带属性的 <sup>、<sub>、<br>；其余请改用 Markdown 写法（见 docs/content-format.md）",
        $"the HTML '{tag}' is not allowed in content and is not published: only <sup>, <sub> and <br> without attributes are; write the rest in Markdown (docs/content-format.md)");

    /// <param name="scheme">The link's scheme as the browser would read it, e.g. javascript.</param>
    public static Message UnsafeLink(string url, string scheme) => new("unsafe-link",
        $"链接“{url}”以“{scheme}:”开头，不能发布：链接只能是 http(s)://、mailto:、tel: 或以“/”开头的本站地址",
        $"the link '{url}' starts with '{scheme}:' and cannot be published: a link is http(s)://, mailto:, tel: or a site address starting with '/'");

    /// <param name="shown">The host the link's text shows, e.g. www.fujian.gov.cn.</param>
    public static Message MisleadingLink(string shown, string url) => new("misleading-link",
        $"链接文字显示的是网址“{shown}”，实际却指向“{url}”，会误导读者：让链接文字与链接地址一致",
        $"the link's text shows the address '{shown}' but it leads to '{url}', which misleads readers: make the text and the address agree");
}
