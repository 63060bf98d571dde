using System.Diagnostics;
using QualityMonth.Build;
using QualityMonth.Config;
using QualityMonth.Output;

namespace QualityMonth.Cli;

public static class BuildCommand
{
    /// <param name="previousOutput">The published site this build follows (usually <paramref name="outputFolder"/> itself):
    /// see <see cref="BuildContext.PreviousOutput"/>.</param>
    /// <param name="overrides">Settings given on the command line in place of statiq.json's.</param>
    /// <returns>0 on success, 1 when the content has errors.</returns>
    public static async Task<int> RunAsync(string siteRoot, string outputFolder, string previousOutput, SettingsOverrides? overrides = null)
    {
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = await PhotoProgress.Run(progress => SiteBuilder.BuildAsync(siteRoot, progress, previousOutput, overrides));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A content problem should always be a diagnostic; reaching here is a generator bug.
            Console.Error.WriteLine($"internal error: {e}");
            Console.Error.WriteLine($"The build stopped; {outputFolder} was left as it was. Please report this with the input that caused it.");
            return ExitCodes.ContentError;
        }
        Reporter.Diagnostics(result.Diagnostics);
        if (!result.Succeeded)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Error);
            Console.Error.WriteLine($"Build failed with {errors} error(s); {outputFolder} was left as it was.");
            return ExitCodes.ContentError;
        }
        AtomicWriter.Write(result.Output!, outputFolder);
        Reporter.Summary(result, outputFolder, clock.Elapsed);
        return ExitCodes.Success;
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentError = 1;
    public const int UsageError = 2;
}
