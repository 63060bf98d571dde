using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Output;
using QualityMonth.Render;
using QualityMonth.Routing;

namespace QualityMonth.PostProcess;

/// <summary>A page as the theme rendered it, before post-processing.</summary>
public sealed record RenderedPage(PageSpec Spec, string Html);

/// <summary>
/// Finishes rendered pages with AngleSharp: gives content headings ids, points content links at the
/// page's language, checks that every internal link and anchor resolves, and mounts every
/// root-relative URL under the site's base path.
/// </summary>
public static class HtmlPostProcessor
{
    private static readonly string[] UrlAttributes = ["href", "src", "action"];

    public static void Process(Site site, IReadOnlyList<RenderedPage> pages, SiteOutput output, DiagnosticBag diagnostics)
    {
        var parser = new HtmlParser();
        var documents = pages.Select(p => (Page: p, Document: parser.ParseDocument(p.Html))).ToList();
        var idsByOutputPath = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
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
                        Broken(url, "no element has this id on the page");
                    return url;
                }
                if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;

                var hashAt = url.IndexOf('#');
                var path = hashAt < 0 ? url : url[..hashAt];
                var fragment = hashAt < 0 ? null : url[(hashAt + 1)..];
                if (!page.Spec.Language.IsDefault && element.Closest(".prose") is not null && !path.StartsWith($"/{page.Spec.Language.Prefix}/", StringComparison.Ordinal))
                    path = page.Spec.Language.Localize(path);

                var target = OutputPaths.ForUrlPath(path);
                if (!output.Contains(target) && !idsByOutputPath.ContainsKey(target))
                    Broken(url, "no page or file has this address");
                else if (fragment is { Length: > 0 } && (!idsByOutputPath.TryGetValue(target, out var ids) || !ids.Contains(Uri.UnescapeDataString(fragment))))
                    Broken(url, $"the page {path} has no anchor #{fragment}");
                return site.Settings.Mount(path) + (fragment is null ? "" : "#" + fragment);
            }

            void Broken(string url, string reason)
            {
                var written = site.Links.Where(l => l.Url == url).ToList();
                if (written.Count > 0)
                    foreach (var link in written)
                        diagnostics.Error(link.Source.File, link.Source.Line, $"broken link '{url}': {reason}");
                else
                    diagnostics.Error($"{page.Spec.OutputPath}", 0, $"broken link '{url}' rendered by the theme ({page.Spec.Component.Name}): {reason}");
            }
        }
    }

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
