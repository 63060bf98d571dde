namespace QualityMonth.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem in the site's input, located as precisely as the input allows.</summary>
/// <param name="File">Path relative to the site root, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind}: {Message}";
    }
}
