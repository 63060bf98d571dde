using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Config;

/// <summary>Validated site settings from <c>statiq.json</c>.</summary>
/// <param name="Messages">The language problems are reported in (<c>"messages"</c>), or null to follow the environment.</param>
public sealed record SiteSettings(
    LocalizedText Title,
    Uri BaseUrl,
    string BasePath,                 // "" for the domain root, else "/ztzl/zly" (no trailing slash)
    IReadOnlyList<Language> Languages,
    int CurrentYear,
    Footer Footer,
    PhotoSettings Photos,
    DisclosureSettings Disclosure,
    Locale? Messages = null)
{
    public Language DefaultLanguage => Languages[0];
}

/// <summary>The items a government website must show on every page (the footer items of the inspections' 检查指标).</summary>
public sealed record Footer(
    LocalizedText Sponsor,                              // 主办单位
    LocalizedText? Contact,                             // 联系方式
    string? SiteIdCode,                                 // 网站标识码
    string? IcpRecord,                                  // ICP备案号
    PublicSecurityRecord? PublicSecurityRecord,         // 公安机关备案号
    PartyGovernmentMark? PartyGovernmentMark = null,    // 党政机关网站标识
    Uri? ErrorReport = null)                            // 我为政府网站找错
{
    /// <summary>The 工业和信息化部 filing system the ICP record number links to, as the filing rules ask.</summary>
    public static readonly Uri IcpFilingSystem = new("https://beian.miit.gov.cn/");

    /// <summary>
    /// The 我为政府网站找错 address for one page: the platform's address with the site's 网站标识码 and the page's
    /// address, the two values the platform's own footer script sends; null when either setting is missing.
    /// </summary>
    public string? ErrorReportFor(string pageUrl) =>
        ErrorReport is null || SiteIdCode is null
            ? null
            : $"{ErrorReport.AbsoluteUri}{(ErrorReport.Query.Length > 0 ? "&" : "?")}site_code={Uri.EscapeDataString(SiteIdCode)}&url={Uri.EscapeDataString(pageUrl)}";
}

/// <summary>公安机关备案号 as the record gives it (闽公网安备 35010202000001号) and its record code, the 14 digits.</summary>
public sealed record PublicSecurityRecord(string Text, string Code)
{
    /// <summary>The record's page on the 全国互联网安全管理服务平台, the link the filing asks the footer to carry.</summary>
    public string Link => $"https://beian.mps.gov.cn/#/query/webSearch?code={Code}";
}

/// <summary>
/// 党政机关网站标识: the mark the 机构编制 office issued to the site's administrator, as an image file of the site
/// (published under <see cref="ImageUrl"/>) linking to the administrator's registration page.
/// </summary>
/// <param name="ImageFile">The image on disk.</param>
/// <param name="ImageUrl">Where the build publishes it: /assets/ and a name with its content hash.</param>
public sealed record PartyGovernmentMark(string ImageFile, string ImageUrl, Uri Link);

/// <summary>How the site files its notices for government information disclosure (政府信息公开).</summary>
/// <param name="Subject">主题分类 the publisher files every notice under unless a notice names its own; null when not set.</param>
public sealed record DisclosureSettings(LocalizedText? Subject);
