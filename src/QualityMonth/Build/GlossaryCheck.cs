using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Markdown;
using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>
/// The glossary's rule (<c>input/site/glossary.yml</c>): an English text whose Chinese original contains a term
/// (exactly as written, and not only inside a longer term) must contain the term's English rendering (ignoring case).
/// A warning per text and term,
/// at the English field's line; for a notice's text, at the first line of its translation file.
/// </summary>
public static class GlossaryCheck
{
    /// <summary>The one language the glossary's <c>en</c> renderings are in.</summary>
    private const string English = "en";

    private static readonly string GlossaryPath = $"{ContentLoader.InputFolder}/{RegistryLoader.GlossaryFile}";

    public static void Warn(Site site, DiagnosticBag diagnostics)
    {
        if (site.Glossary.Count == 0 || site.Settings.Languages.FirstOrDefault(l => l.Code == English) is not { } english) return;
        var longer = site.Glossary.DistinctBy(t => t.Chinese).ToDictionary(t => t.Chinese, t => site.Glossary
            .Where(l => l.Chinese.Length > t.Chinese.Length && l.Chinese.Contains(t.Chinese, StringComparison.Ordinal))
            .Select(l => l.Chinese).ToList());
        // Ignoring case as OrdinalIgnoreCase does (upper-cased, char by char), on upper-cased copies: the ordinal search is
        // vectorised, the ignore-case one is not where globalization is invariant (about half a second on 4,000 notices).
        var renderings = site.Glossary.Select(t => t.English).Distinct().ToDictionary(e => e, e => e.ToUpperInvariant());
        List<GlossaryTerm> Missed(string original, string translation)
        {
            var found = site.Glossary.Where(t => Has(original, t.Chinese, longer[t.Chinese])).ToList();
            if (found.Count == 0) return found;
            var upper = translation.ToUpperInvariant();
            return found.Where(t => !upper.Contains(renderings[t.English], StringComparison.Ordinal)).ToList();
        }

        foreach (var field in TranslatableFields.Of(site))
        {
            if (field.Text.Translation(English) is not var (translation, translationAt)) continue;
            foreach (var term in Missed(field.Text.Original, translation))
                diagnostics.Warning(translationAt ?? field.At, TranslationMessages.GlossaryTermRendered(term.Chinese, term.English, GlossaryPath));
        }
        // The notices' texts on every core, reported in site order.
        var missedInTexts = site.Years.SelectMany(y => y.Notices).SelectMany(Bodies).Where(b => b.Body.HasTranslation(English))
            .AsParallel().AsOrdered()
            .Select(b => (b.File, Terms: Missed(HtmlText.Plain(b.Body.OriginalHtml), HtmlText.Plain(b.Body.In(english).Text))))
            .ToList();
        foreach (var (file, terms) in missedInTexts)
            foreach (var term in terms)
                diagnostics.Warning(new SourceLocation(file, 1), TranslationMessages.GlossaryTermRendered(term.Chinese, term.English, GlossaryPath));
    }

    /// <summary>
    /// Whether a text has a term outside the longer terms that contain it: 教育部门 (education authorities) is a term
    /// of its own, not 教育部 (the Ministry of Education).
    /// </summary>
    private static bool Has(string text, string term, IReadOnlyList<string> longerTerms)
    {
        if (!text.Contains(term, StringComparison.Ordinal)) return false;
        foreach (var longerTerm in longerTerms) text = text.Replace(longerTerm, "\n", StringComparison.Ordinal);
        return text.Contains(term, StringComparison.Ordinal);
    }

    /// <summary>A notice's text and each text attachment, with the translation file they are in.</summary>
    private static IEnumerable<(MarkdownBody Body, string File)> Bodies(Notice notice)
    {
        var file = notice.Source.File[..^".md".Length] + $".{English}.md";
        yield return (notice.Body, file);
        foreach (var attachment in notice.Attachments.Where(a => a.Text is not null))
            yield return (attachment.Text!, file);
    }
}
