namespace QualityMonth.Model;

/// <summary>
/// A contact that a notice publishes (联系人, 电话, 传真, 邮箱, 地址), as the notice prints it, from
/// <c>input/site/press.yml</c>: what the press page lists for journalists.
/// </summary>
/// <param name="Unit">The office named with the contact, as printed (省局质量发展处).</param>
/// <param name="About">What the notice asks people to contact it about (报送活动总结).</param>
/// <param name="Faxes">Fax numbers as printed (a fax is not a telephone link).</param>
public sealed record PressContact(
    int Year,
    string NoticeSlug,
    LocalizedText? Unit,
    LocalizedText? Person,
    LocalizedText About,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Faxes,
    IReadOnlyList<string> Emails,
    LocalizedText? Address,
    string? Postcode,
    SourceLocation Source);
