using System.Reflection;
using QualityMonth.Cli;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Check;

/// <summary>
/// One localisation mechanism: every catalogue of the site's own words (a type with a static <c>For(Locale)</c>: the theme's
/// <c>…Strings</c>, the command line's <see cref="ReportStrings"/>) has its strings in every language statiq.json lists, and
/// every catalogue, message and phrase gives one value per locale, so a new locale does not compile until each has it.
/// </summary>
public class LocaleTests
{
    private static readonly Assembly[] Assemblies = [typeof(Locale).Assembly, typeof(ReportStrings).Assembly, typeof(UiStrings).Assembly];

    private static List<MethodInfo> Catalogues =>
        [.. Assemblies.SelectMany(a => a.GetExportedTypes())
            .Select(t => t.GetMethod("For", BindingFlags.Public | BindingFlags.Static, [typeof(Locale)]))
            .OfType<MethodInfo>().Where(m => m.ReturnType == m.DeclaringType)];

    [Fact]
    public void Every_catalogue_has_every_string_in_every_language_the_settings_list()
    {
        var languages = SettingsLoader.Load(Repo.Root, new DiagnosticBag())!.Languages;
        Assert.Contains(typeof(UiStrings), Catalogues.Select(c => c.ReturnType));
        Assert.Contains(typeof(ReportStrings), Catalogues.Select(c => c.ReturnType));
        foreach (var catalogue in Catalogues)
        {
            var entries = languages.Select(language => (language, Strings: catalogue.Invoke(null, [language.Locale]))).ToList();
            foreach (var (language, strings) in entries)
            {
                var missing = catalogue.ReturnType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetValue(strings) is null).Select(p => p.Name).ToList();
                Assert.True(missing.Count == 0, $"{catalogue.ReturnType.Name} has no {language.Code} text for {string.Join(", ", missing)}");
            }
            Assert.True(entries.Select(e => e.Strings).Distinct().Count() == languages.Count,
                $"{catalogue.ReturnType.Name} gives two languages the same strings");
        }
    }

    [Fact]
    public void Catalogues_messages_and_phrases_take_one_value_per_locale()
    {
        IEnumerable<string> Names(IEnumerable<ParameterInfo> parameters) => parameters.Select(p => p.Name!.ToLowerInvariant()).Order();
        var locales = Locales.All.Select(l => l.ToString().ToLowerInvariant()).Order().ToList();
        Assert.Equal(locales, Names(typeof(Locales).GetMethod(nameof(Locales.Pick))!.GetParameters().Skip(1)));
        Assert.Equal(locales, Names(typeof(Message).GetConstructors().Single().GetParameters().Where(p => p.Name != "code")));
        Assert.Equal(locales, Names(typeof(Phrase).GetConstructors().Single().GetParameters()));
    }

    [Fact]
    public void Each_locale_is_named_by_the_code_statiq_json_and_lang_attributes_use()
    {
        Assert.Equal(["en", "zh-Hans"], Locales.All.Select(l => l.Code()).Order(StringComparer.Ordinal));
        Assert.All(Locales.All, locale => Assert.Equal(locale, Locales.Of(locale.Code())));
        Assert.Null(Locales.Find("fr"));
    }
}
