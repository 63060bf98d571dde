using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;

namespace QualityMonth.Build;

/// <summary>What the build's later steps share: the site model, the pages planned, and the output so far.</summary>
/// <param name="PreviousOutput">The published site this build follows, when there is one: the output folder this build
/// will replace, or the live release a deployment builds on (<c>build --previous</c>). Its feeds carry state
/// (calendar SEQUENCE numbers) from one build to the next.</param>
public sealed record BuildContext(
    string SiteRoot,
    Site Site,
    IReadOnlyList<PageSpec> Pages,
    IReadOnlyDictionary<PhotoRef, ProcessedPhoto> Photos,
    SiteOutput Output,
    DiagnosticBag Diagnostics,
    string? PreviousOutput,
    PipelineMode Mode);

/// <summary>
/// What a run of the engine is for. All run the same checks; a check makes no images (photos, share cards) and no
/// search index, which take the time and only a published site needs, and writes nothing; the preview keeps its site
/// in memory between runs, to run again for the paths that changed (<see cref="SiteEngine"/>).
/// </summary>
public enum PipelineMode { Build, Check, Preview }

/// <summary>A file (or files) of the site that is not a themed page: data, feeds, calendars, robots.txt.</summary>
public interface IFileGenerator
{
    void Generate(BuildContext build);

    /// <summary>Whether the generator reads the content file at this site-relative path: when the preview's engine runs
    /// again for changed content files, a generator that reads none of them keeps its files.</summary>
    bool Reads(string contentFile) => true;
}
