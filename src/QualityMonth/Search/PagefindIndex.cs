using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Output;

namespace QualityMonth.Search;

/// <summary>
/// The full-text search index, made by Pagefind from the finished pages (one index per <c>&lt;html lang&gt;</c>,
/// Chinese segmented into words); its bundle joins the site under <c>/pagefind/</c>. A build indexes the site it
/// has just written to the output's staging folder (<see cref="BuildInFolder"/>); the preview, which keeps its
/// site in memory, has its pages written to a scratch folder (<see cref="Build"/>). Which part of a page is
/// indexed is marked in the theme (<c>data-pagefind-body</c>, see <c>theme/Components/SearchFacts.razor</c>).
/// </summary>
public static partial class PagefindIndex
{
    /// <summary>The bundle's folder in the site; the search script imports <c>/pagefind/pagefind.js</c>.</summary>
    public const string Folder = "pagefind";

    /// <summary>Where a missing-binary or failed-index error is reported (the npm packages are pinned there).</summary>
    public const string DiagnosticFile = "package.json";

    /// <summary>The bundle's table of contents: the index of each language and its files.</summary>
    public const string EntryFile = "pagefind-entry.json";

    /// <summary>Indexes <paramref name="pages"/> (output paths of HTML pages in <paramref name="output"/>) and adds the bundle to <paramref name="output"/>.</summary>
    /// <param name="languageFolders">The folders of the languages whose pages are not at the root (<c>en</c>).</param>
    /// <param name="background">Run Pagefind at the lowest CPU priority (the preview indexes while staff edit).</param>
    public static void Build(string siteRoot, IEnumerable<string> pages, IReadOnlyCollection<string> languageFolders, SiteOutput output,
        DiagnosticBag diagnostics, bool background = false)
    {
        var binary = FindBinary(siteRoot, diagnostics);
        if (binary is null) return;

        var site = Directory.CreateTempSubdirectory("qualitymonth-pagefind-site-");
        try
        {
            var written = pages.ToList();
            foreach (var page in written)
            {
                if (!output.TryGet(page, out var html)) throw new InvalidOperationException($"page {page} is not in the output");
                var file = Path.Combine(site.FullName, page);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, html);
            }
            if (IndexFolder(siteRoot, binary, site.FullName, written, output, languageFolders, diagnostics, background, releasePages: false) is not { } bundle) return;
            foreach (var path in bundle.Paths.Order(StringComparer.Ordinal))
                output.Add($"{Folder}/{path}", bundle.TryGet(path, out var bytes) ? bytes : []);
        }
        finally
        {
            site.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Indexes the HTML pages of the site written in <paramref name="siteFolder"/> (every <c>.html</c> file there is a
    /// page) and writes the bundle into its <c>pagefind/</c> folder, so no page is written twice.
    /// </summary>
    /// <param name="binary">From <see cref="FindBinary"/>.</param>
    /// <param name="output">The site written in <paramref name="siteFolder"/>.</param>
    /// <param name="languageFolders">The folders of the languages whose pages are not at the root (<c>en</c>).</param>
    /// <returns>How many files the bundle has; 0 when it was not made, the reason being an error in <paramref name="diagnostics"/>.</returns>
    public static int BuildInFolder(string siteRoot, string binary, string siteFolder, SiteOutput output, IReadOnlyCollection<string> languageFolders,
        DiagnosticBag diagnostics)
    {
        var pages = output.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal));
        if (IndexFolder(siteRoot, binary, siteFolder, pages, output, languageFolders, diagnostics, background: false, releasePages: true) is not { } bundle)
            return 0;
        // A reused staging folder holds an earlier index: only the files that differ are written, the others removed.
        var folder = Path.Combine(siteFolder, Folder);
        Directory.CreateDirectory(folder);
        bundle.UpdateIn(folder, new HashSet<string>());
        return bundle.Count;
    }

    /// <summary>What the cache key records of a part's command line: the folders themselves vary from run to run.</summary>
    private static string[] KeyArguments(string? glob) => ["--site", ".", .. glob is null ? Array.Empty<string>() : ["--glob", glob], "--output-path", Folder, "--quiet"];

