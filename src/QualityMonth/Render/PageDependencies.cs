using System.Globalization;
using QualityMonth.Content;
using QualityMonth.Model;

namespace QualityMonth.Render;

/// <summary>
/// Content files as site-relative path prefixes, as pages declare what they are made from (<see cref="SitePage.Dependencies"/>):
/// <c>input/2024/notices/provincial.</c> covers the notice and its translations; <c>input/2024/</c> a whole year;
/// <c>input/</c> everything. A page is rendered again when a changed file starts with one of its prefixes. Settings,
/// registries and the theme are not listed: a change to them renders every page.
/// </summary>
public static class PageDependencies
{
    public const string Everything = ContentLoader.InputFolder + "/";

    /// <summary>Whether a page with these dependencies is affected by a change to any of <paramref name="changedFiles"/>.</summary>
    public static bool Affected(IReadOnlyList<string> dependencies, IReadOnlyCollection<string> changedFiles) =>
        dependencies.Any(prefix => changedFiles.Any(file => file.StartsWith(prefix, StringComparison.Ordinal)));

    /// <summary>An activities file, the notice it is published in, and its year's year.yml.</summary>
    public static IEnumerable<string> GroupFiles(ActivityGroup group) =>
        [group.Source.File, NoticeFiles(group.Year, group.NoticeSlug), YearFile(group.Year, "year.yml")];

    /// <summary>A notice's Markdown and its translations.</summary>
    public static string NoticeFiles(int year, string slug) => YearFile(year, $"notices/{slug}.");

    public static string YearFile(int year, string name) =>
        $"{ContentLoader.InputFolder}/{year.ToString(CultureInfo.InvariantCulture)}/{name}";
}
