using System.Globalization;
using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>
/// Interface strings of the government-page features: the disclosure table, page metadata (栏目,
/// summaries for link previews) and the press page. One instance per language, like <see cref="UiStrings"/>.
/// </summary>
public sealed record GovernmentStrings
{
    public required string DisclosureTable { get; init; }
    public required string IndexNumber { get; init; }
    public required string Subject { get; init; }
    public required string DatePublished { get; init; }
    /// <summary>Shown for a disclosure item the publisher has not made known to the site (索引号, 发布日期).</summary>
    public required string NotPublished { get; init; }
    public required Func<DateOnly, TimeOnly?, string> PublishedAt { get; init; }

    public required string NoticesColumn { get; init; }
    public required string ActivitiesColumn { get; init; }

    /// <summary>A year's description: its theme, with the body whose notice gives it (2023's is Yong'an's own, not the province's).</summary>
    public required Func<int, string, string, string> YearSummary { get; init; }

    public string SummaryOf(CampaignYear year, Language language) =>
        YearSummary(year.Year, year.Theme.In(language).Text, year.MainNotice.Issuer.In(language).Text);
    public required Func<int, int, string, string> SlogansSummary { get; init; }
    public required Func<int, int, string> SloganArchiveSummary { get; init; }
    public required Func<string, string> HostIndexSummary { get; init; }
    public required Func<string, int, string, string> HostSummary { get; init; }
    public required Func<string, string> HostWithoutActivities { get; init; }
    public required string PressSummary { get; init; }
    /// <summary>The share card's description for screen readers: site title, year and theme.</summary>
    public required Func<string, int, string, string> ShareImageAlt { get; init; }
    /// <summary>Separates items in a summary list.</summary>
    public required string ListSeparator { get; init; }
    public required string Ellipsis { get; init; }

    public required string Press { get; init; }
    /// <summary>The footer's link to the State Council's error-report platform (我为政府网站找错).</summary>
    public required string ErrorReport { get; init; }
    /// <summary>The 党政机关网站标识's text alternative: what the mark says, and that it leads to the registration.</summary>
    public required string PartyGovernmentMarkAlt { get; init; }
    public required string PressIntro { get; init; }
    public required string Contacts { get; init; }
    public required string Unit { get; init; }
    public required string Person { get; init; }
    public required string About { get; init; }
    public required string Phone { get; init; }
    public required string Fax { get; init; }
    public required string Email { get; init; }
    public required string Address { get; init; }
    public required string Postcode { get; init; }
    public required string PrintedIn { get; init; }
    public required string Documents { get; init; }
    public required string DocumentsIntro { get; init; }
    public required string Photos { get; init; }
    public required string PhotoNote { get; init; }

    public static GovernmentStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static readonly GovernmentStrings Chinese = new()
    {
        DisclosureTable = "信息公开要素",
        IndexNumber = "索引号",
        Subject = "主题分类",
        DatePublished = "发布日期",
        NotPublished = "未公布",
        PublishedAt = (date, time) => $"{date.Year}年{date.Month}月{date.Day}日" + (time is { } t ? t.ToString(" HH:mm", CultureInfo.InvariantCulture) : ""),
        NoticesColumn = "通知公告",
        ActivitiesColumn = "活动",
        YearSummary = (year, theme, issuer) => $"{issuer}{year}年“质量月”活动主题：{theme}。",
        SlogansSummary = (year, count, first) => $"{year}年“质量月”活动口号{count}条，如“{first}”。",
        SloganArchiveSummary = (years, count) => $"{years}个年度的“质量月”活动口号，共{count}条。",
        HostIndexSummary = names => $"开展“质量月”活动的{names}。",
        HostSummary = (name, count, years) => $"{name}开展的“质量月”活动（{years}），共{count}项。",
        HostWithoutActivities = name => $"{name}：已公开的通知文件未列出其“质量月”活动。",
        PressSummary = "历年“质量月”通知公布的联系方式、通知文件和本站图片的使用说明。",
        ShareImageAlt = (title, year, theme) => $"{title}：{year}年活动主题“{theme}”",
        ListSeparator = "、",
        Ellipsis = "……",
        Press = "新闻媒体",
        ErrorReport = "我为政府网站找错",
        PartyGovernmentMarkAlt = "党政机关网站标识：查看网站开办者信息",
        PressIntro = "以下是历年“质量月”通知文件公布的联系方式，照录原文，并注明出自哪份通知。联系方式以原文件为准，时间较早的可能已有变化。",
        Contacts = "通知公布的联系方式",
        Unit = "单位",
        Person = "联系人",
        About = "事项",
        Phone = "电话",
        Fax = "传真",
        Email = "电子邮箱",
        Address = "地址",
        Postcode = "邮编",
        PrintedIn = "出处",
        Documents = "通知文件",
        DocumentsIntro = "本站内容均来自以下公开发布的通知文件，每份都有全文、发文字号和成文日期。",
        Photos = "图片使用",
        PhotoNote = "本站每张照片下方都标注了说明，提供了来源的也标注来源，下载原图的链接就在旁边。使用照片时请注明来源。",
    };

    private static readonly GovernmentStrings English = new()
    {
        DisclosureTable = "Disclosure information",
        IndexNumber = "Index number",
        Subject = "Subject category",
        DatePublished = "Date published",
        NotPublished = "Not available",
        PublishedAt = (date, time) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + (time is { } t ? t.ToString(", HH:mm", CultureInfo.InvariantCulture) : ""),
        NoticesColumn = "Notices",
        ActivitiesColumn = "Activities",
        YearSummary = (year, theme, issuer) => $"Quality Month {year} as {issuer} announces it, themed \"{theme}\".",
        SlogansSummary = (year, count, first) => count == 1 ? $"The slogan of Quality Month {year}: \"{first}\"." : $"The {count} slogans of Quality Month {year}, such as \"{first}\".",
        SloganArchiveSummary = (years, count) => $"{count} Quality Month slogans from {years} years.",
        HostIndexSummary = names => $"Quality Month activities of {names}.",
        HostSummary = (name, count, years) => count == 1 ? $"1 Quality Month activity of {name} ({years})." : $"{count} Quality Month activities of {name} ({years}).",
        HostWithoutActivities = name => $"{name}: the published notices list no Quality Month activities of it.",
        PressSummary = "Contacts published in the Quality Month notices, the notices themselves, and how to use this site's photos.",
        ShareImageAlt = (title, year, theme) => $"{title}: the theme of {year}, \"{theme}\"",
        ListSeparator = ", ",
        Ellipsis = "…",
        Press = "Press",
        ErrorReport = "Report an error on this government website (我为政府网站找错, in Chinese)",
        PartyGovernmentMarkAlt = "Party and government website mark: the site owner's registration (in Chinese)",
        PressIntro = "The contacts that the Quality Month notices publish, copied as printed, each with the notice it comes from. They are as the documents give them; older ones may have changed.",
        Contacts = "Contacts published in the notices",
        Unit = "Office",
        Person = "Contact person",
        About = "For",
        Phone = "Telephone",
        Fax = "Fax",
        Email = "E-mail",
        Address = "Address",
        Postcode = "Postcode",
        PrintedIn = "Published in",
        Documents = "The notices",
        DocumentsIntro = "Everything on this site comes from these published notices, each with its full text, document number and date.",
        Photos = "Using photos",
        PhotoNote = "Every photo on this site has its caption under it, and its credit where one was given, next to the link to download it at full size. Please credit the source when you use a photo.",
    };
}
