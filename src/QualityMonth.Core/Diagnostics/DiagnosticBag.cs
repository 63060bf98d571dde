using System.Collections.Concurrent;
using QualityMonth.Model;

namespace QualityMonth.Diagnostics;

/// <summary>Collects every problem so a build reports all of them, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Error(string file, int line, Message message, int column = 0) => Report(Severity.Error, file, line, column, message);

    public void Warning(string file, int line, Message message, int column = 0) => Report(Severity.Warning, file, line, column, message);

    public void Error(SourceLocation at, Message message) => Report(Severity.Error, at, message);

    public void Warning(SourceLocation at, Message message) => Report(Severity.Warning, at, message);

    public void Report(Severity severity, SourceLocation at, Message message) => Report(severity, at.File, at.Line, at.Column, message);

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    /// <summary>Whether a file already failed: references to what it should have defined are not reported again.</summary>
    public bool HasErrorsIn(string file) => _items.Any(d => d.Severity == Severity.Error && d.File == file);

    /// <summary>Diagnostics in a stable order, the same in every language: by file, line, column, code and text.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
              .OrderBy(d => d.File, StringComparer.Ordinal)
              .ThenBy(d => d.Line)
              .ThenBy(d => d.Column)
              .ThenBy(d => d.Message.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message.English, StringComparer.Ordinal)
              .ToList();

    private void Report(Severity severity, string file, int line, int column, Message message) =>
        _items.Enqueue(new(severity, file, line, column, message));
}
