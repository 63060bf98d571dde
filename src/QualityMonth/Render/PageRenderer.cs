using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QualityMonth.Model;
using QualityMonth.Theme;

namespace QualityMonth.Render;

/// <summary>Renders the theme's Razor components to static HTML with the framework's <see cref="HtmlRenderer"/>.</summary>
public sealed class PageRenderer : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    public PageRenderer()
    {
        _services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    public Task<string> RenderAsync(Site site, PageSpec page, IReadOnlyDictionary<string, string> assetUrls,
        IReadOnlyDictionary<PhotoRef, ProcessedPhoto> photos)
    {
        var parameters = new Dictionary<string, object?>(page.Parameters)
        {
            ["Ctx"] = new PageContext(site, page.Language, page.SitePath, assetUrls, photos),
        };
        return _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync(page.Component, ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
