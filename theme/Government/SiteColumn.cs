using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Theme.Government;

/// <summary>
/// The section (栏目) a page belongs to, for the government-website meta tags ColumnName and ColumnType.
/// Decided from the page's path through <see cref="Routes"/>, so a new kind of page gets its section
/// without code here: a page at a path this does not know is its own section, named by its title.
/// </summary>
/// <param name="Type">栏目类型: the notices are 通知公告; every other section of this campaign site is part of a 专题专栏.</param>
public sealed record SiteColumn(string Name, string Type)
{
    public const string NoticesType = "通知公告";
    public const string SpecialTopicType = "专题专栏";

    /// <summary>The page's section; null for the not-found page, which belongs to none.</summary>
    public static SiteColumn? For(PageContext ctx, string pageTitle)
    {
        var path = ctx.Path;
        var s = ctx.S;
        var g = GovernmentStrings.For(ctx.Language.Locale);
        if (path == Routes.NotFound) return null;
        if (ctx.Site.IsNoticePage(path))
            return new SiteColumn(g.NoticesColumn, NoticesType);
        var name = path switch
        {
            Routes.Home => s.Home,
            Routes.SloganArchive => s.Slogans,
            Routes.Press => g.Press,
            _ when path.StartsWith(Routes.Cities, StringComparison.Ordinal) => s.Cities,
            _ when path.StartsWith(Routes.Organisers, StringComparison.Ordinal) => s.Organisers,
            _ when path.StartsWith(Routes.ActivityBrowser, StringComparison.Ordinal) => g.ActivitiesColumn,
            _ when ctx.Site.Years.Any(y => path == Routes.Slogans(y.Year)) => s.Slogans,
            _ when ctx.Site.Years.Any(y => path == Routes.Year(y.Year)) => s.Years,
            _ => pageTitle,
        };
        return new SiteColumn(name, SpecialTopicType);
    }
}
