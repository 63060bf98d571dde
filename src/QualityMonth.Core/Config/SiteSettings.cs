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
    MessageLanguage? Messages = null)
{
    public Language DefaultLanguage => Languages[0];

    /// <summary>Prefixes a root-relative site URL with the base path the site is mounted under.</summary>
    public string Mount(string rootRelativeUrl) => BasePath + rootRelativeUrl;
}

/// <summary>The items a government website must show on every page.</summary>
public sealed record Footer(
    LocalizedText Sponsor,                // 主办单位
    LocalizedText? Contact,               // 联系方式
    string? SiteIdCode,                   // 网站标识码
    string? IcpRecord,                    // ICP备案号
    string? PublicSecurityRecord);        // 公安机关备案号

/// <summary>How the site files its notices for government information disclosure (政府信息公开).</summary>
/// <param name="Subject">主题分类 the publisher files every notice under unless a notice names its own; null when not set.</param>
public sealed record DisclosureSettings(LocalizedText? Subject);
