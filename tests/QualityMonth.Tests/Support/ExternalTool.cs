using System.Diagnostics;

namespace QualityMonth.Tests.Support;

/// <summary>Runs an independent checker (node with an npm package, java with a jar) and collects what it says.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static Result Run(string program, params string[] args) => Run(program, TimeSpan.FromMinutes(2), args);

    public static Result Run(string program, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {timeout.TotalMinutes} minutes: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A Node script of the tests (<c>tests/QualityMonth.Tests/…</c>), which loads its packages from the repository's node_modules.</summary>
    public static Result Node(string script, params string[] args)
    {
        Assert.True(Directory.Exists(Repo.NodeModules), $"{Repo.NodeModules} is missing: run npm ci in {Repo.Root}");
        return Run("node", [Path.Combine(Repo.Root, "tests", "QualityMonth.Tests", script), .. args]);
    }
}
