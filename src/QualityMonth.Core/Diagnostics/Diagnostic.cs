using QualityMonth.Model;

namespace QualityMonth.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem in the site's input, located as precisely as the input allows.</summary>
/// <param name="File">Path relative to the site root, with forward slashes.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when not known.</param>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, Message Message)
{
    /// <summary>
    /// The one-line form tools and logs match on, <c>path:line: error: message [code]</c>: the severity stays
    /// an English keyword in every language, so a pattern written once finds the problems.
    /// </summary>
    public string ToLine(Locale language)
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind}: {Message.In(language)} [{Message.Code}]";
    }
}
