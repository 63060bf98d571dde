namespace QualityMonth.Model;

/// <summary>A language the site is published in. The default one lives at the site root.</summary>
/// <param name="Code">BCP 47 code used in <c>lang</c> attributes, e.g. zh-Hans, en.</param>
/// <param name="Prefix">URL segment for the language, empty for the default language.</param>
/// <param name="Name">The language's name in itself, shown in the language switcher.</param>
public sealed record Language(string Code, string Prefix, string Name)
{
    public const string DefaultCode = "zh-Hans";

    public bool IsDefault => Prefix.Length == 0;

    /// <summary>The locale the site's own words (the theme's, the feeds') are shown in on this language's pages.</summary>
    public Locale Locale => Locales.Of(Code);

    /// <summary>The suffix content files use for this language's fields: <c>title_en</c>.</summary>
    public string FieldSuffix => "_" + Code.ToLowerInvariant();
}
