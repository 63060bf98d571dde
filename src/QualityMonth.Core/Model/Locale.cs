namespace QualityMonth.Model;

/// <summary>
/// A language the site's own words are written in: the theme's interface strings, the words of the feeds and data files,
/// the command line's reports and the problems it reports. Every language statiq.json lists is one of these
/// (<see cref="Language.Locale"/>; the settings refuse any other, naming it).
/// </summary>
public enum Locale { English, Chinese }

/// <summary>
/// The one localisation mechanism: every catalogue of the site's own words (the theme's <c>…Strings</c>, the command line's
/// report strings, each message and phrase) picks its value for a locale with <see cref="Pick{T}"/>, which takes one value
/// per locale, so a catalogue without a locale's value does not compile.
/// </summary>
public static class Locales
{
    public static IReadOnlyList<Locale> All { get; } = Enum.GetValues<Locale>();

    /// <summary>The locale's BCP 47 code, as statiq.json's languages and <c>lang</c> attributes write it.</summary>
    public static string Code(this Locale locale) => locale.Pick(Language.DefaultCode, "en");

    /// <summary>The value of one catalogue entry in a locale. A new locale is a new parameter here, which every catalogue
    /// must then give.</summary>
    public static T Pick<T>(this Locale locale, T chinese, T english) => locale switch
    {
        Locale.Chinese => chinese,
        Locale.English => english,
        _ => throw new ArgumentOutOfRangeException(nameof(locale), locale, null),
    };

    /// <summary>The locale of a language code (<c>zh-Hans</c>, <c>en</c>), or null when the site's words have none.</summary>
    public static Locale? Find(string code) => All.Where(l => l.Code() == code).Select(l => (Locale?)l).FirstOrDefault();

    /// <summary>The locale of a language code the settings accepted.</summary>
    public static Locale Of(string code) =>
        Find(code) ?? throw new ArgumentException($"the language '{code}' has no locale: the settings accept only {string.Join(", ", All.Select(Code))}", nameof(code));
}
