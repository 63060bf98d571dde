using QualityMonth.Build;
using QualityMonth.Imaging.Text;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Share;

/// <summary>
/// The share images: one card per slogan (<see cref="Routes.SloganShareImage"/>) and one for the site
/// (<see cref="Routes.SiteShareImage"/>), drawn at build time and kept in the cache. The cards are in
/// Chinese, the language the slogans were issued in, and every language's pages link the same card.
/// </summary>
public sealed class ShareImages : IFileGenerator
{
    /// <summary>The cards show only the years' themes and slogans (and settings, which every step reads).</summary>
    public bool Reads(string contentFile) =>
        contentFile.EndsWith("/year.yml", StringComparison.Ordinal) || contentFile.EndsWith("/slogans.yml", StringComparison.Ordinal);

    public void Generate(BuildContext build)
    {
        var site = build.Site;
        var cards = new List<(string Route, ShareCardText Text)> { (Routes.SiteShareImage, SiteCard(site)) };
        foreach (var year in site.Years)
            if (year.Slogans is { } list)
                foreach (var slogan in list.Slogans)
                    cards.Add((Routes.SloganShareImage(slogan), SloganCard(site, year, list, slogan)));

        if (build.Mode == PipelineMode.Check)
        {
            AddStandIns(build, cards);
            return;
        }
        IReadOnlyList<string> cached;
        try
        {
            cached = ShareCardCache.Publish(build.SiteRoot, [.. cards.Select(c => c.Text)]);
        }
        catch (MissingFontException e)
        {
            build.Diagnostics.Error(CardFonts.DebianPackage, 0, BuildMessages.FontMissing(e.Face, e.FileName, e.Folders, CardFonts.DebianPackage));
            // The build fails on this error; the cards' addresses stay known so the pages' links to them are not reported too.
            AddStandIns(build, cards);
            return;
        }
        foreach (var (card, file) in cards.Zip(cached))
            build.Output.AddFile(SiteUrls.OutputPath(card.Route), file);
    }

    private static void AddStandIns(BuildContext build, IEnumerable<(string Route, ShareCardText Text)> cards)
    {
        foreach (var (route, _) in cards)
            build.Output.AddStandIn(SiteUrls.OutputPath(route));
    }

    private static UiStrings Chinese => UiStrings.For(Locale.Chinese);

    /// <summary>The site title, the slogan phrase by phrase, and its list's own theme under the list's own label.</summary>
    private static ShareCardText SloganCard(Site site, CampaignYear year, SloganList list, Slogan slogan) =>
        new(site.Settings.Title.Original, Phrases(slogan.Text.Original), SloganListLine(year, list));

    /// <summary>
    /// Whose campaign the slogans belong to and its theme, as the list's document says: a national list
    /// (2025's) carries the national theme and label, a list the document does not label (永安市's) its
    /// issuer's name, never the province's theme. Without a theme the line names the list only.
    /// </summary>
    private static string SloganListLine(CampaignYear year, SloganList list)
    {
        var campaign = list.Scope switch
        {
            SloganScope.National => $"{Chinese.YearName(year.Year)}全国“质量月”",
            SloganScope.Provincial => $"{Chinese.YearName(year.Year)}全省“质量月”",
            _ => $"{year.FindNotice(list.NoticeSlug)!.Issuer.Original}{Chinese.YearName(year.Year)}“质量月”",
        };
        var theme = list.Theme ?? (list.Scope == SloganScope.National ? year.NationalTheme
            : list.NoticeSlug == year.MainNoticeSlug ? year.Theme : null);
        return theme is null ? campaign + "活动口号" : $"{campaign}{Chinese.Theme}{Chinese.Colon}{theme.Original}";
    }

    /// <summary>The site title in the other languages, the title, the current year's theme.</summary>
    private static ShareCardText SiteCard(Site site)
    {
        var settings = site.Settings;
        var otherTitles = settings.Languages.Where(l => !l.IsDefault).Select(l => settings.Title.In(l))
            .Where(t => !t.IsFallback).Select(t => t.Text).ToList();
        var top = otherTitles.Count > 0 ? string.Join(" · ", otherTitles) : Chinese.YearName(site.CurrentYear.Year);
        return new(top, [settings.Title.Original], ThemeLine(site.CurrentYear));
    }

    private static string ThemeLine(CampaignYear year) =>
        $"{Chinese.YearName(year.Year)}{Chinese.Theme}{Chinese.Colon}{year.Theme.Original}";

    /// <summary>A slogan's phrases: Chinese slogans separate their parallel phrases with a space, and a banner sets each on its own line.</summary>
    private static string[] Phrases(string slogan) =>
        slogan.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
