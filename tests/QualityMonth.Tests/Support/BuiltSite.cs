using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace QualityMonth.Tests.Support;

/// <summary>
/// The real input/ built by the real command line into a temp folder, for tests that only read the output. The unchanged
/// site (at the root, and under <see cref="BuiltSiteUnderSubPath.BasePath"/>) is built once per test run and shared by every
/// fixture of it; a fixture that changes the site first builds its own copy. A test that changes a site builds a
/// <see cref="TempSite"/> of its own.
/// </summary>
public class BuiltSite : IDisposable
{
    private static readonly Lazy<Build> AtRoot = new(() => Build.Shared(null));

    private readonly Build _build;
    private readonly HtmlParser _parser = new();

    public BuiltSite() : this(AtRoot.Value) { }

    /// <param name="change">What a fixture changes in its copy of the site before the build.</param>
    protected BuiltSite(string? basePath, Action<TempSite> change) : this(new Build(basePath, change)) { }

    private protected BuiltSite(Build build) => _build = build;

    public Generator.Result BuildResult => _build.Result;

    public string Output => _build.Site.Output;

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
        if (!_build.IsShared) _build.Site.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected sealed class Build
    {
        public Build(string? basePath, Action<TempSite>? change)
        {
            Site = new TempSite(basePath);
            change?.Invoke(Site);
            Result = Generator.Run("build", "--root", Site.Root);
            if (Result.ExitCode != 0)
                throw new InvalidOperationException("the site did not build:\n" + Result.All);
        }

        public static Build Shared(string? basePath)
        {
            var build = new Build(basePath, null) { IsShared = true };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => build.Site.Dispose();
            return build;
        }

        public TempSite Site { get; }

        public Generator.Result Result { get; }

        public bool IsShared { get; private init; }
    }
}

/// <summary>The real site built for mounting under a portal's sub-path.</summary>
public sealed class BuiltSiteUnderSubPath : BuiltSite
{
    public const string BasePath = "/ztzl/zly";

    private static readonly Lazy<Build> UnderSubPath = new(() => Build.Shared(BasePath + "/"));

    public BuiltSiteUnderSubPath() : base(UnderSubPath.Value) { }
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
