using System.Collections.Concurrent;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Routing;

namespace QualityMonth.PostProcess;

/// <summary>A finished page's element ids, and the pages (output paths) its links point into with a #fragment.</summary>
public sealed record PageAnchors(IReadOnlySet<string> Ids, IReadOnlySet<string> Targets);

/// <summary>
/// Finishes rendered pages with AngleSharp: gives content headings ids, points content links at the
/// page's language, checks that every internal link and anchor resolves, and mounts every
/// root-relative URL under the site's base path. A broken link written in content is reported where it is
/// written; one the theme renders, once per template and address, with how many pages carry it.
/// </summary>
/// <remarks>
/// Pages are finished one at a time, on any thread and in any order, as soon as they are rendered: each page's
/// document is dropped when its HTML is written. What a page alone cannot decide (an anchor on another page) is
/// settled by <see cref="Report"/> once every page is finished, and problems are reported in page order, so the
/// diagnostics do not depend on the order the pages were finished in.
/// </remarks>
public sealed class HtmlPostProcessor
{
    private static readonly string[] UrlAttributes = ["href", "src", "action"];

    /// <summary>One parser per thread: pages are finished in parallel.</summary>
    [ThreadStatic] private static HtmlParser? t_parser;

    private readonly Site _site;
    private readonly IReadOnlyList<PageSpec> _pages;
    private readonly SiteOutput _output;
    private readonly HashSet<string> _pagePaths;
    /// <summary>The ids on each finished page, by output path: the anchors links to it may name.</summary>
    private readonly ConcurrentDictionary<string, HashSet<string>> _idsByOutputPath = new(StringComparer.Ordinal);
    /// <summary>Per page (by its index in the plan), the links that may be broken, in document order.</summary>
    private readonly List<LinkProblem>?[] _problems;
    /// <summary>Per page (by its index in the plan), the pages its links name an anchor on.</summary>
    private readonly HashSet<string>[] _anchorTargets;

