namespace QualityMonth.Model;

/// <summary>Where a piece of content was read from, for error messages.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
