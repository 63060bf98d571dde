namespace QualityMonth.Model;

public enum SloganScope { Provincial, National, Unlabelled }

public sealed record SloganList(
    int Year,
    string NoticeSlug,
    int AttachmentNumber,
    SloganScope Scope,
    LocalizedText? Theme,
    IReadOnlyList<Slogan> Slogans,
    SourceLocation Source);

public sealed record Slogan(int Year, int Number, LocalizedText Text, SourceLocation Source)
{
    public string Anchor => $"slogan-{Number}";
}
