using System.Diagnostics;
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
public static class PagefindIndex
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
    /// <param name="background">Run Pagefind at the lowest CPU priority (the preview indexes while staff edit).</param>
    public static void Build(string siteRoot, IEnumerable<string> pages, SiteOutput output, DiagnosticBag diagnostics, bool background = false)
    {
        var binary = FindBinary(siteRoot, diagnostics);
        if (binary is null) return;

        var site = Directory.CreateTempSubdirectory("qualitymonth-pagefind-site-");
        try
        {
            foreach (var page in pages)
            {
                if (!output.TryGet(page, out var html)) throw new InvalidOperationException($"page {page} is not in the output");
                var file = Path.Combine(site.FullName, page);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, html);
            }
            if (IndexFolder(siteRoot, binary, site.FullName, diagnostics, background) == 0) return;
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
    /// <returns>How many files the bundle has; 0 when it was not made, the reason being an error in <paramref name="diagnostics"/>.</returns>
    public static int BuildInFolder(string siteRoot, string binary, string siteFolder, DiagnosticBag diagnostics) =>
        IndexFolder(siteRoot, binary, siteFolder, diagnostics, background: false);

    /// <summary>What the cache key records of the command line: the folders themselves vary from run to run.</summary>
    private static readonly string[] KeyArguments = ["--site", ".", "--output-path", Folder, "--quiet"];

    /// <summary>Copies the index of byte-identical pages from the cache (<see cref="SearchIndexCache"/>), or has Pagefind make it and keeps it there.</summary>
    private static int IndexFolder(string siteRoot, string binary, string siteFolder, DiagnosticBag diagnostics, bool background)
    {
        var bundle = Path.Combine(siteFolder, Folder);
        var cache = SearchIndexCache.For(siteRoot, binary, KeyArguments, siteFolder);
        var messages = cache.TryCopyTo(bundle);
        if (messages is null)
        {
            // A reused staging folder holds an earlier index: none of it may mix with the new one.
            if (Directory.Exists(bundle)) Directory.Delete(bundle, recursive: true);
            // The working folder only keeps a stray Pagefind config file out (see Run).
            var scratch = Directory.CreateTempSubdirectory("qualitymonth-pagefind-");
            try
            {
                messages = Index(binary, scratch.FullName, siteFolder, bundle, diagnostics, background);
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

    /// <summary>Runs Pagefind on the pages in <paramref name="site"/>, writing its bundle to <paramref name="bundle"/>.</summary>
    /// <param name="scratch">An empty folder to run Pagefind in.</param>
    /// <returns>What Pagefind printed, once the bundle is made; null when it was not, the reason being an error in <paramref name="diagnostics"/>.</returns>
    private static string? Index(string binary, string scratch, string site, string bundle, DiagnosticBag diagnostics, bool background)
    {
        int exitCode;
        string messages;
        try
        {
            (exitCode, messages) = Run(binary, scratch, ["--site", site, "--output-path", bundle, "--quiet"], background);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            diagnostics.Error(DiagnosticFile, 0, SearchMessages.NotStarted(binary, e.Message));
            return null;
        }
        if (exitCode != 0)
        {
            diagnostics.Error(DiagnosticFile, 0, SearchMessages.Failed(binary, exitCode, messages));
            return null;
        }
        if (!File.Exists(Path.Combine(bundle, EntryFile)))
        {
            diagnostics.Error(DiagnosticFile, 0, SearchMessages.NoIndex(binary, EntryFile, messages));
            return null;
        }
        return messages;
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
