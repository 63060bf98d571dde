using System.Globalization;
using QualityMonth.Model;
using QualityMonth.Routing;

namespace QualityMonth.Theme.Localization;

/// <summary>Strings of the activity pages, the browse pages and the charts, per language.</summary>
public sealed record BrowseStrings
{
    public required string AllActivities { get; init; }
    public required string BrowseIntro { get; init; }
    public required Func<Facet, string> FacetName { get; init; }
    /// <summary>Title of a static facet page, given the value's display name.</summary>
    public required Func<Facet, string, string> FacetTitle { get; init; }
    public required string BrowseBy { get; init; }
    public required string FilterLegend { get; init; }
    public required string AnyValue { get; init; }
    public required string ClearFilters { get; init; }
    /// <summary>The filter's status when it hides some activities; the script fills in {shown} and {total}.</summary>
    public required string ShowingSome { get; init; }
    public required Func<int, string> ShowingAll { get; init; }
    public required string NoMatch { get; init; }
    public required string Kinds { get; init; }
    public required string Host { get; init; }
    public required string Year { get; init; }
    public required string Dates { get; init; }
    public required Func<ActivityDates, string> DateSpan { get; init; }
    public required Func<DatePrecision, string> PrecisionNote { get; init; }
    public required string Description { get; init; }
    public required string Photos { get; init; }
    public required string SourceDocument { get; init; }
    public required string AlsoOnHostPage { get; init; }
    public required string Charts { get; init; }
    public required string PerCityChartTitle { get; init; }
    public required string PerCityChartDescription { get; init; }
    public required string PerKindChartTitle { get; init; }
    public required string PerKindChartDescription { get; init; }
    public required string City { get; init; }
    public required string Total { get; init; }
    public required string ChartAsTable { get; init; }

    public static BrowseStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static string Month(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static readonly BrowseStrings Chinese = new()
    {
        AllActivities = "活动一览",
        BrowseIntro = "历年“质量月”公开文件列出的全部活动，可按年份、城市、主办单位和活动类型浏览。",
        FacetName = f => f switch { Facet.Year => "年份", Facet.City => "城市", Facet.Organiser => "主办单位", _ => "活动类型" },
        FacetTitle = (f, v) => f switch
        {
            Facet.Year => $"{v}的活动",
            Facet.City => $"{v}的活动",
            Facet.Organiser => $"{v}主办的活动",
            _ => $"活动类型：{v}",
        },
        BrowseBy = "分类浏览",
        FilterLegend = "筛选活动",
        AnyValue = "全部",
        ClearFilters = "清除筛选",
        ShowingSome = "显示{shown}项，共{total}项活动",
        ShowingAll = total => $"显示全部{total}项活动",
        NoMatch = "没有符合所选条件的活动。",
        Kinds = "活动类型",
        Host = "主办",
        Year = "年份",
        Dates = "日期",
        DateSpan = d => d.Precision switch
        {
            DatePrecision.Day => $"{d.Start.Year}年{d.Start.Month}月{d.Start.Day}日",
            DatePrecision.PartOfMonth => $"{d.Start.Year}年{d.Start.Month}月{DataStrings.Part(d.Start, "上旬", "中旬", "下旬")}",
            DatePrecision.Month => $"{d.Start.Year}年{d.Start.Month}月",
            DatePrecision.CampaignMonth => "文件未写明时间",
            DatePrecision.MonthRange => $"{d.Start.Year}年{d.Start.Month}月至{d.LastDay.Month}月",
            _ => $"{d.Start.Year}年全年",
        },
        PrecisionNote = p => p switch
        {
            DatePrecision.Day => "文件给出的日期",
            DatePrecision.PartOfMonth => "文件只给出上、中、下旬",
            DatePrecision.Month => "文件只给出月份",
            DatePrecision.MonthRange => "文件只给出起止月份",
            DatePrecision.Year => "文件写明全年开展",
            _ => "日历和数据文件按“质量月”（9月）标注",
        },
        Description = "活动内容",
        Photos = "活动图片",
        SourceDocument = "来源文件",
        AlsoOnHostPage = "同单位同年的其他活动",
        Charts = "图表",
        PerCityChartTitle = "各市历年活动数量",
        PerCityChartDescription = "各设区市（及永安市、平潭综合实验区）在公开文件中列出的“质量月”活动数量，按年份分列。",
        PerKindChartTitle = "各类型活动数量",
        PerKindChartDescription = "历年公开文件列出的活动按类型统计（一项活动可属于多个类型）。",
        City = "城市",
        Total = "合计",
        ChartAsTable = "图表数据",
    };

    private static readonly BrowseStrings English = new()
    {
        AllActivities = "All activities",
        BrowseIntro = "Every activity the published Quality Month documents list, by year, city, organiser and kind of activity.",
        FacetName = f => f switch { Facet.Year => "Year", Facet.City => "City", Facet.Organiser => "Organiser", _ => "Kind of activity" },
        FacetTitle = (f, v) => f switch
        {
            Facet.Year => $"Activities in {v}",
            Facet.City => $"Activities in {v}",
            Facet.Organiser => $"Activities of the {v}",
            _ => $"Activities: {v}",
        },
        BrowseBy = "Browse by",
        FilterLegend = "Filter activities",
        AnyValue = "All",
        ClearFilters = "Clear filters",
        ShowingSome = "Showing {shown} of {total} activities",
        ShowingAll = total => $"All {total} activities shown",
        NoMatch = "No activity matches the chosen filters.",
        Kinds = "Kinds",
        Host = "Host",
        Year = "Year",
        Dates = "Dates",
        DateSpan = d => d.Precision switch
        {
            DatePrecision.Day => d.Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            DatePrecision.PartOfMonth => $"{DataStrings.Part(d.Start, "Early", "Mid", "Late")} {Month(d.Start.Month)} {d.Start.Year}",
            DatePrecision.Month => $"{Month(d.Start.Month)} {d.Start.Year}",
            DatePrecision.CampaignMonth => "Not stated in the document",
            DatePrecision.MonthRange => $"{Month(d.Start.Month)}–{Month(d.LastDay.Month)} {d.Start.Year}",
            _ => $"All of {d.Start.Year}",
        },
        PrecisionNote = p => p switch
        {
            DatePrecision.Day => "the date the document gives",
            DatePrecision.PartOfMonth => "the document gives only the part of the month",
            DatePrecision.Month => "the document gives only the month",
            DatePrecision.MonthRange => "the document gives only the months",
            DatePrecision.Year => "the document says all year",
            _ => "calendars and data files place it in Quality Month, September",
        },
        Description = "What it is",
        Photos = "Photos",
        SourceDocument = "Source document",
        AlsoOnHostPage = "Other activities of the same host that year",
        Charts = "Charts",
        PerCityChartTitle = "Activities per city and year",
        PerCityChartDescription = "The number of Quality Month activities the published documents list for each city (with Yong'an and Pingtan), by year.",
        PerKindChartTitle = "Activities per kind",
        PerKindChartDescription = "The activities of every year counted by kind (one activity may be of several kinds).",
        City = "City",
        Total = "Total",
        ChartAsTable = "Chart data",
    };
}
