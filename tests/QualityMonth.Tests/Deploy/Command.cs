using System.Diagnostics;
using System.Text;

namespace QualityMonth.Tests.Deploy;

public sealed record CommandResult(int ExitCode, string Output);

/// <summary>
/// A program (git, a deploy script, flock) running in a child process, its stdout and stderr collected
/// together as they come, so that a test can wait for a message, let it finish, or kill it midway.
/// </summary>
public sealed class Command : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Command(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static Command Start(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The messages the tests look for are git's and the hooks' English ones.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANGUAGE"] = "";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return new Command(Process.Start(start)!);
    }

    public static CommandResult Run(string program, string workingDirectory, params string[] args) =>
        Start(program, workingDirectory, null, args).Wait(TimeSpan.FromMinutes(2));

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Closes the program's standard input (e.g. to let 'flock … cat' release its lock).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Types into the program, as at its prompt.</summary>
    public void WriteInput(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"the command ended without printing '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' was not printed in {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public CommandResult Wait(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the command did not finish in {timeout}:\n{Output}");
        }
        _process.WaitForExit(); // the last output lines
        return new CommandResult(_process.ExitCode, Output);
    }

    /// <summary>Kills the program and every process it started, as a lost connection or a crash would.</summary>
    public void KillTree()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
