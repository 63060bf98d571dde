namespace QualityMonth.Scaffold;

/// <summary>A message for staff in both languages (the command prints both).</summary>
public sealed record Bilingual(string Zh, string En);

/// <summary>What a <c>new</c> command wrote, and what staff do next.</summary>
/// <param name="Created">Files created, relative to the site root.</param>
/// <param name="Changed">Files added to, relative to the site root.</param>
public sealed record ScaffoldReport(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, IReadOnlyList<Bilingual> Next);

/// <summary>
/// The command refused and wrote nothing: the year exists, the city is unknown, the id is taken…
/// Raised from wherever the reason is found; the command prints it and exits 1.
/// </summary>
public sealed class ScaffoldRefusedException(Bilingual reason) : Exception(reason.En)
{
    public Bilingual Reason { get; } = reason;
}
