using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>A kind of text the coverage counts: a stable id for tools and its name in both languages.</summary>
public sealed record TextKind(string Id, Phrase Name)
{
    public static readonly TextKind Themes = new("themes", new("主题", "themes"));
    public static readonly TextKind Slogans = new("slogans", new("口号", "slogans"));
    public static readonly TextKind Names = new("names", new("城市和主办单位名称", "city and organiser names"));
    public static readonly TextKind Kinds = new("kinds", new("活动类型", "kinds of activity"));
    public static readonly TextKind NoticeTitles = new("notice-titles", new("通知标题", "notice titles"));
    public static readonly TextKind NoticeTexts = new("notice-texts", new("通知正文", "notice texts"));
    public static readonly TextKind AttachmentTitles = new("attachment-titles", new("附件标题", "attachment titles"));
    public static readonly TextKind ActivityTitles = new("activity-titles", new("活动名称", "activity titles"));
    public static readonly TextKind ActivityDescriptions = new("activity-descriptions", new("活动介绍", "activity descriptions"));
}

/// <summary>How many texts of one kind have a translation.</summary>
public sealed record KindCoverage(TextKind Kind, int Translated, int Total);

/// <summary>How much of the content has a translation, per language and kind of text.</summary>
public sealed record TranslationCoverage(Language Language, IReadOnlyList<KindCoverage> Kinds)
{
    public int Translated => Kinds.Sum(k => k.Translated);

    public int Total => Kinds.Sum(k => k.Total);

    public int Percent => Total == 0 ? 100 : 100 * Translated / Total;

    public static IReadOnlyList<TranslationCoverage> Measure(Site site) =>
        site.Settings.Languages.Where(l => !l.IsDefault).Select(language => new TranslationCoverage(language,
            TranslatableTexts.Of(site, language)
                .GroupBy(t => t.Kind)
                .Select(g => new KindCoverage(g.Key, g.Count(t => t.Translated), g.Count()))
                .ToList())).ToList();

    /// <summary>
    /// A warning per file and language naming the texts of that file the coverage counts as untranslated, at the
    /// first of them: what to translate next, without a line per text.
    /// </summary>
    public static void WarnUntranslated(Site site, DiagnosticBag diagnostics)
    {
        foreach (var language in site.Settings.Languages.Where(l => !l.IsDefault))
            foreach (var file in TranslatableTexts.Of(site, language).Where(t => !t.Translated).GroupBy(t => t.At.File))
            {
                var fields = file.GroupBy(t => t.Missing)
                    .Select(g => (g.Key, (IReadOnlyList<int>)g.Select(t => t.At.Line).Where(l => l > 0).Distinct().Order().ToList()))
                    .ToList();
                diagnostics.Warning(file.MinBy(t => t.At.Line)!.At, TranslationMessages.Untranslated(language, fields));
            }
    }
}

/// <summary>One text that can be translated: where it is, what its translation would be, and whether it exists.</summary>
/// <param name="Missing">What to add to translate it: the field (<c>title_en</c>) or the translation file.</param>
internal sealed record TranslatableText(TextKind Kind, SourceLocation At, Phrase Missing, bool Translated);

/// <summary>Every text the coverage counts, for one language: the same list gives the figures and the warnings.</summary>
internal static class TranslatableTexts
{
    public static IEnumerable<TranslatableText> Of(Site site, Language language)
    {
        TranslatableText Field(TextKind kind, SourceLocation at, string field, LocalizedText text) =>
            new(kind, at, new($"“{field}{language.FieldSuffix}”", $"'{field}{language.FieldSuffix}'"), text.HasTranslation(language.Code));

        foreach (var year in site.Years)
        {
            yield return Field(TextKind.Themes, year.Source, "theme", year.Theme);
            foreach (var slogan in year.Slogans?.Slogans ?? [])
                yield return Field(TextKind.Slogans, slogan.Source, "text", slogan.Text);
        }
        foreach (var city in site.Cities)
            yield return Field(TextKind.Names, city.Source, "name", city.Name);
        foreach (var organiser in site.Organisers)
            yield return Field(TextKind.Names, organiser.Source, "name", organiser.Name);
        foreach (var kind in site.Kinds)
            yield return Field(TextKind.Kinds, kind.Source, "name", kind.Name);
        foreach (var notice in site.Years.SelectMany(y => y.Notices))
        {
            yield return Field(TextKind.NoticeTitles, notice.Source, "title", notice.Title);
            var translation = $"{notice.Slug}.{language.Code.ToLowerInvariant()}.md";
            yield return new(TextKind.NoticeTexts, notice.Source with { Line = 0, Column = 0 },
                new($"通知正文（译文写在同一文件夹的 {translation} 中）", $"the text (its translation goes in {translation} next to it)"),
                notice.Body.HasTranslation(language.Code));
            foreach (var attachment in notice.Attachments)
                yield return Field(TextKind.AttachmentTitles, attachment.Source, "title", attachment.Title);
        }
        foreach (var activity in site.Years.SelectMany(y => y.ActivityGroups).SelectMany(g => g.Activities))
        {
            yield return Field(TextKind.ActivityTitles, activity.Source, "title", activity.Title);
            if (activity.Description is { } description)
                yield return Field(TextKind.ActivityDescriptions, activity.Source, "description", description);
        }
    }
}
