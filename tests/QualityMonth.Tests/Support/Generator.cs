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
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "qualitymonth.dll");

    public static Result Run(params string[] args) => RunCopy(Dll, new Dictionary<string, string>(), args);

    /// <summary>
    /// The native generator ./build.sh runs (compiled ahead of time, no JIT), published by
    /// <c>scripts/publish-generator.sh native</c>: ./test.sh publishes it before the tests, so here the script finds it
    /// up to date; a `dotnet test` run alone has it published here, once.
    /// </summary>
    public static string Native => NativeGenerator.Value;

    private static readonly Lazy<string> NativeGenerator = new(() =>
    {
        var publish = ExternalTool.Run(Path.Combine(Repo.Root, "scripts", "publish-generator.sh"), TimeSpan.FromMinutes(10), "native");
        Assert.True(publish.ExitCode == 0, "the native generator did not publish:\n" + publish.All);
        return publish.Stdout.Trim();
    });

    /// <summary>Runs the native generator (<see cref="Native"/>) as ./build.sh does.</summary>
    public static Result RunNative(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(new ProcessStartInfo(Native), environment, args);

    /// <param name="environment">Variables set for the generator's process on top of the test's own.</param>
    public static Result Run(IReadOnlyDictionary<string, string> environment, params string[] args) => RunCopy(Dll, environment, args);

    /// <summary>Runs the generator from another place than the tests' folder, e.g. a copy of it outside the repository.</summary>
    public static Result RunCopy(string dll, params string[] args) => RunCopy(dll, new Dictionary<string, string>(), args);

    /// <summary>
    /// The locale variables that choose the messages' language (docs/check.md), set for every run to the neutral
    /// UTF-8 locale so the tests read English on any machine, a Chinese one too; a test of the language choice sets
    /// them through <c>environment</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EnglishLocale = new Dictionary<string, string>
    {
        ["LC_ALL"] = "C.UTF-8",
        ["LC_MESSAGES"] = "",
        ["LANG"] = "C.UTF-8",
        ["LANGUAGE"] = "",
    };

    private static Result RunCopy(string dll, IReadOnlyDictionary<string, string> environment, string[] args) =>
        Start(new ProcessStartInfo("dotnet") { ArgumentList = { dll } }, environment, args);

    private static Result Start(ProcessStartInfo start, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (name, value) in EnglishLocale) start.Environment[name] = value;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A hang guard, not a speed target: a cold build shares two cores with the rest of the suite.
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the generator did not finish in {Timeout.TotalMinutes} minutes: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
