namespace QualityMonth.Model;

/// <summary>Rendered HTML of a Markdown text, per language; the default language is always present.</summary>
public sealed class MarkdownBody(string originalHtml, IReadOnlyDictionary<string, string> translations)
{
    public string OriginalHtml { get; } = originalHtml;

    public bool HasTranslation(string languageCode) => translations.ContainsKey(languageCode);

    public LocalizedValue In(Language language) =>
        language.IsDefault || !translations.TryGetValue(language.Code, out var html)
            ? new LocalizedValue(OriginalHtml, Language.DefaultCode, !language.IsDefault)
            : new LocalizedValue(html, language.Code, false);
}
