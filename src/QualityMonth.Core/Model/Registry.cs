namespace QualityMonth.Model;

public sealed record City(string Slug, LocalizedText Name, string? ParentSlug, SourceLocation Source);

public sealed record Organiser(string Slug, LocalizedText Name, SourceLocation Source);
