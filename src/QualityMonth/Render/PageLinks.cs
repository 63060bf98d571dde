using System.Collections.Concurrent;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Routing;

namespace QualityMonth.Render;

/// <summary>A finished page's element ids, and the pages (output paths) its links point into with a #fragment.</summary>
public sealed record PageAnchors(IReadOnlySet<string> Ids, IReadOnlySet<string> Targets);

/// <summary>
/// The links of the pages as they are written (<see cref="PageHtmlWriter"/> hands every URL attribute and id to the page's
/// <see cref="PageLinkRecorder"/>): content links point at the page's language, every root-relative URL is mounted under
/// the site's base path, and every internal link and anchor is checked. A broken link written in content is reported
/// where it is written; one the theme renders, once per template and address, with how many pages carry it.
/// </summary>
/// <remarks>
/// Pages are written one at a time, on any thread and in any order. What a page alone cannot decide (an anchor on
/// another page) is settled by <see cref="Report"/> once every page is finished, and problems are reported in page
/// order, so the diagnostics do not depend on the order the pages were written in.
/// </remarks>
public sealed class PageLinks
{
    private readonly Site _site;
    private readonly IReadOnlyList<PageSpec> _pages;
    private readonly SiteOutput _output;
    private readonly HashSet<string> _pagePaths;
    /// <summary>The ids on each finished page, by output path: the anchors links to it may name.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _idsByOutputPath = new(StringComparer.Ordinal);
    /// <summary>Per page (by its index in the plan), the links that may be broken, in document order.</summary>
    private readonly List<LinkProblem>?[] _problems;
    /// <summary>Per page (by its index in the plan), the pages its links name an anchor on.</summary>
    private readonly HashSet<string>[] _anchorTargets;