    /// <summary>
    /// Has each part of the site (<see cref="Parts"/>) indexed, or takes its index from the cache (<see cref="SearchIndexCache"/>),
    /// and joins the parts' bundles.
    /// </summary>
    /// <param name="pages">Every HTML file in <paramref name="siteFolder"/>, by output path; its bytes are in <paramref name="output"/>.</param>
    /// <param name="releasePages">Have <paramref name="output"/> read its files from <paramref name="siteFolder"/> from now on (a build,
    /// whose site folder becomes the output), freeing their memory before Pagefind runs.</param>
    /// <returns>The bundle's files, by path in the bundle (their bytes in the cache); null when it was not made, the reason
    /// being an error in <paramref name="diagnostics"/>.</returns>
    private static SiteOutput? IndexFolder(string siteRoot, string binary, string siteFolder, IEnumerable<string> pages, SiteOutput output,
        IReadOnlyCollection<string> languageFolders, DiagnosticBag diagnostics, bool background, bool releasePages)
    {
        var pageList = pages.ToList();
        var parts = Parts(pageList, languageFolders);
        var binaryHash = SearchIndexCache.BinaryHash(siteRoot, binary);
        var entries = parts.Select(part => SearchIndexCache.For(siteRoot, binaryHash, KeyArguments(part.Glob), part.Pages, output)).ToList();
        var used = new List<SearchIndexCache>(entries);
        var toIndex = parts.Zip(entries).Where(p => p.Second.Messages is null).ToList();
        if (toIndex.Count > 0 && releasePages)
        {
            // The pages are written and hashed: before Pagefind takes its gigabyte, their memory and the rest of the heap's
            // free memory are given back, so that the two are not added up (about 0.1 s on 4,000 pages).
            using var release = BuildTimings.Measure("pagefind-release-pages");
            output.ReleaseWrittenTo(siteFolder);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        if (!Index(binary, siteFolder, toIndex, diagnostics, background)) return null;
        var bundle = Join(entries);
        if (bundle is null)
        {
            // Not one language per part (a page whose lang differs from its folder's): one run over everything.
            var whole = SearchIndexCache.For(siteRoot, binaryHash, KeyArguments(null), pageList, output);
            used.Add(whole);
            if (whole.Messages is null && !Index(binary, siteFolder, [(new Part("all", null, pageList), whole)], diagnostics, background)) return null;
            entries = [whole];
            bundle = Join(entries)!;
        }
        SearchIndexCache.PruneAllBut(siteRoot, used);
        // With --quiet, Pagefind prints only warnings and errors.
        var messages = string.Join('\n', entries.Select(entry => entry.Messages).Where(m => m is { Length: > 0 }));
        if (messages.Length > 0)
            diagnostics.Warning(DiagnosticFile, 0, SearchMessages.Warnings(messages));
        return bundle;
    }

    /// <summary>The Pagefind executable, or null after reporting that it is not installed.</summary>
    public static string? FindBinary(string siteRoot, DiagnosticBag diagnostics)
    {
        var binary = PagefindBinary.Find(siteRoot, AppContext.BaseDirectory);
        if (binary is null)
            diagnostics.Error(DiagnosticFile, 0, SearchMessages.NotInstalled(
                $"node_modules/{PagefindBinary.PlatformPackage}/bin/{PagefindBinary.ExecutableName}", siteRoot, AppContext.BaseDirectory));
        return binary;
    }

    /// <summary>
    /// Runs Pagefind over each part in <paramref name="site"/>, writing each bundle into the part's cache entry: the parts one
    /// after the other, each started as soon as the one before has built its index. Pagefind reads and parses a site's pages
    /// on every core, then builds and writes each language's index on one; so the next part's pages are read while the part
    /// before writes its files, and the languages' runs together take about one run's time over the whole site. In memory
    /// they hold about three quarters of what one run holds: what a run holds grows with its pages, and the parts are
    /// indexed smallest first, so the part being read while another writes out its index is the one still growing, not yet
    /// at its peak (docs/benchmarks.md, Pages). Two runs side by side from the start were faster still, but held both
    /// languages' pages at once, half as much memory again as Hugo + Pagefind.
    /// </summary>
    /// <returns>Whether every part was indexed; if not, the reason is an error in <paramref name="diagnostics"/>.</returns>
    private static bool Index(string binary, string site, IReadOnlyList<(Part Part, SearchIndexCache Entry)> parts, DiagnosticBag diagnostics, bool background)
    {
        if (parts.Count == 0) return true;
        // The working folder only keeps a stray Pagefind config file out; it also holds the runs' logs.
        var scratch = Directory.CreateTempSubdirectory("qualitymonth-pagefind-");
        var runs = new List<PagefindRun>();
        try
        {
            foreach (var (part, entry) in parts)
            {
                if (runs.Count > 0)
                {
                    runs[^1].WaitUntilIndexed();
                    if (runs[^1].Failed) break;
                }
                string[] arguments = ["--site", site, .. part.Glob is null ? Array.Empty<string>() : ["--glob", part.Glob], "--output-path", entry.StartScratch(), "--quiet"];
                try
                {
                    runs.Add(PagefindRun.Start(binary, scratch.FullName, arguments, Path.Combine(scratch.FullName, $"{part.Name}.log"), background));
                }
                catch (System.ComponentModel.Win32Exception e)
                {
                    diagnostics.Error(DiagnosticFile, 0, SearchMessages.NotStarted(binary, e.Message));
                    return false;
                }
            }
            foreach (var ((part, entry), run) in parts.Zip(runs))
            {
                var (exitCode, messages) = run.Finish();
                BuildTimings.Print($"pagefind-{part.Name}", (long)run.Took.TotalMilliseconds);
                var problem = exitCode != 0 ? SearchMessages.Failed(binary, exitCode, messages)
                    : !File.Exists(Path.Combine(entry.ScratchBundle, EntryFile)) ? SearchMessages.NoIndex(binary, EntryFile, messages)
                    : null;
                if (problem is not null)
                {
                    diagnostics.Error(DiagnosticFile, 0, problem);
                    return false;
                }
                entry.Keep(messages);
            }
            return true;
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
            foreach (var (_, entry) in parts) entry.Discard();
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The pages one Pagefind run indexes: those its <see cref="Glob"/> matches (all when null).</summary>
    private sealed record Part(string Name, string? Glob, IReadOnlyList<string> Pages);

    /// <summary>
    /// The parts of the site indexed one after the other: the pages in each language's folder, and the rest (the root
    /// language's), smallest first; a single "everything" when the site is not split that way. Every language has the same
    /// kinds of pages (the plan makes each page in every language), so each part has pages marked <c>data-pagefind-body</c>
    /// exactly when the site has: Pagefind, which indexes every page of a run without them, indexes a part as it indexes the whole.
    /// </summary>
    /// <param name="pages">Every page of the site, by output path.</param>
    private static List<Part> Parts(IReadOnlyList<string> pages, IReadOnlyCollection<string> languageFolders)
    {
        // The top-level folder each page is in ("" for a page at the root): known from the pages, not walked on disk.
        static string TopLevel(string page) => page.IndexOf('/') is var slash and >= 0 ? page[..slash] : "";
        var byFolder = pages.GroupBy(TopLevel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var languages = languageFolders.Where(byFolder.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var rest = byFolder.Keys.Where(folder => folder.Length > 0 && !languageFolders.Contains(folder)).Order(StringComparer.Ordinal).ToList();
        var restHasPages = byFolder.ContainsKey("") || rest.Count > 0;
        // Names are the generator's own (slugs, years); anything a glob would read as a pattern keeps the single run.
        if (languages.Count + (restHasPages ? 1 : 0) < 2 || byFolder.Keys.Any(name => name.Length > 0 && !GlobSafeName().IsMatch(name)))
            return [new Part("all", null, pages)];
        var parts = languages.Select(folder => new Part(folder, $"{folder}/**/*.html", byFolder[folder])).ToList();
        if (restHasPages)
            parts.Add(new Part("root", "{" + string.Join(',', rest.Select(folder => $"{folder}/**/*.html").Prepend("*.html")) + "}",
                pages.Where(page => !languageFolders.Contains(TopLevel(page))).ToList()));
        return parts.OrderBy(part => part.Pages.Count).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial System.Text.RegularExpressions.Regex GlobSafeName();

    /// <summary>
    /// The site's bundle: the parts' files, with their tables of contents joined (their languages, in order); null when a
    /// language is in two parts, or the parts disagree on anything else.
    /// </summary>
    private static SiteOutput? Join(IReadOnlyList<SearchIndexCache> parts)
    {
        var bundle = new SiteOutput();
        foreach (var part in parts)
            foreach (var file in Directory.GetFiles(part.Bundle, "*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(part.Bundle, file).Replace(Path.DirectorySeparatorChar, '/');
                // The script, styles and WebAssembly files are the same in every part.
                if ((parts.Count == 1 || path != EntryFile) && !bundle.Contains(path)) bundle.AddFile(path, file);
            }
        if (parts.Count == 1) return bundle;
        var entries = parts.Select(part => JsonNode.Parse(File.ReadAllText(Path.Combine(part.Bundle, EntryFile)))!.AsObject()).ToList();
        var languages = entries.SelectMany(e => e["languages"]!.AsObject()).ToList();
        if (languages.Select(l => l.Key).Distinct(StringComparer.Ordinal).Count() != languages.Count) return null;
        var joined = new JsonObject();
        foreach (var (name, value) in entries[0])
            joined[name] = name == "languages"
                ? new JsonObject(languages.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, l.Value?.DeepClone())))
                : value?.DeepClone();
        foreach (var entry in entries.Skip(1))
            if (entry.Count != joined.Count || entry.Any(p => p.Key != "languages" && !JsonNode.DeepEquals(p.Value, joined[p.Key]))) return null;
        // As Pagefind writes it: compact, other scripts than Latin as they are.
        bundle.Add(EntryFile, joined.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return bundle;
    }
}
