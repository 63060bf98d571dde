using System.Diagnostics;
using QualityMonth.Build;
using QualityMonth.Config;
using QualityMonth.Model;
using QualityMonth.Output;

namespace QualityMonth.Cli;

public static class BuildCommand
{
    /// <param name="previousOutput">The published site this build follows (usually <paramref name="outputFolder"/> itself):
    /// see <see cref="BuildContext.PreviousOutput"/>.</param>
    /// <param name="overrides">Settings given on the command line in place of statiq.json's.</param>
    /// <returns>0 on success, 1 when the content has errors.</returns>
    public static async Task<int> RunAsync(string siteRoot, string outputFolder, string previousOutput, SettingsOverrides overrides, ReportFormat format,
        Locale language)
    {
        var clock = Stopwatch.StartNew();
        var reporter = new Reporter(format, language);
        // Checked before anything is read: the swap at the end replaces the output folder wholesale.
        if (OutputFolder.Problem(siteRoot, outputFolder) is { } unsafeOutput)
        {
            Console.Error.WriteLine(reporter.Strings.UsageError($"{unsafeOutput.In(language)} [{unsafeOutput.Code}]"));
            return ExitCodes.UsageError;
        }
        BuildResult result;
        try
        {
            // Before the content is read: a build that fails must still leave the previous site in place.
            AtomicWriter.RecoverFromKilledBuilds(outputFolder);
            result = await PhotoProgress.Run(reporter, async progress =>
            {
                await using var engine = new SiteEngine(siteRoot,
                    new EngineOptions { Overrides = overrides, PreviousOutput = previousOutput, OutputFolder = outputFolder, PhotoProgress = progress });
                return await engine.RunAsync();
            });
        }
        catch (Exception e) when (IsOutOfMemory(e))
        {
            var problem = OutputMessages.OutOfMemory(e.Message.ReplaceLineEndings(" "));
            Console.Error.WriteLine($"{outputFolder}: {reporter.Strings.Error}: {problem.In(language)} [{problem.Code}]");
            return ExitCodes.ContentError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = OutputMessages.DiskProblem(e.Message.ReplaceLineEndings(" "));
            Console.Error.WriteLine($"{outputFolder}: {reporter.Strings.Error}: {problem.In(language)} [{problem.Code}]");
            return ExitCodes.ContentError;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A content problem should always be a diagnostic; reaching here is a generator bug.
            Console.Error.WriteLine(reporter.Strings.InternalError(e.ToString()));
            Console.Error.WriteLine(reporter.Strings.InternalErrorAdvice(outputFolder));
            return ExitCodes.ContentError;
        }
        reporter.Build(result, outputFolder, clock.Elapsed);
        BuildTimings.ProcessTotals();
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentError;
    }

    // Short of memory, .NET fails where it next needs some: an allocation, or mapping an assembly it has
    // not loaded yet, which surfaces as a FileLoadException with ENOMEM's HRESULTs (0x8007000E, 0x80070008)
    // or, from the Unix loader's mmap, ERROR_INVALID_ACCESS (0x8007000C); or a native library that cannot be mapped.
    private static bool IsOutOfMemory(Exception e) => e switch
    {
        OutOfMemoryException => true,
        FileLoadException { HResult: unchecked((int)0x8007000E) or unchecked((int)0x80070008) or unchecked((int)0x8007000C) } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutOfMemory),
        // A native library (libvips) that cannot be mapped: dlopen's words for ENOMEM.
        _ when e.Message.Contains("failed to map segment from shared object", StringComparison.Ordinal) => true,
        { InnerException: { } inner } => IsOutOfMemory(inner),
        _ => false,
    };
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentError = 1;
    public const int UsageError = 2;
}
