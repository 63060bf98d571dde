using System.Globalization;
using QualityMonth.Diagnostics;
using QualityMonth.Markdown;
using QualityMonth.Model;

namespace QualityMonth.Content;

public static partial class ContentLoader
{
    /// <summary>
    /// The site with some of its year files read again (the preview's incremental reload): a changed notice is
    /// reloaded alone, any other changed file under <c>input/&lt;year&gt;/</c> reloads that year; the cross-file
    /// checks then run on the whole site as <see cref="Load"/> runs them. Only for files that were changed in place:
    /// added or removed files, the registries and the settings need <see cref="Load"/>.
    /// </summary>
    /// <param name="changedFiles">Site-relative paths (<c>input/2024/notices/provincial.md</c>), each in a year folder.</param>
    /// <returns>The new site, or null when any error was reported (all of them are in <paramref name="diagnostics"/>).</returns>
    public static Site? Reload(string siteRoot, Site previous, IReadOnlyCollection<string> changedFiles, DiagnosticBag diagnostics)
    {
        if (!SafeToReload(siteRoot, changedFiles, diagnostics)) return null;
        var loading = new DiagnosticBag();
        var texts = new ContentTexts();
        var site = Patch(siteRoot, previous, changedFiles, loading, texts);
        var placeholders = changedFiles.SelectMany(f => PlaceholderCheck.InFile(siteRoot, Path.Combine(siteRoot, f), texts)).Select(p => p.ToDiagnostic()).ToHashSet();
        foreach (var placeholder in placeholders)
            loading.Add(placeholder);
        var unfilledLines = placeholders.Select(p => (p.File, p.Line)).ToHashSet();
        foreach (var diagnostic in loading.Sorted().Where(d => placeholders.Contains(d) || !unfilledLines.Contains((d.File, d.Line))))
            diagnostics.Add(diagnostic);
        return diagnostics.HasErrors ? null : site;

        // What a full load checks of the whole tree before reading it (SafeToRead), for the saved files alone: the rest is
        // the kept site, checked when it was read, and a file or folder added or removed (a new link too) runs a full load.
        // Walking a 4,000-notice tree on every save took 100-200 ms of the 100 ms a save may take to be served.
        static bool SafeToReload(string siteRoot, IReadOnlyCollection<string> changedFiles, DiagnosticBag diagnostics)
        {
            var ok = true;
            foreach (var file in changedFiles.Select(f => Path.Combine(siteRoot, f)))
                ok &= SiteTree.ReportLinkOnPath(siteRoot, file, diagnostics) && ContentLimits.ReportLargeFile(siteRoot, file, diagnostics);
            return ok;
        }

        static Site? Patch(string siteRoot, Site previous, IReadOnlyCollection<string> changedFiles, DiagnosticBag diagnostics, ContentTexts texts)
        {
            var languages = previous.Settings.Languages;
            var links = previous.Links.ToList();
            var years = previous.Years.ToList();
            var yearLoader = new YearLoader(siteRoot, diagnostics, languages, previous.Kinds, links, texts);
            foreach (var (yearNumber, files) in changedFiles.GroupBy(YearOf).Select(g => (g.Key, g.ToList())))
            {
                var at = years.FindIndex(y => y.Year == yearNumber);
                var yearFolder = $"{InputFolder}/{yearNumber.ToString(CultureInfo.InvariantCulture)}/";
                var noticeSlugs = files.Select(f => NoticeSlugOf(f, yearFolder)).ToList();
                if (noticeSlugs.All(s => s is not null))
                {
                    var notices = years[at].Notices.ToList();
                    foreach (var slug in noticeSlugs.Distinct())
                    {
                        var original = $"{yearFolder}notices/{slug}.md";
                        links.RemoveAll(l => l.Source.File == original || IsTranslationOf(l.Source.File, original, languages));
                        var notice = NoticeLoader.Load(yearNumber, ContentFile.For(siteRoot, Path.Combine(siteRoot, original), diagnostics, texts), languages, links);
                        if (notice is null) return null;
                        notices[notices.FindIndex(n => n.Slug == slug)] = notice;
                    }
                    years[at] = years[at] with { Notices = notices };
                }
                else
                {
                    links.RemoveAll(l => l.Source.File.StartsWith(yearFolder, StringComparison.Ordinal));
                    if (yearLoader.Load(Path.Combine(siteRoot, yearFolder.TrimEnd('/'))) is not { } year) return null;
                    years[at] = year;
                }
            }
            var pressContacts = PressLoader.Load(ContentFile.For(siteRoot, Path.Combine(siteRoot, InputFolder, "site", "press.yml"), diagnostics, texts), languages, years);
            // A new Site, not 'previous with { … }': a copy would keep the previous site's cached activity list.
            var site = new Site(previous.Settings, previous.Cities, previous.Organisers, previous.Kinds, years, links, pressContacts, previous.Glossary);
            if (diagnostics.HasErrors) return null;
            SiteValidator.Validate(site, diagnostics);
            return diagnostics.HasErrors ? null : site;
        }
    }

    /// <summary>The campaign year a file under <c>input/&lt;year&gt;/</c> belongs to.</summary>
    public static int YearOf(string siteRelativePath) =>
        int.Parse(siteRelativePath.Split('/')[1], CultureInfo.InvariantCulture);

    /// <summary>Whether a site-relative path is a file of a year folder (<c>input/2024/…</c>).</summary>
    public static bool IsYearFile(string siteRelativePath) =>
        siteRelativePath.Split('/') is [InputFolder, var year, _, ..] && YearFolder().IsMatch(year);

    /// <summary>The notice a file of a year folder holds (<c>notices/provincial.md</c> or its translation <c>provincial.en.md</c>).</summary>
    private static string? NoticeSlugOf(string path, string yearFolder)
    {
        if (!path.StartsWith(yearFolder + "notices/", StringComparison.Ordinal) || !path.EndsWith(".md", StringComparison.Ordinal)) return null;
        var name = path[(yearFolder.Length + "notices/".Length)..^".md".Length];
        return name.Contains('/') ? null : name.Split('.')[0];
    }

    private static bool IsTranslationOf(string file, string original, IReadOnlyList<Language> languages) =>
        languages.Any(l => !l.IsDefault && file == $"{original[..^".md".Length]}.{l.Code.ToLowerInvariant()}.md");
}
