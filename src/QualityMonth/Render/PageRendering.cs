using QualityMonth.Model;
using QualityMonth.PostProcess;

namespace QualityMonth.Render;

/// <summary>
/// Renders every page and finishes it (<see cref="HtmlPostProcessor"/>) at once, on every core: each worker takes the
/// next page of the plan, so a page's HTML lives only while it is parsed and written to the output. The output does
/// not depend on which worker made which page.
/// </summary>
public static class PageRendering
{
    public static async Task RenderAllAsync(Site site, IReadOnlyList<PageSpec> pages, IReadOnlyDictionary<string, string> assetUrls,
        IReadOnlyDictionary<PhotoRef, ProcessedPhoto> photos, HtmlPostProcessor finisher)
    {
        var next = -1;
        async Task Work()
        {
            await using var renderer = new PageRenderer();
            for (int index; (index = Interlocked.Increment(ref next)) < pages.Count;)
                finisher.Finish(index, await renderer.RenderAsync(site, pages[index], assetUrls, photos));
        }
        var workers = Math.Clamp(pages.Count, 1, Environment.ProcessorCount);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Work)));
    }
}
