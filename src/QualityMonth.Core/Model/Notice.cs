namespace QualityMonth.Model;

/// <summary>An official notice with its document metadata (公文要素) and full text.</summary>
public sealed record Notice(
    int Year,
    string Slug,
    LocalizedText Title,
    string? DocumentNumber,      // 发文字号; null when the document bears none
    LocalizedText Issuer,        // 发文机关
    LocalizedText? SealNote,     // e.g. （福建省市场监督管理局代章）
    string? Letterhead,          // 版头 as printed (福建省质量强省工作领导小组办公室文件); null when the document has none
    bool Signed,                 // whether the document prints a signature block (落款: issuer and date)
    IReadOnlyList<LocalizedText> Signatories, // the bodies the signature block prints, in its order; empty: the issuer
    DateOnly? Date,              // 成文日期; null when the document gives none
    string? Disclosure,          // 公开方式 as printed; null when not printed
    string? IndexNumber,         // 索引号 the publisher's portal gave it; null when not known
    PublicationTime? Published,  // 发布日期 on the publisher's portal; null when not known
    LocalizedText? Subject,      // 主题分类 of this notice; null: the site-wide default (statiq.json disclosure.subject)
    MarkdownBody Body,
    IReadOnlyList<Attachment> Attachments,
    SourceLocation Source);

/// <summary>When a notice was published (发布日期): a day, and the time of day when the portal gives one.</summary>
public readonly record struct PublicationTime(DateOnly Date, TimeOnly? Time);

public enum AttachmentKind { Text, Slogans, Activities, Notice, Unavailable }

/// <summary>附件 N of a notice: its title and where its content comes from.</summary>
public sealed record Attachment(
    int Number,
    LocalizedText Title,
    AttachmentKind Kind,
    string? NoticeSlug,
    MarkdownBody? Text,
    SourceLocation Source)
{
    public string Anchor => $"attachment-{Number}";
}
