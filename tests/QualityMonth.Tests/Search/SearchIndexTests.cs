using System.Text.RegularExpressions;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Search;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Search;

/// <summary>
/// The build's search index, read back from the files Pagefind wrote: one index per language, covering
/// exactly the content pages (notices, slogans, years, cities, organisers), with Chinese split into words.
/// </summary>
public class SearchIndexTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    internal static readonly Site Content = ContentLoader.Load(Repo.Root, new DiagnosticBag())
        ?? throw new InvalidOperationException("the real content does not load");

    /// <summary>Site paths of the pages the search covers, from the content.</summary>
    internal static IReadOnlyList<string> IndexedPaths { get; } =
    [
        .. Content.Years.Select(y => Routes.Year(y.Year)),
        .. Content.Years.Where(y => y.Slogans is not null).Select(y => Routes.Slogans(y.Year)),
        .. Content.Years.SelectMany(y => y.Notices).Select(Routes.Notice),
        .. Content.Cities.Select(c => Routes.City(c.Slug)),
        .. Content.Organisers.Select(o => Routes.Organiser(o.Slug)),
        .. Content.Activities.Select(Routes.Activity),
    ];

    /// <summary>Text of the page chrome that must not be searchable: skip link, back-to-top link, English reference note.</summary>
    private static readonly string[] Chrome = ["跳到正文", "返回顶部", "Skip to content", "Back to top", "for reference only"];

    private PagefindBundle Bundle => new(site.Output);

    [Fact]
    public void Each_language_has_its_own_index_of_exactly_the_content_pages()
    {
        var languages = Bundle.Languages;
        Assert.Equal(["en", "zh-hans"], languages.Keys.Order(StringComparer.Ordinal));
        foreach (var language in Content.Settings.Languages)
        {
            var key = language.Code.ToLowerInvariant();
            var expected = IndexedPaths.Select(path => SiteUrls.Localize(path, language)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, Bundle.Fragments(key).Select(f => f.Url).Order(StringComparer.Ordinal));
            Assert.Equal(expected.Count, languages[key].GetProperty("page_count").GetInt32());
        }
    }

    [Fact]
    public void The_bundle_the_build_makes_language_by_language_is_the_one_a_single_Pagefind_run_makes()
    {
        // The build runs one Pagefind per language, one after the other, and joins their bundles: one run over the same pages
        // must make the very same files.
        var pages = Directory.CreateTempSubdirectory("qm-pages-");
        var single = Path.Combine(Path.GetTempPath(), "qm-bundle-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            foreach (var page in Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(pages.FullName, Path.GetRelativePath(site.Output, page));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(page, copy);
            }
            var binary = PagefindBinary.Find(Repo.Root) ?? throw new InvalidOperationException("Pagefind is not installed: run npm ci");
            var run = ExternalTool.Run(binary, "--site", pages.FullName, "--output-path", single, "--quiet");
            Assert.True(run.ExitCode == 0, run.All);

            var built = BundleFiles(Bundle.Folder);
            var expected = BundleFiles(single);
            Assert.Equal(expected.Keys, built.Keys);
            foreach (var (path, bytes) in expected)
                Assert.True(bytes.AsSpan().SequenceEqual(built[path]), $"pagefind/{path} differs from a single run's");
        }
        finally
        {
            pages.Delete(recursive: true);
            if (Directory.Exists(single)) Directory.Delete(single, recursive: true);
        }

        static SortedDictionary<string, byte[]> BundleFiles(string folder) =>
            new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
    }

    [Fact]
    public void The_files_each_index_needs_are_in_the_output()
    {
        Assert.True(File.Exists(Path.Combine(Bundle.Folder, "pagefind.js")));
        Assert.True(File.Exists(Path.Combine(Bundle.Folder, "pagefind-worker.js")));
        foreach (var (language, entry) in Bundle.Languages)
        {
            Assert.True(File.Exists(Path.Combine(Bundle.Folder, $"pagefind.{entry.GetProperty("hash").GetString()}.pf_meta")), $"{language}: no .pf_meta");
            var wasm = entry.GetProperty("wasm").GetString() ?? "unknown";
            Assert.True(File.Exists(Path.Combine(Bundle.Folder, $"wasm.{wasm}.pagefind")), $"{language}: no wasm.{wasm}.pagefind");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(Bundle.Folder, "index"), $"{language}_*.pf_index"));
        }
    }

    [Theory]
    [InlineData("/search/")]
    [InlineData("/en/search/")]
    public void The_search_page_script_loads_the_bundle_from_the_output(string path)
    {
        var script = site.Page(path).QuerySelector("script[type=module][src]")?.GetAttribute("src");
        Assert.NotNull(script);
        var scriptFile = Path.Combine(site.Output, script.TrimStart('/'));
        Assert.True(File.Exists(scriptFile), $"{path} loads {script}, which is not in the output");
        var import = Regex.Match(File.ReadAllText(scriptFile), @"new URL\('([^']+)', import\.meta\.url\)");
        Assert.True(import.Success, "the search script does not locate Pagefind's bundle relative to itself");
        var bundle = new Uri(new Uri("http://site.test" + script), import.Groups[1].Value).AbsolutePath;
        Assert.True(File.Exists(Path.Combine(site.Output, bundle.TrimStart('/'))), $"the search script imports {bundle}, which is not in the output");
    }

    [Fact]
    public void Chinese_text_is_split_into_words_when_indexed()
    {
        // Pagefind's extended build separates the words it found with zero-width spaces; the plain build leaves Chinese as one run.
        var notice = Bundle.Fragments("zh-hans").Single(f => f.Url == Routes.Notice(Content.Years.Single(y => y.Year == 2025).MainNotice));
        var words = notice.Content.Split(['\u200b', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        Assert.Contains("电梯", words);
        Assert.Contains("质量", words);
        Assert.Contains("福建省", words);
    }

    [Fact]
    public void Only_the_main_content_is_indexed_with_its_kind_years_and_title()
    {
        foreach (var language in Content.Settings.Languages)
        {
            var fragments = Bundle.Fragments(language.Code.ToLowerInvariant()).ToDictionary(f => f.Url);
            PagefindBundle.Fragment Page(string sitePath) => fragments[SiteUrls.Localize(sitePath, language)];
            foreach (var fragment in fragments.Values)
            {
                var text = fragment.Content.Replace("\u200b", "", StringComparison.Ordinal);
                Assert.DoesNotContain(Chrome, chrome => text.Contains(chrome, StringComparison.Ordinal));
                Assert.False(string.IsNullOrWhiteSpace(fragment.Meta.GetValueOrDefault("title")), $"{fragment.Url} has no title");
            }

            foreach (var year in Content.Years)
            {
                Assert.Equal(Facts("year", year.Year), Filters(Page(Routes.Year(year.Year))));
                foreach (var notice in year.Notices)
                {
                    Assert.Equal(Facts("notice", year.Year), Filters(Page(Routes.Notice(notice))));
                    Assert.Equal(notice.Title.In(language).Text, Page(Routes.Notice(notice)).Meta["title"]);
                }
                if (year.Slogans is not null)
                    Assert.Equal(Facts("slogans", year.Year), Filters(Page(Routes.Slogans(year.Year))));
            }
            foreach (var city in Content.Cities)
            {
                Assert.Equal(Facts("city", [.. Content.ActivitiesOf(HostKind.City, city.Slug).Select(g => g.Year)]), Filters(Page(Routes.City(city.Slug))));
                Assert.Equal(city.Name.In(language).Text, Page(Routes.City(city.Slug)).Meta["title"]);
            }
            foreach (var organiser in Content.Organisers)
                Assert.Equal(Facts("organiser", [.. Content.ActivitiesOf(HostKind.Organiser, organiser.Slug).Select(g => g.Year)]), Filters(Page(Routes.Organiser(organiser.Slug))));
        }
    }

    [Fact]
    public void A_notice_is_indexed_by_its_disclosure_items_values_not_by_the_labels_every_notice_repeats()
    {
        foreach (var language in Content.Settings.Languages)
        {
            var g = GovernmentStrings.For(language.Locale);
            var s = UiStrings.For(language.Locale);
            string[] labels = [g.DisclosureTable, g.IndexNumber, g.Subject, g.DatePublished, g.NotPublished, s.DocumentNumber, s.Issuer, s.DateWritten, s.Timing, s.Lead];
            var fragments = Bundle.Fragments(language.Code.ToLowerInvariant()).ToDictionary(f => f.Url);
            foreach (var notice in Content.Years.SelectMany(y => y.Notices))
            {
                var text = fragments[SiteUrls.Localize(Routes.Notice(notice), language)].Content.Replace("\u200b", "", StringComparison.Ordinal);
                // A label may still be a notice's own words ("Issued by the General Office …").
                var body = notice.Body.In(language).Text;
                Assert.DoesNotContain(labels, label => text.Contains(label, StringComparison.Ordinal) && !body.Contains(label, StringComparison.Ordinal));
                Assert.Contains(notice.Issuer.In(language).Text, text);
                if (notice.DocumentNumber is { } number) Assert.Contains(number, text);
            }
        }
    }

    private static string Facts(string type, params int[] years) =>
        $"type={type}; year={string.Join(',', years.Distinct().Order())}";

    private static string Filters(PagefindBundle.Fragment fragment) =>
        $"type={string.Join(',', fragment.Filters.GetValueOrDefault("type") ?? [])}; year={string.Join(',', (fragment.Filters.GetValueOrDefault("year") ?? []).Select(int.Parse).Order())}";
}

/// <summary>The index of the site built for a portal's sub-path: same page URLs (the bundle adds its own mount), forms under the sub-path.</summary>
public class SearchIndexUnderSubPathTests(BuiltSiteUnderSubPath site) : IClassFixture<BuiltSiteUnderSubPath>
{
    [Fact]
    public void The_index_is_in_the_output_with_site_relative_page_urls()
    {
        var bundle = new PagefindBundle(site.Output);
        Assert.Equal(["en", "zh-hans"], bundle.Languages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SearchIndexTests.IndexedPaths.Order(StringComparer.Ordinal), bundle.Fragments("zh-hans").Select(f => f.Url).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_forms_and_the_search_script_are_under_the_sub_path()
    {
        foreach (var (path, english) in new[] { ("index.html", false), ("search/", false), ("404.html", false), ("en/index.html", true), ("en/search/", true) })
        {
            var page = site.Page(path);
            Assert.Equal(BuiltSiteUnderSubPath.BasePath + (english ? "/en" : "") + "/search/", page.QuerySelector("form[role=search]")?.GetAttribute("action"));
        }
        Assert.StartsWith(BuiltSiteUnderSubPath.BasePath + "/assets/search.", site.Page("/search/").QuerySelector("script[type=module]")?.GetAttribute("src"));
    }
}
