using System.Collections.Concurrent;

namespace QualityMonth.Diagnostics;

/// <summary>Collects every problem so a build reports all of them, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Error(string file, int line, string message) => _items.Enqueue(new(Severity.Error, file, line, message));

    public void Warning(string file, int line, string message) => _items.Enqueue(new(Severity.Warning, file, line, message));

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int Count => _items.Count;

    /// <summary>Whether a file already failed: references to what it should have defined are not reported again.</summary>
    public bool HasErrorsIn(string file) => _items.Any(d => d.Severity == Severity.Error && d.File == file);

    /// <summary>Diagnostics in a stable order: by file, then line, then message.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
              .OrderBy(d => d.File, StringComparer.Ordinal)
              .ThenBy(d => d.Line)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
