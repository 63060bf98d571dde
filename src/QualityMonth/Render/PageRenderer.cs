using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QualityMonth.Model;
using QualityMonth.Output;

namespace QualityMonth.Render;

#pragma warning disable BL0006 // The render tree is read to write the page (PageHtmlWriter).

/// <summary>
/// Renders the theme's Razor components with the framework's static renderer and writes each page's HTML once, from the
/// render tree (<see cref="PageHtmlWriter"/>): links are checked and mounted as they are written. The components are
/// given theme's: the built-in theme's, or the one the preview compiled after a template was saved.
/// </summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TreeRenderer _renderer;
    private readonly CompiledTheme _theme;
    private readonly RenderWorkspace _workspace;

    /// <param name="workspace">What the renderers of one worker share, page after page (a fresh one when null).</param>
    public PageRenderer(CompiledTheme theme, RenderWorkspace? workspace = null)
    {
        _theme = theme;
        _services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IComponentActivator>(ConstructorActivator.Instance).BuildServiceProvider();
        _workspace = workspace ?? new RenderWorkspace();
        _renderer = new TreeRenderer(_services, _workspace);
    }

    /// <summary>
    /// Makes each component with its parameterless constructor. The framework's default activator compiles a factory for
    /// every component type (an expression tree, then the JIT): about 60 compilations at the start of every build.
    /// </summary>
    private sealed class ConstructorActivator : IComponentActivator
    {
        public static readonly ConstructorActivator Instance = new();

        public IComponent CreateInstance([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type componentType) =>
            Activator.CreateInstance(componentType) as IComponent ?? throw new ArgumentException($"{componentType} is not a component", nameof(componentType));
    }

    /// <summary>The page's HTML as UTF-8; its links and ids go to <paramref name="links"/>.</summary>
    /// <param name="output">The output so far, for the pages that describe its files.</param>
    public Task<byte[]> RenderAsync(Site site, PageSpec page, IReadOnlyDictionary<string, string> assetUrls,
        IReadOnlyDictionary<PhotoRef, ProcessedPhoto> photos, SiteOutput output, PageLinks.PageLinkRecorder links)
    {
        var parameters = new Dictionary<string, object?>(page.Page.Parameters(site, output))
        {
            ["Ctx"] = _theme.PageContext(site, page.Language, page.SitePath, assetUrls, photos),
        };
        return _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = _renderer.BeginRenderingComponent(_theme.Component(page.Page.Component), ParameterView.FromDictionary(parameters));
            await root.QuiescenceTask;
            _workspace.Html.Clear();
            _renderer.Links = links;
            // The page goes to the workspace's buffer (TreeRenderer), not to the framework's writer.
            root.WriteHtmlTo(TextWriter.Null);
            return Utf8(_workspace.Html);
        });
    }

    /// <summary>The text of <paramref name="html"/> as UTF-8, encoded from its chunks without making it a string first.</summary>
    private static byte[] Utf8(StringBuilder html)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in html.GetChunks()) length += encoder.GetByteCount(chunk.Span, flush: false);
        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        // A page lives until the site is written: on the pinned-object heap it is never copied, where a young array is
        // copied by the next collection into the next generation, and again to the oldest (every page, twice).
        var bytes = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        var written = 0;
        foreach (var chunk in html.GetChunks()) written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }

    /// <summary>The framework's renderer, with the page written by <see cref="PageHtmlWriter"/> instead of its own HTML writer.</summary>
    private sealed class TreeRenderer(IServiceProvider services, RenderWorkspace workspace) : StaticHtmlRenderer(services, NullLoggerFactory.Instance)
    {
        /// <summary>Where the page being written hands its links; set on the dispatcher's thread before each page is written.</summary>
        public PageLinks.PageLinkRecorder? Links { get; set; }

        protected override void WriteComponentHtml(int componentId, TextWriter output) =>
            new PageHtmlWriter(GetCurrentRenderTreeFrames, Links ?? throw new InvalidOperationException("no page to write"), workspace.Html, workspace.Tokens)
                .Write(componentId);
    }
}

/// <summary>What one render worker keeps from page to page, whichever renderer writes them.</summary>
public sealed class RenderWorkspace
{
    /// <summary>The buffer pages are written into, one at a time. A page is tens of thousands of characters, so a buffer
    /// made per page lands on the large-object heap, and each such allocation brings a full garbage collection closer:
    /// reused, it is allocated once (a warm build of the real site made 14 full collections before, 3-4 after).</summary>
    internal StringBuilder Html { get; } = new(64 * 1024);

    /// <summary>The tokens of the theme's static HTML, split once per worker.</summary>
    internal MarkupTokenCache Tokens { get; } = new();
}
