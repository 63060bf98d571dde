using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QualityMonth.Build;
using QualityMonth.Cli;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;

namespace QualityMonth.Preview;

/// <summary>
/// Serves the site from memory on 127.0.0.1 (Kestrel), rebuilds when the content, the theme's assets
/// or the settings change, and tells open pages to reload. A build error is shown in the browser page;
/// the server keeps running and the page recovers once the error is fixed. A theme that does not compile leaves the
/// last good site served, its errors listed at the top of every page.
/// </summary>
public static class PreviewServer
{
    public const string EventsPath = "/__preview/events";

    /// <summary>
    /// The reload script is a file, not inline, so the pages' Content-Security-Policy (scripts from the site's own
    /// origin only) lets it run in the preview as it would any of the site's scripts.
    /// </summary>
    public const string ReloadScriptPath = "/__preview/reload.js";

    /// <summary>The Host names the preview answers: this machine's own.</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <param name="previousOutput">The published site the preview follows, as a build's (see <see cref="BuildContext.PreviousOutput"/>).</param>
    /// <param name="warmUpTemplates">Have the template compiler loaded in the background once the site is served (<see cref="SiteEngine.WarmUpThemeCompiler"/>).</param>
    public static async Task<int> RunAsync(string siteRoot, int port, Locale language, string? previousOutput, bool warmUpTemplates, CancellationToken cancel)
    {
        var reporter = new Reporter(Reporter.DefaultFormat, language);
        var state = new PreviewState(language);
        await using var site = new SiteEngine(siteRoot, new EngineOptions { Mode = PipelineMode.Preview, PreviousOutput = previousOutput, Language = language });
        Report(await site.RunAsync(), state, reporter, System.Diagnostics.Stopwatch.StartNew());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        // DNS rebinding: a page on another site whose name is made to resolve to 127.0.0.1 could read unpublished
        // drafts; its requests carry that name in Host, so only loopback names are answered (400 otherwise).
        builder.Services.AddHostFiltering(options =>
        {
            options.AllowedHosts = LoopbackHosts;
            options.AllowEmptyHosts = false;
        });
        var app = builder.Build();
        app.UseHostFiltering();
        app.MapGet(EventsPath, (HttpContext context) => StreamReloads(context, state));
        app.MapGet(ReloadScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Write(context, HttpStatusCode.OK, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ReloadScriptSource));
        });
        // "{**path}": the default fallback pattern skips paths that look like files (site.css, pagefind.js).
        app.MapFallback("{**path}", (HttpContext context) => Serve(context, state));

        using var watcher = new SiteWatcher(siteRoot, async changed =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Report(await site.RunAsync(changed, state.Publish), state, reporter, clock);
        });
        await app.StartAsync(cancel);
        Console.WriteLine(reporter.Strings.PreviewServing($"http://127.0.0.1:{port}{state.BasePath}/", "input/, theme/, statiq.json"));
        if (warmUpTemplates) site.WarmUpThemeCompiler();
        try { await Task.Delay(Timeout.Infinite, cancel); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    private static void Report(BuildResult build, PreviewState state, Reporter reporter, System.Diagnostics.Stopwatch clock)
    {
        if (build.Kind == RunKind.None) return;
        state.Publish(build);
        reporter.Diagnostics(build.Diagnostics);
        Console.WriteLine(build.Succeeded ? reporter.Strings.PreviewRebuilt(clock.ElapsedMilliseconds) : reporter.Strings.PreviewFailed(build.Diagnostics.Count(d => d.Severity == Severity.Error)));
    }

    private static async Task StreamReloads(HttpContext context, PreviewState state)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var version = state.Version;
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await state.WaitForChange(version, context.RequestAborted);
                (version, var changedPages) = state.ChangesSince(version);
                // "reload" alone: every page; else the pages that changed, one per line (a page reloads when it is named).
                var data = changedPages is null ? "data: reload\n" : string.Concat(changedPages.Select(page => $"data: {page}\n"));
                await context.Response.WriteAsync($"event: reload\n{data}\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) { }
    }

    private static async Task Serve(HttpContext context, PreviewState state)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (site, errors, basePath) = state.Current;
        var requestPath = context.Request.Path.Value ?? "/";
        if (errors is not null && site is null)
        {
            await Write(context, HttpStatusCode.InternalServerError, "text/html; charset=utf-8", ErrorPage(errors, state.Language));
            return;
        }
        if (basePath.Length > 0 && !requestPath.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            context.Response.Redirect(basePath + "/");
            return;
        }
        var sitePath = requestPath[basePath.Length..];
        var file = Routing.SiteUrls.OutputPath(sitePath);
        if (!site!.TryGet(file, out var bytes))
        {
            if (!sitePath.EndsWith('/') && site.Contains(file + "/index.html"))
            {
                context.Response.Redirect(requestPath + "/");
                return;
            }
            var notFound = sitePath.StartsWith("/en/", StringComparison.Ordinal) && site.TryGet("en/404.html", out var en) ? en : site.TryGet("404.html", out var zh) ? zh : [];
            await Write(context, HttpStatusCode.NotFound, "text/html; charset=utf-8", WithReloadScript(notFound));
            return;
        }
        var contentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        if (contentType == "text/html") contentType = "text/html; charset=utf-8";
        var page = !file.EndsWith(".html", StringComparison.Ordinal) ? bytes
            : errors is null ? WithReloadScript(bytes) : WithErrors(bytes, errors, state.Language);
        await Write(context, HttpStatusCode.OK, contentType, page);
    }

    private static Task Write(HttpContext context, HttpStatusCode status, string contentType, byte[] body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>
    /// Only preview pages get this script; built sites carry none. A page reloads when the update names it; the
    /// error page (<c>data-every-update</c>) on every update, as it stands in for every page.
    /// </summary>
    private const string ReloadScriptSource =
        "const everyUpdate = document.currentScript.hasAttribute('data-every-update');\n" +
        $"new EventSource('{EventsPath}').addEventListener('reload', e => {{\n" +
        "  const pages = e.data.split('\\n');\n" +
        "  if (everyUpdate || pages[0] === 'reload' || pages.includes(location.pathname)) location.reload();\n" +
        "});\n";

    private const string ReloadScript = $"<script src=\"{ReloadScriptPath}\"></script>";

    private const string ErrorReloadScript = $"<script src=\"{ReloadScriptPath}\" data-every-update></script>";

    private static byte[] WithReloadScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(at < 0 ? text + ReloadScript : text.Insert(at, ReloadScript));
    }

    /// <summary>A page of the last good site, with the errors that keep it from being updated at the top of its body.</summary>
    private static byte[] WithErrors(byte[] html, IReadOnlyList<Diagnostic> errors, Locale language)
    {
        // Found in the bytes, not the decoded text: ASCII bytes never occur inside a UTF-8 multi-byte character.
        ReadOnlySpan<byte> page = html;
        var bodyStart = page.IndexOf("<body"u8) is var at and >= 0 ? at + page[at..].IndexOf((byte)'>') + 1 : 0;
        var bodyEnd = page.LastIndexOf("</body>"u8) is var end and >= 0 ? end : page.Length;
        return [.. page[..bodyStart], .. Encoding.UTF8.GetBytes(ErrorList(errors, language)), .. page[bodyStart..bodyEnd],
            .. Encoding.UTF8.GetBytes(ErrorReloadScript), .. page[bodyEnd..]];
    }

    private static string ErrorList(IReadOnlyList<Diagnostic> errors, Locale language) =>
        "<ul id=\"build-errors\">" + string.Concat(errors.Select(e => $"<li><code>{WebUtility.HtmlEncode(e.ToLine(language))}</code></li>")) + "</ul>";

    private static byte[] ErrorPage(IReadOnlyList<Diagnostic> errors, Locale language)
    {
        return Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>构建失败 Build failed</title>" +
            "<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}code{white-space:pre-wrap;color:#9b1c1c}</style></head>" +
            $"<body><h1>构建失败 / Build failed</h1><p>修正以下问题后页面会自动刷新。Fix these and the page reloads by itself.</p>{ErrorList(errors, language)}{ErrorReloadScript}</body></html>");
    }

    /// <summary>The latest build, swapped atomically; waiters are woken on every new build.</summary>
    private sealed class PreviewState(Locale language)
    {
        public Locale Language => language;

        private readonly object _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (SiteOutput? Site, IReadOnlyList<Diagnostic>? Errors, string BasePath) _current = (null, [], "");
        // What the last updates changed, for readers that wake after more than one (null: any page).
        private readonly Queue<(int Version, IReadOnlyList<string>? Pages)> _recent = new();

        public int Version { get; private set; }

        /// <summary>The current version, and the pages changed since <paramref name="seenVersion"/> (null: any page).</summary>
        public (int Version, IReadOnlyList<string>? ChangedPages) ChangesSince(int seenVersion)
        {
            lock (_gate)
            {
                var missed = _recent.Where(r => r.Version > seenVersion).ToList();
                if (missed.Count < Version - seenVersion || missed.Any(r => r.Pages is null)) return (Version, null);
                return (Version, missed.SelectMany(r => r.Pages!).Distinct(StringComparer.Ordinal).ToList());
            }
        }

        public (SiteOutput? Site, IReadOnlyList<Diagnostic>? Errors, string BasePath) Current
        {
            get { lock (_gate) return _current; }
        }

        public string BasePath => Current.BasePath;

        public void Publish(BuildResult build)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                // After an error page every page reloads: it stood in for all of them.
                var changedPages = build.Succeeded && _current.Errors is null ? build.ChangedPages : null;
                // A theme that does not compile leaves the last good site served (with its errors on every page).
                var lastGood = build.Kind == RunKind.Theme ? _current.Site : null;
                _current = build.Succeeded
                    ? (build.Output, null, build.Settings!.BasePath)
                    : (lastGood, build.Diagnostics.Where(d => d.Severity == Severity.Error).ToList(), _current.BasePath);
                Version++;
                _recent.Enqueue((Version, changedPages));
                if (_recent.Count > 16) _recent.Dequeue();
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            changed.TrySetResult();
        }

        public Task WaitForChange(int seenVersion, CancellationToken cancel)
        {
            lock (_gate)
                return Version != seenVersion ? Task.CompletedTask : _changed.Task.WaitAsync(cancel);
        }
    }
}
