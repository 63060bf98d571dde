using QualityMonth.Build;
using QualityMonth.Config;
using QualityMonth.Model;

namespace QualityMonth.Cli;

/// <summary>
/// Reports everything that would make a bad page — the build's own checks, rendering included — without making
/// images or writing anything.
/// </summary>
public static class CheckCommand
{
    /// <returns>0 when nothing is wrong or there are only warnings, 1 on errors.</returns>
    public static async Task<int> RunAsync(string siteRoot, SettingsOverrides overrides, ReportFormat format, Locale language)
    {
        var reporter = new Reporter(format, language);
        BuildResult result;
        try
        {
            await using var engine = new SiteEngine(siteRoot, new EngineOptions { Mode = PipelineMode.Check, Overrides = overrides });
            result = await engine.RunAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A content problem should always be a diagnostic; reaching here is a generator bug.
            Console.Error.WriteLine(reporter.Strings.InternalError(e.ToString()));
            return ExitCodes.ContentError;
        }
        reporter.Check(result);
        return result.Errors > 0 ? ExitCodes.ContentError : ExitCodes.Success;
    }
}
