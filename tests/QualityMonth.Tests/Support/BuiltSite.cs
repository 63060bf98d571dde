using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace QualityMonth.Tests.Support;

/// <summary>The real input/ built once by the real command line into a temp folder, shared by a test class.</summary>
public class BuiltSite : IDisposable
{
    private readonly TempSite _site;
    private readonly HtmlParser _parser = new();

    public BuiltSite() : this(null) { }

    /// <param name="change">What a fixture changes in its copy of the site before the build.</param>
    protected BuiltSite(string? basePath, Action<TempSite>? change = null)
    {
        _site = new TempSite(basePath);
        change?.Invoke(_site);
        BuildResult = Generator.Run("build", "--root", _site.Root);
        if (BuildResult.ExitCode != 0)
            throw new InvalidOperationException("the site did not build:\n" + BuildResult.All);
    }

    public Generator.Result BuildResult { get; }

    public string Output => _site.Output;

    public IEnumerable<string> HtmlFiles =>
        Directory.GetFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public IHtmlDocument Page(string outputRelativePath)
    {
        var path = Path.Combine(Output, outputRelativePath.TrimStart('/'));
        if (path.EndsWith('/')) path += "index.html";
        Assert.True(File.Exists(path), $"page {outputRelativePath} was not built");
        return _parser.ParseDocument(File.ReadAllText(path));
    }

    public void Dispose()
    {
        _site.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The real site built for mounting under a portal's sub-path.</summary>
public sealed class BuiltSiteUnderSubPath : BuiltSite
{
    public const string BasePath = "/ztzl/zly";

    public BuiltSiteUnderSubPath() : base(BasePath + "/") { }
}

/// <summary>
/// The real site with translations taken away (the 2024 notice's text, Yong'an's leads), to show what English
/// pages do with untranslated text now that the real content is fully translated.
/// </summary>
public sealed class PartlyTranslatedSite() : BuiltSite(null, site =>
{
    File.Delete(site.PathOf("input/2024/notices/provincial.en.md"));
    site.Edit("input/2023/activities/yongan.yml", "    lead_en: 'Quality Section'\n", "");
});
