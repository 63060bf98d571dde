using System.Diagnostics;
using QualityMonth.Build;
using QualityMonth.Output;

namespace QualityMonth.Cli;

public static class BuildCommand
{
    /// <returns>0 on success, 1 when the content has errors.</returns>
    public static async Task<int> RunAsync(string siteRoot, string outputFolder)
    {
        var clock = Stopwatch.StartNew();
        var result = await SiteBuilder.BuildAsync(siteRoot);
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
