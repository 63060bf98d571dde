namespace QualityMonth.Model;

public sealed record City(string Slug, LocalizedText Name, string? ParentSlug, SourceLocation Source);

public sealed record Organiser(string Slug, LocalizedText Name, SourceLocation Source);

/// <summary>A kind of activity (宣传, 培训, 竞赛 …), from <c>input/site/kinds.yml</c>.</summary>
public sealed record ActivityKind(string Slug, LocalizedText Name, LocalizedText? Description, SourceLocation Source);
