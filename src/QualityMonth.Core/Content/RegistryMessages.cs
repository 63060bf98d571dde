using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>The registries under input/site/: cities, organisers, kinds of activity and press contacts.</summary>
public static class RegistryMessages
{
    public static readonly Phrase Entry = new("一条登记（“- slug:”开头的一组字段）", "an entry");

    public static readonly Phrase City = new("城市", "city");

    public static readonly Phrase Organiser = new("主办单位", "organiser");

    public static readonly Phrase Kind = new("活动类型", "kind");

    public static Message SlugTwice(Phrase kind, string slug) => new("duplicate-slug",
        $"{kind.Chinese}网址名“{slug}”登记了两次：删去重复的一条，或换一个网址名",
        $"{kind.English} slug '{slug}' is used twice");

    public static Message UnknownParent(string city, string parent) => new("unknown-city",
        $"城市“{city}”的上级“parent: {parent}”没有登记：改成 cities.yml 中已有的网址名",
        $"city '{city}' names an unknown parent '{parent}'");

    public static Message FileNotFound() => new("missing-file",
        "找不到这个文件：它是网站必需的登记表，请从版本库中恢复",
        "file not found");

    public static Message NotAList() => new("not-a-list",
        "这里应是登记表：每条以“- slug:”开头",
        "expected a list of entries, each starting with '- slug:'");

    public static Message ContactWithoutMeans() => new("contact-incomplete",
        "联系方式至少要有电话（phone）、传真（fax）、邮箱（email）或地址（address）中的一项",
        "a contact needs at least one 'phone', 'fax', 'email' or 'address'");

    public static Message NotAPhoneNumber(string number) => new("invalid-phone",
        $"“{number}”不是电话号码：照原文写数字和连字符，例如 0591-87580701",
        $"'{number}' is not a telephone number: digits and hyphens as printed, e.g. 0591-87580701");

    public static Message NotAnEmail(string email) => new("invalid-email",
        $"“{email}”不是电子邮箱地址：请照原文核对",
        $"'{email}' is not an e-mail address");

    public static Message NotAPostcode(string postcode) => new("invalid-postcode",
        $"“{postcode}”不是邮政编码（应为六位数字）",
        $"'{postcode}' is not a postcode (six digits)");

    public static Message NotPrinted(string value, string noticeFile) => new("contact-not-printed",
        $"“{value}”在 {noticeFile} 的原文中找不到：新闻媒体页只公布通知原文印出的联系方式，请照原文逐字改正",
        $"'{value}' is not printed in {noticeFile}: the press page lists only contacts as the notices print them");

    public static Message UnitNotWithContact(string unit, string contact) => new("contact-not-printed",
        $"通知印出了“{unit}”，但不在写明“{contact}”的那一段：原文没有把它作为这个联系人的单位，请删去 unit（不要推断联系人所在单位）",
        $"'{unit}' is printed in the notice, but not in the paragraph that gives '{contact}': the document does not name it as the contact's unit, so leave 'unit' out");

    public static readonly Phrase Glossary = new("术语表（terms：每项写 zh、en，可加 note）", "the glossary ('terms': a list of zh, en and an optional note)");

    public static Message TermTwice(string term, int firstLine) => new("duplicate-term",
        $"术语“{term}”在术语表中出现了两次（第一次在第 {firstLine} 行）：每个术语只能有一种英文译法，请合并为一项",
        $"the term '{term}' is in the glossary twice (first on line {firstLine}): a term has one English rendering, so keep one entry");

    public static Message BadNoticeReference(string reference) => new("invalid-notice-reference",
        $"“notice: {reference}”写法不对：写成“年份/通知网址名”，例如 2025/provincial",
        $"'notice: {reference}' must name a notice as <year>/<slug>, e.g. 2025/provincial");

    public static Message NoSuchNotice(string reference, string noticeFile) => new("unknown-notice",
        $"“notice: {reference}”指向的通知不存在（没有 {noticeFile}）：检查年份和通知网址名",
        $"'notice: {reference}': there is no notice {noticeFile}");
}
