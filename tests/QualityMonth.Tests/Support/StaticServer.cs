using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace QualityMonth.Tests.Support;

/// <summary>
/// Serves a built output folder on 127.0.0.1 like a plain static host would (index.html for folders,
/// 404.html for missing pages), optionally under a sub-path.
/// </summary>
public sealed class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The site's URL, without a trailing slash: http://127.0.0.1:port[/sub/path].</summary>
    public string BaseUrl { get; }

    public static async Task<StaticServer> StartAsync(string folder, string basePath = "")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        void Site(IApplicationBuilder branch)
        {
            branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            // A plain static host serves every file; ASP.NET would refuse types it does not know, such as
            // the search index's .pf_meta, .pf_index, .pf_fragment and .pagefind files.
            branch.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
            branch.Run(async context =>
            {
                var english = context.Request.Path.StartsWithSegments("/en");
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(Path.Combine(folder, english ? "en/404.html" : "404.html"));
            });
        }
        if (basePath.Length == 0) Site(app);
        else app.Map(basePath, Site);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticServer(app, address.TrimEnd('/') + basePath);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
