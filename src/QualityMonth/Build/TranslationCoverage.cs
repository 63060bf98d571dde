using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>How much of the content has a translation, per language and kind of text.</summary>
public sealed record TranslationCoverage(Language Language, IReadOnlyList<(string Kind, int Translated, int Total)> Kinds)
{
    public int Translated => Kinds.Sum(k => k.Translated);

    public int Total => Kinds.Sum(k => k.Total);

    public static IReadOnlyList<TranslationCoverage> Measure(Site site) =>
        site.Settings.Languages.Where(l => !l.IsDefault).Select(language =>
        {
            (string, int, int) Count(string kind, IEnumerable<bool> items)
            {
                var list = items.ToList();
                return (kind, list.Count(x => x), list.Count);
            }
            bool Has(LocalizedText text) => text.HasTranslation(language.Code);
            var notices = site.Years.SelectMany(y => y.Notices).ToList();
            var activities = site.Years.SelectMany(y => y.ActivityGroups).SelectMany(g => g.Activities).ToList();
            return new TranslationCoverage(language,
            [
                Count("themes", site.Years.Select(y => Has(y.Theme))),
                Count("slogans", site.Years.SelectMany(y => y.Slogans?.Slogans ?? []).Select(s => Has(s.Text))),
                Count("city and organiser names", site.Cities.Select(c => Has(c.Name)).Concat(site.Organisers.Select(o => Has(o.Name)))),
                Count("kinds of activity", site.Kinds.Select(k => Has(k.Name))),
                Count("notice titles", notices.Select(n => Has(n.Title))),
                Count("notice texts", notices.Select(n => n.Body.HasTranslation(language.Code))),
                Count("attachment titles", notices.SelectMany(n => n.Attachments).Select(a => Has(a.Title))),
                Count("activity titles", activities.Select(a => Has(a.Title))),
                Count("activity descriptions", activities.Where(a => a.Description is not null).Select(a => Has(a.Description!))),
            ]);
        }).ToList();
}
