namespace QualityMonth.Model;

/// <summary>Where a piece of content was read from, for error messages.</summary>
/// <param name="Column">1-based column, or 0 when not known.</param>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
