using System.Diagnostics;

namespace QualityMonth.Tests.Support;

/// <summary>Runs the generator's real command line in a child process, as staff run it.</summary>
public static class Generator
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    /// <summary>The built generator next to the test assembly (it is a project reference).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "qualitymonth.dll");

    public static Result Run(params string[] args) => RunCopy(Dll, args);

    /// <summary>Runs the generator from another place than the tests' folder, e.g. a copy of it outside the repository.</summary>
    public static Result RunCopy(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the generator did not finish in 2 minutes: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
