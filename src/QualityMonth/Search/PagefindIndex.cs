using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    // Indexing takes about 15 ms a page on two idle cores, several times that on a busy machine: two minutes failed a
    // 4,000-page build on the shared benchmark machine. The limit is only there to stop a hung process.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    private const string Nice = "/usr/bin/nice";

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
            if (IndexFolder(siteRoot, binary, site.FullName, written, output, languageFolders, diagnostics, background, releasePages: false) == 0) return;
            var bundle = Path.Combine(site.FullName, Folder);
            foreach (var file in Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                output.Add($"{Folder}/{Path.GetRelativePath(bundle, file).Replace(Path.DirectorySeparatorChar, '/')}", File.ReadAllBytes(file));
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
        DiagnosticBag diagnostics) =>
        IndexFolder(siteRoot, binary, siteFolder, output.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)), output, languageFolders,
            diagnostics, background: false, releasePages: true);

    /// <summary>What the cache key records of the command line: the folders themselves vary from run to run.</summary>
    private static readonly string[] KeyArguments = ["--site", ".", "--output-path", Folder, "--quiet"];

    /// <summary>Copies the index of byte-identical pages from the cache (<see cref="SearchIndexCache"/>), or has Pagefind make it and keeps it there.</summary>
    /// <param name="pages">Every HTML file in <paramref name="siteFolder"/>, by output path; its bytes are in <paramref name="output"/>.</param>
    /// <param name="releasePages">Have <paramref name="output"/> read its files from <paramref name="siteFolder"/> from now on (a build,
    /// whose site folder becomes the output), freeing their memory before Pagefind runs.</param>
    private static int IndexFolder(string siteRoot, string binary, string siteFolder, IEnumerable<string> pages, SiteOutput output,
        IReadOnlyCollection<string> languageFolders, DiagnosticBag diagnostics, bool background, bool releasePages)
    {
        var bundle = Path.Combine(siteFolder, Folder);
        var pageList = pages.ToList();
        var cache = SearchIndexCache.For(siteRoot, binary, KeyArguments, pageList, output);
        var messages = cache.TryCopyTo(bundle);
        if (messages is null)
        {
            // A reused staging folder holds an earlier index: none of it may mix with the new one.
            if (Directory.Exists(bundle)) Directory.Delete(bundle, recursive: true);
            if (releasePages)
            {
                // The pages are written and hashed: before Pagefind takes its gigabyte, their memory and the rest of the heap's
                // free memory are given back, so that the two are not added up (about 0.1 s on 4,000 pages).
                output.ReleaseWrittenTo(siteFolder);
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            // The working folder only keeps a stray Pagefind config file out (see Run).
            var scratch = Directory.CreateTempSubdirectory("qualitymonth-pagefind-");
            try
            {
                messages = Index(binary, scratch.FullName, siteFolder, bundle, LanguageGlobs(pageList, languageFolders), diagnostics, background);
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
            if (messages is null) return 0;
            cache.Add(bundle, messages);
        }
        // With --quiet, Pagefind prints only warnings and errors.
        if (messages.Length > 0)
            diagnostics.Warning(DiagnosticFile, 0, SearchMessages.Warnings(messages));
        return Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).Length;
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
    /// Runs Pagefind on the pages in <paramref name="site"/>, writing its bundle to <paramref name="bundle"/>: one Pagefind
    /// per language, one after the other. Pagefind makes each language's index on its own, so the languages' runs make
    /// the same bundle as one run over the whole site (checked byte for byte by the tests), once their tables of contents
    /// are joined (<see cref="JoinEntries"/>), in less memory: each run holds only its language's pages. In time, a little
    /// slower than one run at 4,000 pages, faster at 16,000. Not side by side: two at once were faster still, but held both
    /// languages' pages at the same time, half as much memory again as Hugo + Pagefind (docs/benchmarks.md, Pages).
    /// </summary>
    /// <param name="scratch">An empty folder to run Pagefind in.</param>
    /// <param name="bundle">Where the bundle goes; each language's run writes beside it first.</param>
    /// <returns>What Pagefind printed, once the bundle is made; null when it was not, the reason being an error in <paramref name="diagnostics"/>.</returns>
    /// <param name="globs">The pages of each Pagefind run (<see cref="LanguageGlobs"/>).</param>
    private static string? Index(string binary, string scratch, string site, string bundle, IReadOnlyList<string?> globs,
        DiagnosticBag diagnostics, bool background)
    {
        if (globs.Count > 1)
        {
            // Beside the bundle, on the site's file system (Pagefind writes thousands of files there, as it does into the bundle
            // itself), so that joining the parts is renames, not copies from another disk.
            var parts = globs.Select((_, i) => $"{bundle}.part-{i}").ToList();
            try
            {
                var messages = new List<string>();
                for (var i = 0; i < globs.Count; i++)
                {
                    var run = RunChecked(binary, scratch, site, parts[i], globs[i], background);
                    if (run.Problem is not null)
                    {
                        diagnostics.Error(DiagnosticFile, 0, run.Problem);
                        return null;
                    }
                    messages.Add(run.Messages);
                }
                if (JoinEntries(parts) is { } entry)
                {
                    Directory.CreateDirectory(bundle);
                    foreach (var part in parts)
                        foreach (var file in Directory.GetFiles(part, "*", SearchOption.AllDirectories))
                        {
                            var target = Path.Combine(bundle, Path.GetRelativePath(part, file));
                            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                            // The script, styles and WebAssembly files are the same in every part.
                            File.Move(file, target, overwrite: true);
                        }
                    File.WriteAllText(Path.Combine(bundle, EntryFile), entry);
                    return string.Join('\n', messages.Where(m => m.Length > 0));
                }
                // Not one language per part (a page whose lang differs from its folder's): one run over everything.
            }
            finally
            {
                foreach (var part in parts.Where(Directory.Exists)) Directory.Delete(part, recursive: true);
            }
        }
        var whole = RunChecked(binary, scratch, site, bundle, glob: null, background);
        if (whole.Problem is not null) diagnostics.Error(DiagnosticFile, 0, whole.Problem);
        return whole.Problem is null ? whole.Messages : null;
    }

    /// <summary>
    /// The glob of each language's pages: the pages in each language's folder, and the rest (the root language's); a
    /// single "everything" when the site is not split that way. Every language has the same kinds of pages (the plan makes
    /// each page in every language), so each part has pages marked <c>data-pagefind-body</c> exactly when the site has:
    /// Pagefind, which indexes every page of a run without them, indexes a part as it indexes the whole.
    /// </summary>
    /// <param name="pages">Every page of the site, by output path.</param>
    private static List<string?> LanguageGlobs(IReadOnlyList<string> pages, IReadOnlyCollection<string> languageFolders)
    {
        // The top-level folder each page is in ("" for a page at the root): known from the pages, not walked on disk.
        var topLevel = pages.Select(p => p.IndexOf('/') is var slash and >= 0 ? p[..slash] : "").ToHashSet(StringComparer.Ordinal);
        var languages = languageFolders.Where(topLevel.Contains).Order(StringComparer.Ordinal).ToList();
        var rest = topLevel.Where(folder => folder.Length > 0 && !languageFolders.Contains(folder)).Order(StringComparer.Ordinal).ToList();
        var restHasPages = topLevel.Contains("") || rest.Count > 0;
        // Names are the generator's own (slugs, years); anything a glob would read as a pattern keeps the single run.
        if (languages.Count + (restHasPages ? 1 : 0) < 2 || topLevel.Any(name => name.Length > 0 && !GlobSafeName().IsMatch(name))) return [null];
        var globs = languages.Select(f => (string?)$"{f}/**/*.html").ToList();
        if (restHasPages) globs.Add("{" + string.Join(',', rest.Select(folder => $"{folder}/**/*.html").Prepend("*.html")) + "}");
        return globs;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial System.Text.RegularExpressions.Regex GlobSafeName();

    /// <summary>
    /// The table of contents of the parts' bundles joined: their languages, in order; null when a language is in two parts,
    /// or the parts disagree on anything else.
    /// </summary>
    private static string? JoinEntries(IReadOnlyList<string> parts)
    {
        var entries = parts.Select(part => JsonNode.Parse(File.ReadAllText(Path.Combine(part, EntryFile)))!.AsObject()).ToList();
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
        return joined.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>One Pagefind run over the pages <paramref name="glob"/> matches (all when null).</summary>
    /// <returns>What Pagefind printed, and when the bundle was not made, why.</returns>
    private static (string Messages, Message? Problem) RunChecked(string binary, string scratch, string site, string bundle, string? glob, bool background)
    {
        int exitCode;
        string messages;
        try
        {
            (exitCode, messages) = Run(binary, scratch, ["--site", site, .. glob is null ? Array.Empty<string>() : ["--glob", glob], "--output-path", bundle, "--quiet"], background);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return ("", SearchMessages.NotStarted(binary, e.Message));
        }
        if (exitCode != 0) return (messages, SearchMessages.Failed(binary, exitCode, messages));
        if (!File.Exists(Path.Combine(bundle, EntryFile))) return (messages, SearchMessages.NoIndex(binary, EntryFile, messages));
        return (messages, null);
    }

    /// <returns>The exit code, and everything Pagefind printed (stdout and stderr), trimmed.</returns>
    private static (int ExitCode, string Messages) Run(string binary, string workingDirectory, string[] arguments, bool background)
    {
        // Linux gives each thread its own niceness, inherited by the threads it starts: Pagefind is started niced rather
        // than reniced after its worker threads exist.
        var niced = background && File.Exists(Nice);
        var start = new ProcessStartInfo(niced ? Nice : binary)
        {
            // Pagefind reads pagefind.yml/.toml/.json from its working folder: an empty scratch folder keeps
            // a stray config file out of the build.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (niced) foreach (var argument in new[] { "-n", "19", binary }) start.ArgumentList.Add(argument);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Nor may PAGEFIND_* variables of the user's shell change the index.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PAGEFIND_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"it did not finish in {Timeout.TotalMinutes} minutes");
        }
        var messages = string.Join('\n', new[] { stdout.Result, stderr.Result }.Select(s => s.Trim()).Where(s => s.Length > 0));
        return (process.ExitCode, messages);
    }
}
