using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>Every interface string of the theme, one instance per language; typed so a missing string fails the build.</summary>
public sealed record UiStrings
{
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string Home { get; init; }
    public required string Years { get; init; }
    public required string Slogans { get; init; }
    public required string Cities { get; init; }
    public required string Organisers { get; init; }
    public required string Language { get; init; }
    public required string ReferenceTranslation { get; init; }
    public required string UntranslatedNotice { get; init; }
    /// <summary>Printed after a field shown in the original language because it has no translation.</summary>
    public required string UntranslatedField { get; init; }
    public required string CurrentCampaign { get; init; }
    public required string Theme { get; init; }
    public required string NationalTheme { get; init; }
    public required string AllYears { get; init; }
    public required string ReadNotice { get; init; }
    public required string SlogansOfYear { get; init; }
    public required string AllSlogans { get; init; }
    public required string Notices { get; init; }
    public required string Activities { get; init; }
    public required string ActivitiesByCity { get; init; }
    public required string ActivitiesByOrganiser { get; init; }
    public required string NoActivities { get; init; }
    public required string DocumentNumber { get; init; }
    public required string Issuer { get; init; }
    public required string DateWritten { get; init; }
    public required string Disclosure { get; init; }
    public required string AttachmentsLabel { get; init; }
    public required string NotStated { get; init; }
    public required string AttachmentUnavailable { get; init; }
    public required string ForwardedNotice { get; init; }
    public required string Source { get; init; }
    public required string Timing { get; init; }
    public required string Lead { get; init; }
    public required string Partners { get; init; }
    public required string Note { get; init; }
    public required string Permalink { get; init; }
    public required string ProvincialSlogans { get; init; }
    public required string NationalSlogans { get; init; }
    public required string UnlabelledSlogans { get; init; }
    public required string ParentCity { get; init; }
    public required string ActivityCount { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string Sponsor { get; init; }
    public required string Contact { get; init; }
    public required string SiteIdCode { get; init; }
    public required string IcpRecord { get; init; }
    public required string PublicSecurityRecord { get; init; }
    public required string BackToTop { get; init; }
    /// <summary>Label separator: full-width in Chinese, ': ' in English.</summary>
    public required string Colon { get; init; }
    /// <summary>Separates a document title from its attachment number.</summary>
    public required string AttachmentSeparator { get; init; }
    public required string OpenParen { get; init; }
    public required string CloseParen { get; init; }
    public required string Comma { get; init; }
    public required Func<int, string> YearName { get; init; }
    public required Func<int, string> Attachment { get; init; }
    /// <summary>A host's number in an attachment's list, as the documents print it: 一、 in Chinese, "1. " in English.</summary>
    public required Func<int, string> HostNumber { get; init; }
    public required Func<int, string> ActivitiesCount { get; init; }
    public required Func<DateOnly, string> Date { get; init; }
    public required string PhotoCredit { get; init; }
    /// <summary>Link text of a photo's full-size download: its pixel size and file size.</summary>
    public required Func<int, int, long, string> DownloadPhoto { get; init; }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    /// <summary>A number from 1 to 99 in Chinese numerals as documents number their sections: 一, 十, 十二, 二十一.</summary>
    public static string ChineseNumeral(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        const string digits = "〇一二三四五六七八九";
        var (tens, units) = (number / 10, number % 10);
        var unit = units == 0 ? "" : digits[units].ToString();
        return tens switch { 0 => unit, 1 => "十" + unit, _ => digits[tens] + "十" + unit };
    }

    public static UiStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static readonly UiStrings Chinese = new()
    {
        SkipToContent = "跳到正文",
        MainNavigation = "主导航",
        Home = "首页",
        Years = "历年活动",
        Slogans = "活动口号",
        Cities = "各地活动",
        Organisers = "主办单位",
        Language = "语言",
        ReferenceTranslation = "英文译文仅供参考，以中文原文为准。",
        UntranslatedNotice = "以下内容暂无英文译文，显示中文原文。",
        UntranslatedField = "（暂无译文）",
        CurrentCampaign = "本年度“质量月”",
        Theme = "活动主题",
        NationalTheme = "全国活动主题",
        AllYears = "历年“质量月”",
        ReadNotice = "阅读通知全文",
        SlogansOfYear = "本年度活动口号",
        AllSlogans = "历年活动口号",
        Notices = "通知文件",
        Activities = "主要活动",
        ActivitiesByCity = "各地开展的活动",
        ActivitiesByOrganiser = "主办单位开展的活动",
        NoActivities = "本年度公开文件未列出具体活动。",
        DocumentNumber = "发文字号",
        Issuer = "发文机关",
        DateWritten = "成文日期",
        Disclosure = "公开方式",
        AttachmentsLabel = "附件",
        NotStated = "原文未标注",
        AttachmentUnavailable = "本附件未包含在公开文本中。",
        ForwardedNotice = "阅读被转发的通知全文",
        Source = "来源",
        Timing = "时间安排",
        Lead = "牵头部门",
        Partners = "协办单位",
        Note = "备注",
        Permalink = "永久链接",
        ProvincialSlogans = "全省活动口号",
        NationalSlogans = "全国活动口号",
        UnlabelledSlogans = "活动口号",
        ParentCity = "所属设区市",
        ActivityCount = "活动数",
        NotFoundTitle = "页面不存在",
        NotFoundText = "您访问的页面不存在或已移动。请从首页或下列栏目继续浏览。",
        Sponsor = "主办单位",
        Contact = "联系方式",
        SiteIdCode = "网站标识码",
        IcpRecord = "ICP备案号",
        PublicSecurityRecord = "公安机关备案号",
        BackToTop = "返回顶部",
        Colon = "：",
        AttachmentSeparator = "",
        OpenParen = "（",
        CloseParen = "）",
        Comma = "，",
        YearName = y => $"{y}年",
        Attachment = n => $"附件{n}",
        HostNumber = n => ChineseNumeral(n) + "、",
        ActivitiesCount = n => $"{n}项活动",
        Date = d => $"{d.Year}年{d.Month}月{d.Day}日",
        PhotoCredit = "来源",
        DownloadPhoto = (w, h, bytes) => $"下载原图（JPEG，{w}×{h}，{Size(bytes)}）",
    };

    private static readonly UiStrings English = new()
    {
        SkipToContent = "Skip to content",
        MainNavigation = "Main navigation",
        Home = "Home",
        Years = "Years",
        Slogans = "Slogans",
        Cities = "Cities",
        Organisers = "Organisers",
        Language = "Language",
        ReferenceTranslation = "English translations are for reference only; the Chinese original prevails.",
        UntranslatedNotice = "This text has not been translated yet; it is shown in the original Chinese.",
        UntranslatedField = " (Chinese; not yet translated)",
        CurrentCampaign = "This year's Quality Month",
        Theme = "Theme",
        NationalTheme = "National theme",
        AllYears = "Quality Month by year",
        ReadNotice = "Read the full notice",
        SlogansOfYear = "This year's slogans",
        AllSlogans = "Slogans of every year",
        Notices = "Notices",
        Activities = "Main activities",
        ActivitiesByCity = "Activities of the cities",
        ActivitiesByOrganiser = "Activities of the organising bodies",
        NoActivities = "The published documents list no activities for this year.",
        DocumentNumber = "Document number",
        Issuer = "Issued by",
        DateWritten = "Date of document",
        Disclosure = "Disclosure",
        AttachmentsLabel = "Attachments",
        NotStated = "Not stated in the document",
        AttachmentUnavailable = "This attachment is not included in the published text.",
        ForwardedNotice = "Read the forwarded notice",
        Source = "Source",
        Timing = "Timing",
        Lead = "Lead unit",
        Partners = "Co-organisers",
        Note = "Note",
        Permalink = "Permalink",
        ProvincialSlogans = "Provincial slogans",
        NationalSlogans = "National slogans",
        UnlabelledSlogans = "Slogans",
        ParentCity = "Part of",
        ActivityCount = "Activities",
        NotFoundTitle = "Page not found",
        NotFoundText = "The page you asked for does not exist or has moved. Continue from the home page or a section below.",
        Sponsor = "Sponsor",
        Contact = "Contact",
        SiteIdCode = "Website ID",
        IcpRecord = "ICP record",
        PublicSecurityRecord = "Public security record",
        BackToTop = "Back to top",
        Colon = ": ",
        AttachmentSeparator = ", ",
        OpenParen = " (",
        CloseParen = ")",
        Comma = ", ",
        YearName = y => y.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Attachment = n => $"Attachment {n}",
        HostNumber = n => $"{n}. ",
        ActivitiesCount = n => n == 1 ? "1 activity" : $"{n} activities",
        Date = d => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        PhotoCredit = "Credit",
        DownloadPhoto = (w, h, bytes) => $"Download full size (JPEG, {w}×{h}, {Size(bytes)})",
    };
}
