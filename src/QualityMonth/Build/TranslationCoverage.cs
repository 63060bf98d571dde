using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>A kind of text the coverage counts: a stable id for tools and its name in both languages.</summary>
public sealed record TextKind(string Id, Phrase Name)
{
    public static readonly TextKind Themes = new("themes", new("主题", "themes"));
    public static readonly TextKind Slogans = new("slogans", new("口号", "slogans"));
    public static readonly TextKind Names = new("names", new("城市和单位名称", "names of cities and bodies"));
    public static readonly TextKind Kinds = new("kinds", new("活动类型", "kinds of activity"));
    public static readonly TextKind NoticeTitles = new("notice-titles", new("通知标题", "notice titles"));
    public static readonly TextKind NoticeTexts = new("notice-texts", new("通知正文", "notice texts"));
    public static readonly TextKind NoticeDetails = new("notice-details", new("通知的其他信息", "other notice details"));
    public static readonly TextKind AttachmentTitles = new("attachment-titles", new("附件标题", "attachment titles"));
    public static readonly TextKind ActivityTitles = new("activity-titles", new("活动名称", "activity titles"));
    public static readonly TextKind ActivityDescriptions = new("activity-descriptions", new("活动介绍", "activity descriptions"));
    public static readonly TextKind ActivityDetails = new("activity-details", new("活动时间、牵头和协办单位、备注", "activity timings, lead units, co-organisers and remarks"));
    public static readonly TextKind PhotoTexts = new("photo-texts", new("照片说明和来源", "photo captions and credits"));
    public static readonly TextKind PressContacts = new("press-contacts", new("新闻联系方式", "press contacts"));

    /// <summary>The kinds in the order the summary lists them.</summary>
    public static readonly TextKind[] InOrder =
    [
        Themes, Slogans, Names, Kinds, NoticeTitles, NoticeTexts, NoticeDetails, AttachmentTitles,
        ActivityTitles, ActivityDescriptions, ActivityDetails, PhotoTexts, PressContacts,
    ];
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
                .OrderBy(g => Array.IndexOf(TextKind.InOrder, g.Key))
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
        foreach (var field in TranslatableFields.Of(site))
            yield return new(field.Kind, field.At, new($"“{field.Key}{language.FieldSuffix}”", $"'{field.Key}{language.FieldSuffix}'"),
                field.Text.HasTranslation(language.Code));
        foreach (var notice in site.Years.SelectMany(y => y.Notices))
        {
            var translation = $"{notice.Slug}.{language.Code.ToLowerInvariant()}.md";
            yield return new(TextKind.NoticeTexts, notice.Source with { Line = 0, Column = 0 },
                new($"通知正文（译文写在同一文件夹的 {translation} 中）", $"the text (its translation goes in {translation} next to it)"),
                notice.Body.HasTranslation(language.Code));
        }
    }
}

/// <summary>A translatable field of the content: its kind, its key (<c>title</c>, translated in <c>title_en</c>), its text and its record.</summary>
internal sealed record TranslatableField(TextKind Kind, string Key, LocalizedText Text, SourceLocation At);

/// <summary>
/// Every field of the content that has a translation beside it (<c>X</c> / <c>X_en</c>): what the coverage counts and
/// the glossary checks. A new translatable field is added here, or it is neither counted nor checked.
/// </summary>
internal static class TranslatableFields
{
    public static IReadOnlyList<TranslatableField> Of(Site site)
    {
        var fields = new List<TranslatableField>();
        void Add(TextKind kind, SourceLocation at, params (string Key, LocalizedText? Text)[] texts) =>
            fields.AddRange(texts.Where(t => t.Text is not null).Select(t => new TranslatableField(kind, t.Key, t.Text!, at)));
        void AddList(TextKind kind, SourceLocation at, string key, IEnumerable<LocalizedText> texts) =>
            fields.AddRange(texts.Select(t => new TranslatableField(kind, key, t, at)));

        foreach (var city in site.Cities) Add(TextKind.Names, city.Source, ("name", city.Name));
        foreach (var organiser in site.Organisers) Add(TextKind.Names, organiser.Source, ("name", organiser.Name));
        foreach (var kind in site.Kinds) Add(TextKind.Kinds, kind.Source, ("name", kind.Name), ("description", kind.Description));
        foreach (var contact in site.PressContacts)
            Add(TextKind.PressContacts, contact.Source, ("unit", contact.Unit), ("person", contact.Person), ("about", contact.About), ("address", contact.Address));
        foreach (var year in site.Years)
        {
            Add(TextKind.Themes, year.Source, ("theme", year.Theme), ("national_theme", year.NationalTheme));
            Add(TextKind.NoticeDetails, year.Source, ("slogans_unavailable", year.SlogansUnavailable));
            if (year.Slogans is { } list)
            {
                Add(TextKind.Themes, list.Source, ("theme", list.Theme));
                foreach (var slogan in list.Slogans) Add(TextKind.Slogans, slogan.Source, ("text", slogan.Text));
            }
            foreach (var notice in year.Notices)
            {
                Add(TextKind.NoticeTitles, notice.Source, ("title", notice.Title));
                Add(TextKind.Names, notice.Source, ("issuer", notice.Issuer));
                AddList(TextKind.Names, notice.Source, "signatories", notice.Signatories);
                Add(TextKind.NoticeDetails, notice.Source, ("seal_note", notice.SealNote), ("subject", notice.Subject));
                foreach (var attachment in notice.Attachments) Add(TextKind.AttachmentTitles, attachment.Source, ("title", attachment.Title));
            }
            foreach (var activity in year.ActivityGroups.SelectMany(g => g.Activities))
            {
                Add(TextKind.ActivityTitles, activity.Source, ("title", activity.Title));
                Add(TextKind.ActivityDescriptions, activity.Source, ("description", activity.Description));
                Add(TextKind.ActivityDetails, activity.Source, ("time", activity.Time), ("lead", activity.Lead), ("note", activity.Note));
                AddList(TextKind.ActivityDetails, activity.Source, "partners", activity.Partners);
                foreach (var photo in activity.Photos) Add(TextKind.PhotoTexts, photo.Source, ("caption", photo.Caption), ("credit", photo.Credit));
            }
        }
        return fields;
    }
}
