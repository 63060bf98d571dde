namespace QualityMonth.Model;

public sealed record City(string Slug, LocalizedText Name, string? ParentSlug, SourceLocation Source);

public sealed record Organiser(string Slug, LocalizedText Name, SourceLocation Source);

/// <summary>A kind of activity (宣传, 培训, 竞赛 …), from <c>input/site/kinds.yml</c>.</summary>
public sealed record ActivityKind(string Slug, LocalizedText Name, LocalizedText? Description, SourceLocation Source);

/// <summary>
/// A campaign term and its one English rendering, from <c>input/site/glossary.yml</c>: an English text whose
/// Chinese holds <paramref name="Chinese"/> is expected to use <paramref name="English"/>.
/// </summary>
/// <param name="Note">Why this rendering, or where it applies: for translators, not shown on the site.</param>
public sealed record GlossaryTerm(string Chinese, string English, string? Note, SourceLocation Source);
