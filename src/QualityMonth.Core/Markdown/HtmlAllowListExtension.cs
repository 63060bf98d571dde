using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QualityMonth.Markdown;

/// <summary>
/// The raw HTML policy of content Markdown (docs/content-format.md): a government site publishes no markup staff
/// did not mean, so raw HTML is removed from the parsed document, except <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>
/// and <c>&lt;br&gt;</c> without attributes, which cannot run or load anything. What it removes is kept on the
/// document (<see cref="Dropped"/>) for the caller to report with its file.
/// </summary>
public sealed partial class HtmlAllowListExtension : IMarkdownExtension
{
    private static readonly object DroppedKey = new();

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Enforce;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) { }

    /// <summary>The raw HTML this extension removed from <paramref name="document"/>, in document order.</summary>
    public static IReadOnlyList<DroppedHtml> Dropped(MarkdownDocument document) =>
        document.GetData(DroppedKey) as IReadOnlyList<DroppedHtml> ?? [];

    private static void Enforce(MarkdownDocument document)
    {
        var dropped = new List<DroppedHtml>();
        foreach (var block in document.Descendants<HtmlBlock>().ToList())
        {
            var html = block.Lines.ToString();
            if (AllowedOnly().IsMatch(html)) continue;
            dropped.Add(new DroppedHtml(block.Line + 1, block.Column + 1, FirstRefused(html)));
            block.Parent!.Remove(block);
        }
        foreach (var inline in document.Descendants<HtmlInline>().ToList())
        {
            if (AllowedOnly().IsMatch(inline.Tag)) continue;
            dropped.Add(new DroppedHtml(inline.Line + 1, inline.Column + 1, Shorten(inline.Tag)));
            inline.Remove();
        }
        document.SetData(DroppedKey, dropped.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
    }

    /// <summary>The first tag in an HTML block that is not allowed, or its first line when it holds none.</summary>
    private static string FirstRefused(string html) =>
        Shorten(Tag().Matches(html).Select(m => m.Value).FirstOrDefault(tag => !AllowedOnly().IsMatch(tag))
                ?? html.Split('\n')[0].Trim());

    private static string Shorten(string html) => html.Length <= 100 ? html : html[..99] + "…";

    [GeneratedRegex(@"^\s*(?:</?(?:sup|sub|br)\s*/?>\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedOnly();

    [GeneratedRegex("<[^>]*>?")]
    private static partial Regex Tag();
}

/// <summary>Raw HTML removed from a Markdown document, where it was written (1-based line and column).</summary>
public sealed record DroppedHtml(int Line, int Column, string Html);
