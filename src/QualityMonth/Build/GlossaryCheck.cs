using System.Net;
using System.Text.RegularExpressions;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>
/// The glossary's rule (<c>input/site/glossary.yml</c>): an English text whose Chinese original contains a term
/// (exactly as written) must contain the term's English rendering (ignoring case). A warning per text and term,
/// at the English field's line; for a notice's text, at the first line of its translation file.
/// </summary>
public static partial class GlossaryCheck
{
    /// <summary>The one language the glossary's <c>en</c> renderings are in.</summary>
    private const string English = "en";

    private static readonly string GlossaryPath = $"{ContentLoader.InputFolder}/{RegistryLoader.GlossaryFile}";

    public static void Warn(Site site, DiagnosticBag diagnostics)
    {
        if (site.Glossary.Count == 0 || site.Settings.Languages.FirstOrDefault(l => l.Code == English) is not { } english) return;
        foreach (var (text, at) in Texts(site))
        {
            if (text.Translation(English) is not var (translation, translationAt)) continue;
            foreach (var term in Missed(site.Glossary, text.Original, translation))
                diagnostics.Warning(translationAt ?? at, TranslationMessages.GlossaryTermRendered(term.Chinese, term.English, GlossaryPath));
        }
        foreach (var notice in site.Years.SelectMany(y => y.Notices))
            foreach (var (body, file) in Bodies(notice))
            {
                if (!body.HasTranslation(English)) continue;
                var translation = Plain(body.In(english).Text);
                foreach (var term in Missed(site.Glossary, Plain(body.OriginalHtml), translation))
                    diagnostics.Warning(new SourceLocation(file, 1), TranslationMessages.GlossaryTermRendered(term.Chinese, term.English, GlossaryPath));
            }
    }

    private static IEnumerable<GlossaryTerm> Missed(IReadOnlyList<GlossaryTerm> glossary, string original, string translation) =>
        glossary.Where(t => original.Contains(t.Chinese, StringComparison.Ordinal) && !translation.Contains(t.English, StringComparison.OrdinalIgnoreCase));

    /// <summary>A notice's text and each text attachment, with the translation file they are in.</summary>
    private static IEnumerable<(MarkdownBody Body, string File)> Bodies(Notice notice)
    {
        var file = notice.Source.File[..^".md".Length] + $".{English}.md";
        yield return (notice.Body, file);
        foreach (var attachment in notice.Attachments.Where(a => a.Text is not null))
            yield return (attachment.Text!, file);
    }

    /// <summary>Every translatable field of the content with the place of its record, for a translation without a line of its own.</summary>
    private static IEnumerable<(LocalizedText Text, SourceLocation At)> Texts(Site site)
    {
        IEnumerable<(LocalizedText, SourceLocation)> At(SourceLocation at, params LocalizedText?[] texts) =>
            texts.OfType<LocalizedText>().Select(t => (t, at));

        foreach (var city in site.Cities) foreach (var t in At(city.Source, city.Name)) yield return t;
        foreach (var organiser in site.Organisers) foreach (var t in At(organiser.Source, organiser.Name)) yield return t;
        foreach (var kind in site.Kinds) foreach (var t in At(kind.Source, kind.Name, kind.Description)) yield return t;
        foreach (var contact in site.PressContacts)
            foreach (var t in At(contact.Source, contact.Unit, contact.Person, contact.About, contact.Address)) yield return t;
        foreach (var year in site.Years)
        {
            foreach (var t in At(year.Source, year.Theme, year.NationalTheme, year.SlogansUnavailable)) yield return t;
            if (year.Slogans is { } list)
            {
                foreach (var t in At(list.Source, list.Theme)) yield return t;
                foreach (var slogan in list.Slogans) foreach (var t in At(slogan.Source, slogan.Text)) yield return t;
            }
            foreach (var notice in year.Notices)
            {
                foreach (var t in At(notice.Source, notice.Title, notice.Issuer, notice.SealNote, notice.Subject)) yield return t;
                foreach (var attachment in notice.Attachments) foreach (var t in At(attachment.Source, attachment.Title)) yield return t;
            }
            foreach (var activity in year.ActivityGroups.SelectMany(g => g.Activities))
            {
                foreach (var t in At(activity.Source, [activity.Title, activity.Description, activity.Time, activity.Lead, activity.Note, .. activity.Partners]))
                    yield return t;
                foreach (var photo in activity.Photos) foreach (var t in At(photo.Source, photo.Caption, photo.Credit)) yield return t;
            }
        }
    }

    private static string Plain(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