    /// <param name="pages">The pages to finish, in plan order; links to any of them resolve.</param>
    /// <param name="otherPages">When only some pages are finished again (the preview), the site's other pages, already in
    /// <paramref name="output"/>, by output path: links to them, and to their anchors, are checked against these.</param>
    public HtmlPostProcessor(Site site, IReadOnlyList<PageSpec> pages, SiteOutput output, IReadOnlyDictionary<string, PageAnchors>? otherPages = null)
    {
        _site = site;
        _pages = pages;
        _output = output;
        _pagePaths = pages.Select(p => p.OutputPath).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, other) in otherPages ?? new Dictionary<string, PageAnchors>())
        {
            _pagePaths.Add(path);
            _idsByOutputPath[path] = other.Ids.ToHashSet(StringComparer.Ordinal);
        }
        _problems = new List<LinkProblem>?[pages.Count];
        _anchorTargets = pages.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>For each page finished, its ids and the pages its anchored links point into: what the preview needs to know
    /// which pages to check again when a page's ids change.</summary>
    public IReadOnlyDictionary<string, PageAnchors> Anchors() =>
        _pages.Select((page, index) => (page.OutputPath, index))
              .ToDictionary(p => p.OutputPath, p => new PageAnchors(_idsByOutputPath[p.OutputPath], _anchorTargets[p.index]), StringComparer.Ordinal);

    /// <summary>Finishes page number <paramref name="index"/> of the plan and adds it to the output. Thread-safe.</summary>
    public void Finish(int index, string html)
    {
        var page = _pages[index];
        var document = (t_parser ??= new HtmlParser()).ParseDocument(html);
        var elements = document.All.ToList();
        var ids = elements.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        AssignHeadingIds(elements, ids);
        _idsByOutputPath[page.OutputPath] = ids;
        List<LinkProblem>? problems = null;

        foreach (var element in elements)
        {
            foreach (var attribute in UrlAttributes)
                if (element.GetAttribute(attribute) is { } url)
                    element.SetAttribute(attribute, Resolve(element, url));
            // srcset lists "url width" candidates: each URL is checked and mounted like a src.
            if (element.GetAttribute("srcset") is { } srcset)
                element.SetAttribute("srcset", string.Join(", ", srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(candidate => candidate.Split(' ', 2) is [var url, var descriptor] ? $"{Resolve(element, url)} {descriptor}" : Resolve(element, candidate))));
        }
        _problems[index] = problems;
        _output.Add(page.OutputPath, Serialize(document));

        // The URL as the page should carry it: checked, and mounted under the base path when root-relative.
        string Resolve(IElement element, string url)
        {
            if (url.StartsWith('#'))
            {
                if (url.Length > 1 && !ids.Contains(Uri.UnescapeDataString(url[1..])))
                    (problems ??= []).Add(new LinkProblem(url, BuildMessages.NoSuchId()));
                return url;
            }
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;

            var hashAt = url.IndexOf('#');
            var path = hashAt < 0 ? url : url[..hashAt];
            var fragment = hashAt < 0 ? null : url[(hashAt + 1)..];
            if (!page.Language.IsDefault && IsInProse(element) && !path.StartsWith($"/{page.Language.Prefix}/", StringComparison.Ordinal))
                path = page.Language.Localize(path);

            var target = OutputPaths.ForUrlPath(path);
            var isPage = _pagePaths.Contains(target);
            if (!_output.Contains(target) && !isPage)
                (problems ??= []).Add(new LinkProblem(url, BuildMessages.NoSuchAddress()));
            else if (fragment is { Length: > 0 })
            {
                _anchorTargets[index].Add(target);
                // Named as written (without the language prefix), so a link is reported once, not once per language.
                var reason = BuildMessages.NoSuchAnchor(hashAt < 0 ? url : url[..hashAt], fragment);
                // The ids of another page are known once it is finished: the anchor is checked in Report.
                if (!isPage) (problems ??= []).Add(new LinkProblem(url, reason));
                else if (target != page.OutputPath || !ids.Contains(Uri.UnescapeDataString(fragment)))
                    (problems ??= []).Add(new LinkProblem(url, reason, target, Uri.UnescapeDataString(fragment)));
            }
            return _site.Settings.Mount(path) + (fragment is null ? "" : "#" + fragment);
        }
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

        foreach (var broken in brokenInTheme.GroupBy(b => (b.Page.Component, b.Url, b.Reason)))
        {
            var component = broken.Key.Component;
            diagnostics.Error(TemplateFile(component), 0,
                BuildMessages.BrokenThemeLink(broken.Key.Url, component.Name, broken.Count(), broken.First().Page.UrlPath, broken.Key.Reason));
        }
    }

    /// <summary>The page as UTF-8, with the final newline every page ends with.</summary>
    private static byte[] Serialize(IHtmlDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, Utf8WithoutBom, bufferSize: 16 * 1024, leaveOpen: true))
        {
            document.ToHtml(writer, HtmlMarkupFormatter.Instance);
            writer.Write('\n');
        }
        return buffer.ToArray();
    }

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A link that is broken, or, when <see cref="AnchorPage"/> is set, broken unless that page has the id <see cref="Anchor"/>.</summary>
    private sealed record LinkProblem(string Url, Phrase Reason, string? AnchorPage = null, string? Anchor = null);

    /// <summary>The theme's source file of a page component: <c>QualityMonth.Theme.Pages.YearPage</c> → <c>theme/Pages/YearPage.razor</c>.</summary>
    private static string TemplateFile(Type component) =>
        "theme/" + (component.Namespace ?? "").Replace("QualityMonth.Theme", "", StringComparison.Ordinal).Trim('.').Replace('.', '/') + "/" + component.Name + ".razor";

    /// <summary>Gives each heading in Markdown content (<c>.prose h2</c> … <c>h6</c>) an id made from its text, unique on the page.</summary>
    /// <param name="elements">The page's elements, in document order.</param>
    /// <param name="ids">The ids on the page; the new ones are added.</param>
    private static void AssignHeadingIds(IEnumerable<IElement> elements, HashSet<string> ids)
    {
        foreach (var heading in elements)
        {
            if (heading.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6") || heading.Id is not null
                || heading.ParentElement is not { } parent || !IsInProse(parent)) continue;
            var baseId = Slugify(heading.TextContent);
            var id = baseId;
            for (var n = 2; !ids.Add(id); n++) id = $"{baseId}-{n}";
            heading.Id = id;
        }
    }

    /// <summary>Whether <paramref name="element"/> is or is inside Markdown content: <c>element.Closest(".prose")</c>, without
    /// AngleSharp's selector cache, whose lock the parallel workers queued on.</summary>
    private static bool IsInProse(IElement element)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
            if (e.ClassList.Contains("prose")) return true;
        return false;
    }

    internal static string Slugify(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if ((char.IsWhiteSpace(c) || c == '-') && builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }
}
