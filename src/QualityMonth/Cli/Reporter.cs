using QualityMonth.Build;
using QualityMonth.Diagnostics;
using Spectre.Console;

namespace QualityMonth.Cli;

/// <summary>Prints diagnostics (one 'path:line: error: message' line each, to stderr) and the build summary.</summary>
public static class Reporter
{
    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
            Console.Error.WriteLine(diagnostic.ToString());
    }

    public static void Summary(BuildResult result, string outputFolder, TimeSpan elapsed)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = int.MaxValue; // one line per fact in logs
        var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
        var pages = string.Join(", ", result.PagesPerLanguage.Select(p => $"{p.Key} {p.Value}"));
        console.MarkupLine($"[green]Built[/] {result.Output!.Count} files (pages: {Markup.Escape(pages)}) and {result.Photos} photo(s) ({result.PhotosProcessed} processed, the rest from the cache) into {Markup.Escape(outputFolder)} in {elapsed.TotalSeconds:0.00} s; {warnings} warning(s).");
        foreach (var coverage in result.Coverage)
        {
            var percent = coverage.Total == 0 ? 100 : 100 * coverage.Translated / coverage.Total;
            var kinds = string.Join("; ", coverage.Kinds.Select(k => $"{k.Kind} {k.Translated}/{k.Total}"));
            console.MarkupLine(Markup.Escape($"Translation coverage ({coverage.Language.Code}): {coverage.Translated}/{coverage.Total} texts ({percent}%) — {kinds}"));
        }
    }
}
