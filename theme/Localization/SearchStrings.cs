using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>The search feature's interface strings (page, form and the texts its script shows), one instance per language.</summary>
public sealed record SearchStrings
{
    /// <summary>Main-navigation label and the search page's title.</summary>
    public required string Search { get; init; }
    public required string QueryLabel { get; init; }
    public required string QueryHint { get; init; }
    public required string Submit { get; init; }
    public required string NeedsJavaScript { get; init; }
    public required string BrowseInstead { get; init; }
    public required string YearPages { get; init; }
    public required string Loading { get; init; }
    public required string Unavailable { get; init; }
    /// <summary>Status after a search; the script puts the count for {count} and the query for {query}.</summary>
    public required string Found { get; init; }
    public required string FoundOne { get; init; }
    public required string NothingFound { get; init; }
    public required string ShowMore { get; init; }
    public required string ResultsLabel { get; init; }
    /// <summary>A campaign year in a result's details; the script puts the year for {year}.</summary>
    public required string YearFormat { get; init; }
    /// <summary>What kind of page a result is, by the <c>type</c> filter of the page (see <see cref="SearchEntry"/>).</summary>
    public required IReadOnlyDictionary<string, string> Types { get; init; }

    public static SearchStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static readonly SearchStrings Chinese = new()
    {
        Search = "搜索",
        QueryLabel = "搜索本站",
        QueryHint = "例如：电梯、计量、福州",
        Submit = "搜索",
        NeedsJavaScript = "站内搜索需要浏览器启用 JavaScript。您的浏览器未运行 JavaScript，请通过以下栏目浏览全部内容：",
        BrowseInstead = "浏览栏目",
        YearPages = "历年“质量月”",
        Loading = "正在载入搜索索引…",
        Unavailable = "搜索暂时无法使用，请通过以下栏目浏览：",
        Found = "找到 {count} 条与“{query}”相关的结果。",
        FoundOne = "找到 1 条与“{query}”相关的结果。",
        NothingFound = "没有找到与“{query}”相关的内容，请换一个词试试。",
        ShowMore = "显示更多结果",
        ResultsLabel = "搜索结果",
        YearFormat = "{year}年",
        Types = new Dictionary<string, string>
        {
            [SearchEntry.Notice] = "通知文件",
            [SearchEntry.Slogans] = "活动口号",
            [SearchEntry.Year] = "年度活动",
            [SearchEntry.City] = "各地活动",
            [SearchEntry.Organiser] = "主办单位",
            [SearchEntry.Activity] = "活动",
        },
    };

    private static readonly SearchStrings English = new()
    {
        Search = "Search",
        QueryLabel = "Search this site",
        QueryHint = "For example: Xiamen, slogan, elevator",
        Submit = "Search",
        NeedsJavaScript = "Searching this site needs JavaScript, which is not running in your browser. Browse everything from these sections instead:",
        BrowseInstead = "Browse",
        YearPages = "Quality Month by year",
        Loading = "Loading the search index…",
        Unavailable = "Search is not available right now. Browse these sections instead:",
        Found = "{count} results for “{query}”.",
        FoundOne = "1 result for “{query}”.",
        NothingFound = "Nothing found for “{query}”. Try another word.",
        ShowMore = "Show more results",
        ResultsLabel = "Search results",
        YearFormat = "{year}",
        Types = new Dictionary<string, string>
        {
            [SearchEntry.Notice] = "Notice",
            [SearchEntry.Slogans] = "Slogans",
            [SearchEntry.Year] = "Year",
            [SearchEntry.City] = "City",
            [SearchEntry.Organiser] = "Organiser",
            [SearchEntry.Activity] = "Activity",
        },
    };
}