    /// <param name="pages">The pages to write, in plan order; links to any of them resolve.</param>
    /// <param name="otherPages">When only some pages are written again (the preview), the site's other pages, already in
    /// <paramref name="output"/>, by output path: links to them, and to their anchors, are checked against these.</param>
    public PageLinks(Site site, IReadOnlyList<PageSpec> pages, SiteOutput output, IReadOnlyDictionary<string, PageAnchors>? otherPages = null)
    {
        _site = site;
        _pages = pages;
        _output = output;
        _pagePaths = pages.Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, other) in otherPages ?? new Dictionary<string, PageAnchors>())
        {
            _pagePaths.Add(path);
            _idsByOutputPath[path] = other.Ids;
        }
        _problems = new List<LinkProblem>?[pages.Count];
        _anchorTargets = pages.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>For each page finished, its ids and the pages its anchored links point into: what the preview needs to know
    /// which pages to check again when a page's ids change.</summary>
    public IReadOnlyDictionary<string, PageAnchors> Anchors() =>
        _pages.Select((page, index) => (page.OutputPath, index))
              .ToDictionary(p => p.OutputPath, p => new PageAnchors(_idsByOutputPath[p.OutputPath], _anchorTargets[p.index]), StringComparer.Ordinal);

    /// <summary>What the writer of page number <paramref name="index"/> of the plan hands its URLs and ids to.</summary>
    public PageLinkRecorder Recorder(int index) => new(this, index);

    /// <summary>Adds page number <paramref name="index"/> of the plan, written with <paramref name="recorder"/>, to the output. Thread-safe.</summary>
    public void Finish(int index, PageLinkRecorder recorder, byte[] html)
    {
        _idsByOutputPath[_pages[index].OutputPath] = recorder.Ids;
        _problems[index] = recorder.Problems;
        _output.Add(_pages[index].OutputPath, html);
    }

    /// <summary>The URL as page number <paramref name="index"/> should carry it: checked, localised when it is written in
    /// content, and mounted under the base path when root-relative.</summary>
    private string Resolve(int index, string url, bool inContent, ref List<LinkProblem>? problems)
    {
        var page = _pages[index];
        if (url.StartsWith('#'))
        {
            // The page's ids are all known once it is written: the anchor is checked in Report.
            if (url.Length > 1)
                (problems ??= []).Add(new LinkProblem(url, BuildMessages.NoSuchId(), page.OutputPath, Uri.UnescapeDataString(url[1..])));
            return url;
        }
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;

        var hashAt = url.IndexOf('#');
        var path = hashAt < 0 ? url : url[..hashAt];
        var fragment = hashAt < 0 ? null : url[(hashAt + 1)..];
        if (inContent) path = SiteUrls.LocalizeContentLink(path, page.Language);

        var target = SiteUrls.OutputPath(path);
        var isPage = _pagePaths.Contains(target);
        if (!_output.Contains(target) && !isPage)
            (problems ??= []).Add(new LinkProblem(url, BuildMessages.NoSuchAddress()));
        else if (fragment is { Length: > 0 })
        {
            _anchorTargets[index].Add(target);
            // Named as written (without the language prefix), so a link is reported once, not once per language.
            var reason = BuildMessages.NoSuchAnchor(hashAt < 0 ? url : url[..hashAt], fragment);
            // The ids of a page are known once it is written: the anchor is checked in Report.
            (problems ??= []).Add(isPage ? new LinkProblem(url, reason, target, Uri.UnescapeDataString(fragment)) : new LinkProblem(url, reason));
        }
        return SiteUrls.Mount(_site.Settings, path) + (fragment is null ? "" : "#" + fragment);
    }

    /// <summary>Reports every broken link once all pages are finished, in page order.</summary>
    public void Report(DiagnosticBag diagnostics)
    {
        var brokenInTheme = new List<(string Url, Phrase Reason, PageSpec Page)>();
        for (var index = 0; index < _pages.Count; index++)
            foreach (var problem in _problems[index] ?? [])
            {
                if (problem.AnchorPage is { } target && _idsByOutputPath.TryGetValue(target, out var ids) && ids.Contains(problem.Anchor!))
                    continue;
                var written = _site.Links.Where(l => l.Url == problem.Url).ToList();
                if (written.Count > 0)
                    foreach (var link in written)
                        diagnostics.Error(link.Source, BuildMessages.BrokenLink(problem.Url, problem.Reason));
                else
                    brokenInTheme.Add((problem.Url, problem.Reason, _pages[index]));
            }

        foreach (var broken in brokenInTheme.GroupBy(b => (b.Page.Page.Component, b.Url, b.Reason)))
        {
            var component = broken.Key.Component;
            diagnostics.Error(TemplateFile(component), 0,
                BuildMessages.BrokenThemeLink(broken.Key.Url, component.Name, broken.Count(), broken.First().Page.UrlPath, broken.Key.Reason));
        }
    }

    /// <summary>A link that is broken, or, when <see cref="AnchorPage"/> is set, broken unless that page has the id <see cref="Anchor"/>.</summary>
    internal sealed record LinkProblem(string Url, Phrase Reason, string? AnchorPage = null, string? Anchor = null);

    /// <summary>The theme's source file of a page component: <c>QualityMonth.Theme.Pages.YearPage</c> → <c>theme/Pages/YearPage.razor</c>.</summary>
    internal static string TemplateFile(Type component) =>
        "theme/" + (component.Namespace ?? "").Replace("QualityMonth.Theme", "", StringComparison.Ordinal).Trim('.').Replace('.', '/') + "/" + component.Name + ".razor";

    /// <summary>One page's ids and links, recorded while it is written (by one thread).</summary>
    public sealed class PageLinkRecorder : IWrittenLinks
    {
        private readonly PageLinks _links;
        private readonly int _index;
        private List<LinkProblem>? _problems;

        internal PageLinkRecorder(PageLinks links, int index)
        {
            _links = links;
            _index = index;
        }

        internal HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        bool IWrittenLinks.Id(string id)
        {
            Ids.Add(id);
            return true;
        }

        internal List<LinkProblem>? Problems => _problems;

        /// <summary>The URL as the page carries it (see <see cref="PageLinks.Resolve"/>); <paramref name="inContent"/> when it
        /// is written in Markdown content.</summary>
        public string Url(string url, bool inContent) => _links.Resolve(_index, url, inContent, ref _problems);
    }
}
