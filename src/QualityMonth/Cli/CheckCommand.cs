using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;

namespace QualityMonth.Cli;

/// <summary>Reports what would break the site — content errors and photo rules — without building it.</summary>
public static class CheckCommand
{
    public static int Run(string siteRoot)
    {
        var diagnostics = new DiagnosticBag();
        var site = ContentLoader.Load(siteRoot, diagnostics);
        var photos = site is null ? 0 : PhotoPipeline.Check(site, diagnostics, decode: true).Count;
        var report = diagnostics.Sorted();
        Reporter.Diagnostics(report);
        var errors = report.Count(d => d.Severity == Severity.Error);
        var warnings = report.Count - errors;
        Console.WriteLine($"Checked {(site is null ? "the content (it did not load, so photos were not checked)" : $"the content and {photos} photo(s)")}: {errors} error(s), {warnings} warning(s).");
        return errors > 0 ? ExitCodes.ContentError : ExitCodes.Success;
    }
}
