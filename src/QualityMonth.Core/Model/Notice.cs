namespace QualityMonth.Model;

/// <summary>An official notice with its document metadata (公文要素) and full text.</summary>
public sealed record Notice(
    int Year,
    string Slug,
    LocalizedText Title,
    string? DocumentNumber,      // 发文字号; null when the document bears none
    LocalizedText Issuer,        // 发文机关
    LocalizedText? SealNote,     // e.g. （福建省市场监督管理局代章）
    DateOnly? Date,              // 成文日期; null when the document gives none
    string? Disclosure,          // 公开方式 as printed; null when not printed
    MarkdownBody Body,
    IReadOnlyList<Attachment> Attachments,
    SourceLocation Source);

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
