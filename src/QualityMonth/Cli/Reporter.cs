using System.Text;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using Spectre.Console;

namespace QualityMonth.Cli;

/// <summary>How problems are printed.</summary>
public enum ReportFormat
{
    /// <summary>Grouped by file, errors first, coloured on a terminal: for people (the default on a terminal).</summary>
    Human,
    /// <summary>One <c>path:line: error: message [code]</c> line per problem: for logs, git hooks and editors (the default otherwise).</summary>
    Lines,
    /// <summary>One JSON document on stdout (docs/check.schema.json): for tools.</summary>
    Json,
}

/// <summary>
/// Prints a run's diagnostics (to stderr) and its summary (to stdout) in the chosen format and language;
/// in JSON, one document on stdout and nothing else.
/// </summary>
public sealed class Reporter(ReportFormat format, Locale language)
{
    private readonly IAnsiConsole _out = ConsoleFor(Console.Out, Console.IsOutputRedirected);
    private readonly IAnsiConsole _error = ConsoleFor(Console.Error, Console.IsErrorRedirected);

    public ReportStrings Strings { get; } = ReportStrings.For(language);

    public ReportFormat Format => format;

    /// <summary>Human on a terminal, lines when the problems go to a file or a pipe (where the diagnostics are printed: stderr).</summary>
    public static ReportFormat DefaultFormat => Console.IsErrorRedirected ? ReportFormat.Lines : ReportFormat.Human;

    /// <summary>Prints what a check found: the problems, the counts, the translation coverage.</summary>
    public void Check(BuildResult result)
    {
        if (format == ReportFormat.Json)
        {
            Console.Out.WriteLine(JsonReport.Write("check", result, language));
            return;
        }
        Diagnostics(result.Diagnostics);
        _out.WriteLine(result.Rendered
            ? Strings.Checked(Pages(result), result.Photos, result.Errors, result.Warnings)
            : Strings.CheckedContentOnly(result.Errors, result.Warnings));
        Coverage(result);
    }

    /// <summary>Prints what a build found and, when it succeeded, what it wrote.</summary>
    public void Build(BuildResult result, string outputFolder, TimeSpan elapsed)
    {
        if (format == ReportFormat.Json)
        {
            Console.Out.WriteLine(JsonReport.Write("build", result, language));
            return;
        }
        Diagnostics(result.Diagnostics);
        if (!result.Succeeded)
        {
            _error.WriteLine(Strings.BuildFailed(result.Errors, outputFolder));
            return;
        }
        _out.WriteLine(Strings.Built(Pages(result), result.Files, result.Photos, result.PhotosProcessed, outputFolder, elapsed.TotalSeconds, result.Warnings));
        Coverage(result);
    }

    /// <summary>Prints the problems alone (the preview's log): grouped or one line each, never JSON.</summary>
    public void Diagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        if (format == ReportFormat.Human)
        {
            foreach (var file in diagnostics.GroupBy(d => d.File))
            {
                _error.MarkupLine($"[bold]{Markup.Escape(file.Key)}[/]");
                foreach (var diagnostic in file.OrderByDescending(d => d.Severity))
                    _error.MarkupLine("  " + Grouped(diagnostic));
            }
        }
        else
        {
            // Written at once, as they are: a site with thousands of warnings spent most of a second in line-by-line console
            // writes, and a line is never wrapped, whatever the terminal's width.
            var lines = new StringBuilder();
            foreach (var diagnostic in diagnostics) lines.AppendLine(diagnostic.ToLine(language));
            Console.Error.Write(lines.ToString());
        }
    }

    /// <summary><c>line:col: error: message [code]</c> under its file's name, in the message language.</summary>
    private string Grouped(Diagnostic diagnostic)
    {
        var where = diagnostic.Line <= 0 ? "" : diagnostic.Column > 0 ? $"{diagnostic.Line}:{diagnostic.Column}: " : $"{diagnostic.Line}: ";
        var severity = diagnostic.Severity == Severity.Error ? $"[red bold]{Strings.Error}[/]" : $"[yellow bold]{Strings.Warning}[/]";
        return $"{Markup.Escape(where)}{severity}{Markup.Escape(Strings.Colon + diagnostic.Message.In(language))} [grey]{Markup.Escape($"[{diagnostic.Message.Code}]")}[/]";
    }

    private void Coverage(BuildResult result)
    {
        foreach (var coverage in result.Coverage)
        {
            var kinds = string.Join(Strings.CoverageSeparator, coverage.Kinds.Select(k => $"{k.Kind.Name.In(language)} {k.Translated}/{k.Total}"));
            _out.WriteLine(Strings.Coverage(coverage.Language.Code, coverage.Translated, coverage.Total, coverage.Percent, kinds));
        }
    }

    private static string Pages(BuildResult result) => string.Join(", ", result.PagesPerLanguage.Select(p => $"{p.Key} {p.Value}"));

    /// <summary>A console that colours and wraps only on a terminal: a log or a pipe gets plain text, one line per fact.</summary>
    private static IAnsiConsole ConsoleFor(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected) console.Profile.Width = int.MaxValue;
        return console;
    }
}
