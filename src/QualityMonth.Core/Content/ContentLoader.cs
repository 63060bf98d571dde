using System.Text.RegularExpressions;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Markdown;
using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>Loads a site folder (statiq.json and input/) into a validated <see cref="Site"/>.</summary>
public static partial class ContentLoader
{
    public const string InputFolder = "input";

    /// <summary>The site, or null when any error was reported (all of them are in <paramref name="diagnostics"/>).</summary>
    /// <param name="overrides">Settings given on the command line in place of statiq.json's.</param>
    public static Site? Load(string siteRoot, DiagnosticBag diagnostics, SettingsOverrides? overrides = null)
    {
        if (!SafeToRead(siteRoot, diagnostics)) return null;
        var loading = new DiagnosticBag();
        MisnamedFiles.Report(siteRoot, loading);
        var texts = new ContentTexts();
        var site = LoadContent(siteRoot, loading, overrides, texts);
        // Unfilled placeholders, found in the texts the loaders read, are one error each. A line holding one gets no
        // other message: 'date: 【待填写】' is unfilled, and saying it is also not a date would only add noise.
        var placeholders = PlaceholderCheck.InFolder(siteRoot, Path.Combine(siteRoot, InputFolder), texts).Select(p => p.ToDiagnostic()).ToHashSet();
        foreach (var placeholder in placeholders)
            loading.Add(placeholder);
        var unfilledLines = placeholders.Select(p => (p.File, p.Line)).ToHashSet();
        foreach (var diagnostic in loading.Sorted().Where(d => placeholders.Contains(d) || !unfilledLines.Contains((d.File, d.Line))))
            diagnostics.Add(diagnostic);
        return diagnostics.HasErrors ? null : site;
    }

    private static Site? LoadContent(string siteRoot, DiagnosticBag diagnostics, SettingsOverrides? overrides, ContentTexts texts)
    {
        var settings = SettingsLoader.Load(siteRoot, diagnostics, overrides);
        // With broken settings the content is still read, in every language the theme supports, so that a
        // translation field (title_en) is not also reported as an unknown field in every file.
        var languages = settings?.Languages ??
        [
            new Language(Language.DefaultCode, "", "中文"),
            .. SettingsLoader.SupportedLanguages.Where(code => code != Language.DefaultCode).Select(code => new Language(code, code, code)),
        ];
        var input = Path.Combine(siteRoot, InputFolder);
        if (!Directory.Exists(input))
        {
            diagnostics.Error(InputFolder, 0, SiteMessages.NoContentFolder());
            return null;
        }

        ContentFile File(string relative) => ContentFile.For(siteRoot, Path.Combine(input, relative), diagnostics, texts);
        var cities = RegistryLoader.LoadCities(File("site/cities.yml"), languages);
        var organisers = RegistryLoader.LoadOrganisers(File("site/organisers.yml"), languages);
        var kinds = RegistryLoader.LoadKinds(File("site/kinds.yml"), languages);
        var glossary = RegistryLoader.LoadGlossary(File(RegistryLoader.GlossaryFile));

        var links = new List<ContentLink>();
        var yearLoader = new YearLoader(siteRoot, diagnostics, languages, kinds, links, texts);
        var years = new List<CampaignYear>();
        foreach (var folder in Directory.GetDirectories(input, "*", SiteTree.WithoutLinks).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == "site") continue;
            if (!YearFolder().IsMatch(name))
            {
                diagnostics.Error($"{InputFolder}/{name}", 0, SiteMessages.UnknownFolder());
                continue;
            }
            if (yearLoader.Load(folder) is { } year) years.Add(year);
        }
        years.Sort((a, b) => b.Year.CompareTo(a.Year));
        var pressContacts = PressLoader.Load(File("site/press.yml"), languages, years);

        if (settings is null) return null;
        if (!Directory.Exists(Path.Combine(input, settings.CurrentYear.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            diagnostics.Error(SettingsLoader.FileName, 0, SiteMessages.NoCurrentYearFolder(settings.CurrentYear));
        // Cross-file checks run on whatever loaded, so one build reports every problem at once.
        var site = new Site(settings, cities, organisers, kinds, years, links, pressContacts, glossary);
        SiteValidator.Validate(site, diagnostics);
        return diagnostics.HasErrors ? null : site;
    }

    /// <summary>
    /// Whether the content may be read at all: nothing is read through a link (one could lead out of the site, or round
    /// a loop) and no file is so large that reading it would take minutes. Reported before any file is opened.
    /// </summary>
    private static bool SafeToRead(string siteRoot, DiagnosticBag diagnostics) =>
        SiteTree.ReportLinks(siteRoot, diagnostics) && ContentLimits.ReportLargeFiles(siteRoot, diagnostics);

    [GeneratedRegex("^(19|20)\\d\\d$")]
    private static partial Regex YearFolder();
}
