using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>A notice's Markdown file: its front matter, dates, attachments and translations.</summary>
public static class NoticeMessages
{
    public static readonly Phrase Metadata = new("通知的文件要素", "the notice's metadata");

    public static Message NoFrontMatter() => new("missing-front-matter",
        "通知文件应以文件要素开头：第一行写“---”，接着写 title、doc_number、issuer、date、disclosure 等字段，再写一行“---”，然后才是正文",
        "a notice starts with front matter: a '---' line, the metadata (title, doc_number, issuer, date, disclosure), and another '---' line");

    public static Message SectionNotText(int number) => new("attachment-not-text",
        $"正文中有“# 附件{number}”一节，但文件要素中的附件{number}不是“shows: text”：把该附件改为 shows: text，或删去这一节",
        $"the body has a '# 附件{number}' section but attachment {number} in the front matter is not 'shows: text'");

    public static Message PublishedBeforeWritten(DateOnly published, DateOnly written) => new("published-before-date",
        $"发布日期“published: {published:yyyy-MM-dd}”早于成文日期“date: {written:yyyy-MM-dd}”：请核对这两个日期",
        $"'published: {published:yyyy-MM-dd}' is before the date the document was written ('date: {written:yyyy-MM-dd}')");

    public static Message UnknownShows(string shows, string allowed) => new("unknown-attachment-kind",
        $"“shows: {shows}”不是可用的写法，只能是以下之一：{allowed}",
        $"'shows: {shows}' is not one of: {allowed}");

    public static Message ForwardedNoticeMissing() => new("attachment-notice",
        "“shows: notice”表示转发另一份通知，还需要加一行“notice: <该通知的网址名>”",
        "'shows: notice' needs 'notice: <slug>' naming the forwarded notice");

    public static Message NoticeWithoutForward() => new("attachment-notice",
        "“notice”只用于“shows: notice”的附件：删去这一行，或把 shows 改为 notice",
        "'notice' is only used with 'shows: notice'");

    public static Message TextSectionMissing(int number) => new("attachment-text-missing",
        $"附件{number}是“shows: text”，但正文最后没有“# 附件{number}”一节：请把附件全文写在正文末尾，以“# 附件{number}”开头",
        $"attachment {number} is 'shows: text' but the body has no '# 附件{number}' section");

    public static Message TranslationHasFrontMatter() => new("translation-front-matter",
        "译文文件只写正文的译文，不写文件要素：删去开头两行“---”之间的内容（英文标题写在中文文件的 title_en 中）",
        "a translation holds only the Markdown text; the metadata lives in the Chinese file");

    public static Message PublishedNotADate(string text) => new("invalid-date",
        $"发布日期“published: {text}”格式不对：写成 2024-08-20，或带时间写成 2024-08-20 16:30；不知道发布日期就删去这一行",
        $"'published: {text}' is not a date: write it as YYYY-MM-DD (2024-08-20) or YYYY-MM-DD HH:mm (2024-08-20 16:30), or leave the field out when it is not known");

    public static Message NotADate(string key, string text, string notStated) => new("invalid-date",
        $"日期“{key}: {text}”格式不对：写成 2024-08-14 的形式；原文没有写日期的，写“{notStated}”",
        $"'{key}: {text}' is not a date: write it as YYYY-MM-DD (2024-08-14), or {notStated} when the document gives none");

    public static Message StrayLevelOneHeading() => new("level-one-heading",
        "一级标题（“# ”开头）只用于附件，写成“# 附件N”；正文中的各节标题请用“## ”",
        "a level-1 heading ('# ') may only start an attachment, written '# 附件N'; use '##' for sections");

    public static Message AttachmentTwice(int number) => new("attachment-twice",
        $"“# 附件{number}”出现了两次：删去或合并重复的一节",
        $"attachment {number} appears twice");

    public static Message NoText() => new("empty-notice",
        "这份通知只有开头的信息（--- 之间的部分），没有正文：通知页面将是空的。请把通知正文粘贴在第二个 --- 之后",
        "the notice has front matter but no text: its page would be empty; paste the text after the closing ---");

    public static Message SignatureValue(string text, string notStated) => new("signature",
        $"“signature: {text}”不是可用的写法：原文没有落款（发文机关署名和成文日期）时写“signature: {notStated}”，有落款时删去这一行",
        $"'signature: {text}' is not allowed: write 'signature: {notStated}' when the document prints no signature block, or leave the field out");

    public static Message SignatoriesWithoutSignature(string notStated) => new("signatories-unsigned",
        $"写了“signatories”（落款署名的单位），又写了“signature: {notStated}”（原文没有落款）：两者只能留一个",
        $"'signatories' (the bodies the signature block prints) and 'signature: {notStated}' (the document prints no signature block) contradict each other: keep one");

    public static Message SignatoryRepeated(string name) => new("signatory-repeated",
        $"“signatories”中“{name}”出现了不止一次：每个单位在落款中只署名一次，重复的一项多半是转换时留下的，请删去",
        $"'{name}' appears more than once in 'signatories': a body signs once, and a repeated name is most likely left over from converting the document: delete it");

    public static Message AttachmentTitleRepeated(int number) => new("attachment-title-repeated",
        $"“# 附件{number}”后的第一段重复了附件标题：网页已在附件正文上方印出标题，请删去这一段",
        $"the first paragraph after '# 附件{number}' repeats the attachment's title, which the page prints above the text: delete it");
}
