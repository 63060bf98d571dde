using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Build;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Routing;

namespace QualityMonth.PostProcess;

/// <summary>A page as the theme rendered it, before post-processing.</summary>
public sealed record RenderedPage(PageSpec Spec, string Html);

/// <summary>A finished page's element ids, and the pages (output paths) its links point into with a #fragment.</summary>
public sealed record PageAnchors(IReadOnlySet<string> Ids, IReadOnlySet<string> Targets);

/// <summary>
/// Finishes rendered pages with AngleSharp: gives content headings ids, points content links at the
/// page's language, checks that every internal link and anchor resolves, and mounts every
/// root-relative URL under the site's base path. A broken link written in content is reported where it is
/// written; one the theme renders, once per template and address, with how many pages carry it.
/// </summary>
public static class HtmlPostProcessor
{
    private static readonly string[] UrlAttributes = ["href", "src", "action"];

    /// <param name="otherPages">The ids of the site's pages that are not in <paramref name="pages"/>, by output path, when only some
    /// pages are processed again (the preview): links to them are checked against these.</param>
    /// <returns>For each page processed, its ids and the pages its anchored links point into.</returns>
    public static IReadOnlyDictionary<string, PageAnchors> Process(Site site, IReadOnlyList<RenderedPage> pages, SiteOutput output, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, PageAnchors>? otherPages = null)
    {
        var parser = new HtmlParser();
        var documents = pages.Select(p => (Page: p, Document: parser.ParseDocument(p.Html))).ToList();
        var idsByOutputPath = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (path, other) in otherPages ?? new Dictionary<string, PageAnchors>())
            idsByOutputPath[path] = other.Ids;
        var anchorTargets = pages.ToDictionary(p => p.Spec.OutputPath, _ => new HashSet<string>(StringComparer.Ordinal));
        var brokenInTheme = new List<(string Url, Phrase Reason, PageSpec Page)>();
        foreach (var (page, document) in documents)
        {
            AssignHeadingIds(document);
            idsByOutputPath[page.Spec.OutputPath] = document.All.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }

        foreach (var (page, document) in documents)
        {
            foreach (var element in document.All.ToList())
            {
                foreach (var attribute in UrlAttributes)
                    if (element.GetAttribute(attribute) is { } url)
                        element.SetAttribute(attribute, Resolve(element, url));
                // srcset lists "url width" candidates: each URL is checked and mounted like a src.
                if (element.GetAttribute("srcset") is { } srcset)
                    element.SetAttribute("srcset", string.Join(", ", srcset.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Select(candidate => candidate.Split(' ', 2) is [var url, var descriptor] ? $"{Resolve(element, url)} {descriptor}" : Resolve(element, candidate))));
            }
            output.Add(page.Spec.OutputPath, document.ToHtml() + "\n");

            // The URL as the page should carry it: checked, and mounted under the base path when root-relative.
            string Resolve(IElement element, string url)
            {
                if (url.StartsWith('#'))
                {
                    if (url.Length > 1 && !idsByOutputPath[page.Spec.OutputPath].Contains(Uri.UnescapeDataString(url[1..])))
                        Broken(url, BuildMessages.NoSuchId());
                    return url;
                }
                if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;

                var hashAt = url.IndexOf('#');
                var path = hashAt < 0 ? url : url[..hashAt];
                var fragment = hashAt < 0 ? null : url[(hashAt + 1)..];
                if (!page.Spec.Language.IsDefault && element.Closest(".prose") is not null && !path.StartsWith($"/{page.Spec.Language.Prefix}/", StringComparison.Ordinal))
                    path = page.Spec.Language.Localize(path);

                var target = OutputPaths.ForUrlPath(path);
                if (fragment is { Length: > 0 }) anchorTargets[page.Spec.OutputPath].Add(target);
                if (!output.Contains(target) && !idsByOutputPath.ContainsKey(target))
                    Broken(url, BuildMessages.NoSuchAddress());
                else if (fragment is { Length: > 0 } && (!idsByOutputPath.TryGetValue(target, out var ids) || !ids.Contains(Uri.UnescapeDataString(fragment))))
                    // Named as written (without the language prefix), so a link is reported once, not once per language.
                    Broken(url, BuildMessages.NoSuchAnchor(hashAt < 0 ? url : url[..hashAt], fragment));
                return site.Settings.Mount(path) + (fragment is null ? "" : "#" + fragment);
            }

            void Broken(string url, Phrase reason)
            {
                var written = site.Links.Where(l => l.Url == url).ToList();
                if (written.Count > 0)
                    foreach (var link in written)
                        diagnostics.Error(link.Source, BuildMessages.BrokenLink(url, reason));
                else
                    brokenInTheme.Add((url, reason, page.Spec));
            }
        }

        foreach (var broken in brokenInTheme.GroupBy(b => (b.Page.Component, b.Url, b.Reason)))
        {
            var component = broken.Key.Component;
            diagnostics.Error(TemplateFile(component), 0,
                BuildMessages.BrokenThemeLink(broken.Key.Url, component.Name, broken.Count(), broken.First().Page.UrlPath, broken.Key.Reason));
        }
        return pages.ToDictionary(p => p.Spec.OutputPath, p => new PageAnchors(idsByOutputPath[p.Spec.OutputPath], anchorTargets[p.Spec.OutputPath]));
    }

    /// <summary>The theme's source file of a page component: <c>QualityMonth.Theme.Pages.YearPage</c> → <c>theme/Pages/YearPage.razor</c>.</summary>
    private static string TemplateFile(Type component) =>
        "theme/" + (component.Namespace ?? "").Replace("QualityMonth.Theme", "", StringComparison.Ordinal).Trim('.').Replace('.', '/') + "/" + component.Name + ".razor";

    /// <summary>Gives each heading in Markdown content an id made from its text, unique on the page.</summary>
    private static void AssignHeadingIds(IHtmlDocument document)
    {
        var taken = document.All.Select(e => e.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var heading in document.QuerySelectorAll(".prose h2, .prose h3, .prose h4, .prose h5, .prose h6"))
        {
            if (heading.Id is not null) continue;
            var baseId = Slugify(heading.TextContent);
            var id = baseId;
            for (var n = 2; !taken.Add(id); n++) id = $"{baseId}-{n}";
            heading.Id = id;
        }
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
