using QualityMonth.Model;
using QualityMonth.Output;

namespace QualityMonth.Render;

/// <summary>
/// Renders every page on every core: each worker takes the next page of the plan and writes its HTML, links checked
/// and mounted (<see cref="PageLinks"/>), to the output. The output does not depend on which worker made which page.
/// </summary>
public static class PageRendering
{
    private const int PagesPerRenderer = 50;

    public static async Task RenderAllAsync(Site site, IReadOnlyList<PageSpec> pages, IReadOnlyDictionary<string, string> assetUrls,
        IReadOnlyDictionary<PhotoRef, ProcessedPhoto> photos, SiteOutput output, PageLinks links, CompiledTheme theme)
    {
        var next = -1;
        async Task Work()
        {
            var workspace = new RenderWorkspace();
            var renderer = new PageRenderer(theme, workspace);
            try
            {
                for (int index, rendered = 0; (index = Interlocked.Increment(ref next)) < pages.Count; rendered++)
                {
                    // A renderer keeps every component it rendered until it is disposed: a fresh one now and then
                    // keeps the heap small, which matters more than the cost of making one.
                    if (rendered == PagesPerRenderer)
                    {
                        await renderer.DisposeAsync();
                        renderer = new PageRenderer(theme, workspace);
                        rendered = 0;
                    }
                    var recorder = links.Recorder(index);
                    links.Finish(index, recorder, await renderer.RenderAsync(site, pages[index], assetUrls, photos, output, recorder));
                }
            }
            finally
            {
                await renderer.DisposeAsync();
            }
        }
        var workers = Math.Clamp(pages.Count, 1, Environment.ProcessorCount);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Work)));
    }
}
