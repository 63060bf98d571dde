namespace QualityMonth.Model;

/// <summary>
/// A text in the default language (Chinese) with optional translations keyed by language code.
/// </summary>
public sealed class LocalizedText
{
    private readonly IReadOnlyDictionary<string, string> _translations;
    private readonly IReadOnlyDictionary<string, SourceLocation> _translationSources;

    /// <param name="translationSources">Where each translation is written (the <c>title_en</c> line), for messages about it.</param>
    public LocalizedText(string original, IReadOnlyDictionary<string, string>? translations = null,
        IReadOnlyDictionary<string, SourceLocation>? translationSources = null)
    {
        Original = original;
        _translations = translations ?? new Dictionary<string, string>();
        _translationSources = translationSources ?? new Dictionary<string, SourceLocation>();
    }

    /// <summary>The translation into a language with where it is written; null when there is none.</summary>
    public (string Text, SourceLocation? At)? Translation(string languageCode) =>
        _translations.TryGetValue(languageCode, out var text) ? (text, _translationSources.GetValueOrDefault(languageCode)) : null;

    /// <summary>The text as the source document gives it.</summary>
    public string Original { get; }

    public bool HasTranslation(string languageCode) => _translations.ContainsKey(languageCode);

    /// <summary>The text for a language, falling back to the original; says which language it is in.</summary>
    public LocalizedValue In(Language language) =>
        language.IsDefault || !_translations.TryGetValue(language.Code, out var text)
            ? new LocalizedValue(Original, Language.DefaultCode, !language.IsDefault)
            : new LocalizedValue(text, language.Code, false);

    public override string ToString() => Original;
}

/// <summary>A text ready to print: its language, and whether it stands in for a missing translation.</summary>
public readonly record struct LocalizedValue(string Text, string LanguageCode, bool IsFallback)
{
    public override string ToString() => Text;
}
