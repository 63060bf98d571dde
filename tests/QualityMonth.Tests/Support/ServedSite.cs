namespace QualityMonth.Tests.Support;

/// <summary>A <see cref="BuiltSite"/> served over HTTP by a <see cref="StaticServer"/>, for browser tests.</summary>
public class ServedSite : IAsyncLifetime
{
    private readonly string _basePath;
    private StaticServer? _server;

    public ServedSite() : this(new BuiltSite(), "") { }

    protected ServedSite(BuiltSite site, string basePath)
    {
        Site = site;
        _basePath = basePath;
    }

    public BuiltSite Site { get; }

    /// <summary>The address of a site path (<c>/en/2024/</c>) on the running server, base path included.</summary>
    public string Url(string path) => _server!.BaseUrl + path;

    public async Task InitializeAsync() => _server = await StaticServer.StartAsync(Site.Output, _basePath);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Site.Dispose();
    }
}

/// <summary>The site built for and served under the portal sub-path <see cref="BuiltSiteUnderSubPath.BasePath"/>.</summary>
public sealed class ServedSiteUnderSubPath : ServedSite
{
    public ServedSiteUnderSubPath() : base(new BuiltSiteUnderSubPath(), BuiltSiteUnderSubPath.BasePath) { }
}
