using System.Globalization;
using QualityMonth.Model;

namespace QualityMonth.Theme.Localization;

/// <summary>
/// The strings of the data page and of the files made for reuse (data files, calendars, feeds), one
/// instance per language; typed so that a missing string fails the build.
/// </summary>
public sealed record DataStrings
{
    // Navigation, feed autodiscovery and page headings.
    public required string Nav { get; init; }
    public required string PageTitle { get; init; }
    public required string Intro { get; init; }
    public required string ActivityData { get; init; }
    public required string JsonFormat { get; init; }
    public required string CsvFormat { get; init; }
    public required string SchemaFormat { get; init; }
    public required Func<int, string> RecordCount { get; init; }
    public required string OtherLanguages { get; init; }
    public required string LanguageNote { get; init; }
    public required string DatesNote { get; init; }
    public required string OpenInExcel { get; init; }
    public required IReadOnlyList<string> ExcelSteps { get; init; }
    public required string Fields { get; init; }
    /// <summary>Every field of the data files, in file order, with what it holds (docs/data.md says more).</summary>
    public required IReadOnlyList<(string Field, string Meaning)> FieldMeanings { get; init; }
    public required string Calendars { get; init; }
    public required string CalendarsIntro { get; init; }
    public required string SubscribeToCalendar { get; init; }
    public required string SubscriptionAddress { get; init; }
    public required string OpenInCalendarApp { get; init; }
    public required string AllActivities { get; init; }
    public required string Feeds { get; init; }
    public required string FeedsIntro { get; init; }
    public required string Sitemap { get; init; }
    public required string SourceHeading { get; init; }
    public required string SourceNote { get; init; }

    // The files.
    public required Func<string, string> DataFileTitle { get; init; }
    public required string DataFileSource { get; init; }
    public required Func<string, string> AllActivitiesCalendar { get; init; }
    public required Func<string, string, string> CityCalendar { get; init; }
    public required string CalendarDescription { get; init; }
    /// <summary>The first line of an event's description when its document does not date it to the day; null when it does.</summary>
    public required Func<ActivityDates, string?> ApproximateDate { get; init; }
    public required Func<HostKind, string> Host { get; init; }
    public required string Details { get; init; }
    /// <summary>Joins the items of a list (partners).</summary>
    public required string ListJoin { get; init; }
    /// <summary>Joins labelled fields on one line.</summary>
    public required string FieldJoin { get; init; }
    public required Func<string, string> NoticesFeedTitle { get; init; }
    public required string NoticesFeedSubtitle { get; init; }
    public required Func<string, string> ActivitiesFeedTitle { get; init; }
    public required string ActivitiesFeedSubtitle { get; init; }
    /// <summary>A feed entry's note that its time is an assumption: Atom requires one, the document gives none.</summary>
    public required Func<int, string> AssumedFeedTime { get; init; }
    /// <summary>A calendar event's note that its DTSTAMP is an assumption: iCalendar requires one, the document gives no date.</summary>
    public required Func<int, string> AssumedCalendarStamp { get; init; }

    public static DataStrings For(Locale locale) => locale.Pick(Chinese, English);

    /// <summary>A file size as people read it: 980 B, 12.3 KB, 1.4 MB.</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB"),
    };

    /// <summary>Which part of its month (上旬, 中旬, 下旬) a part-of-month span is, by its first day.</summary>
    internal static string Part(DateOnly start, string early, string middle, string late) =>
        start.Day switch { 1 => early, 11 => middle, _ => late };

    private static string EnglishMonth(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static readonly DataStrings Chinese = new()
    {
        Nav = "数据下载",
        PageTitle = "数据下载",
        Intro = "本页提供本站全部活动的数据文件、日历订阅和内容订阅，供媒体、研究人员和公众使用。文件在每次网站更新时与网页一同生成，内容与网页一致。",
        ActivityData = "活动数据",
        JsonFormat = "JSON（UTF-8），适合用程序处理",
        CsvFormat = "CSV（UTF-8，带 BOM），可用 Excel、WPS 表格打开",
        SchemaFormat = "JSON Schema（2020-12），逐项说明 JSON 文件的字段",
        RecordCount = n => $"{n} 条",
        OtherLanguages = "同一批记录的其他语言版本：",
        LanguageNote = "JSON 和 CSV 文件的记录完全相同，每项活动一条，id 为活动的永久编号（年份/城市或单位/活动）。中文文件中的文字均为通知原文。",
        DatesNote = "日期：start_date 和 end_date 是活动的第一天和最后一天。文件只写了月份、旬或“全年”的活动，按所写时段填写；文件未写时间的活动按“质量月”（当年9月）填写；date_precision 说明日期的精确程度，timing 是通知原文的写法。",
        OpenInExcel = "用 Excel 打开 CSV 文件",
        ExcelSteps =
        [
            "下载 activities.csv 后双击，即可用 Excel 或 WPS 表格打开。文件为 UTF-8 编码并带 BOM，中文不会乱码。",
            "如果较早版本的 Excel 仍显示乱码：新建空白工作簿，在“数据”选项卡选择“从文本/CSV”，“文件原始格式”选“65001: Unicode (UTF-8)”，分隔符选“逗号”。",
            "一个单元格有多项内容时（活动类型、协办单位、图片等），各项之间用“ | ”分隔，可用“数据 → 分列”按“|”拆开。",
            "日期列为“年-月-日”格式，可直接排序和筛选。",
        ],
        Fields = "字段说明",
        FieldMeanings =
        [
            ("id", "活动的永久编号：年份/城市或单位/活动，发布后不再改变"),
            ("url", "活动页面的永久网址"),
            ("year", "活动年度"),
            ("host_kind", "开展活动的是城市（city）还是省直单位（organiser）"),
            ("city_slug", "城市编号（城市开展的活动）"),
            ("city_name", "城市名称"),
            ("organiser_slug", "单位编号（省直单位开展的活动）"),
            ("organiser_name", "单位名称"),
            ("kinds", "活动类型编号，最相关的在前"),
            ("kind_names", "活动类型名称，顺序同上"),
            ("title", "活动名称（通知原文）"),
            ("description", "通知对活动的进一步说明"),
            ("timing", "通知原文写的时间，如“9月”“9-10月”“全年”；未写时为空"),
            ("start_date", "活动第一天"),
            ("end_date", "活动最后一天"),
            ("date_precision", "日期精确程度：day（具体日期）、part-of-month（旬）、month（月份）、month-range（几个月）、year（全年）、campaign-month（未写时间，按“质量月”9月填写）"),
            ("lead", "牵头部门"),
            ("partners", "协办单位"),
            ("note", "备注"),
            ("source_title", "列出该活动的通知标题"),
            ("source_document_number", "通知的发文字号"),
            ("source_date", "通知的成文日期"),
            ("source_attachment", "列出该活动的附件序号"),
            ("source_attachment_title", "附件标题"),
            ("source_url", "附件在通知页面上的网址"),
            ("photo_urls", "活动照片原图的下载网址"),
            ("photo_captions", "照片说明，顺序同上"),
            ("photo_credits", "照片来源，顺序同上"),
            ("untranslated", "英文文件中暂无译文、以中文原文给出的字段；中文文件中为空"),
        ],
        Calendars = "日历订阅",
        CalendarsIntro = "日历为 iCalendar 格式（.ics）。每项活动是一个全天事件：通知写到具体日期的，按该日期；只写了月份、旬或“全年”的，事件覆盖整个时段，并在事件说明第一行注明“文件只给出月份”等；未写时间的，按“质量月”（当年9月）标注。活动内容有变化时，订阅的日历会随网站更新。",
        SubscribeToCalendar = "订阅方法：复制订阅地址，在手机或电脑的日历应用中选择“添加日历 → 通过网址订阅”（Outlook 为“添加日历 → 从 Internet 订阅”，苹果日历为“文件 → 新建日历订阅”），订阅后会自动更新。也可以下载 .ics 文件导入日历，但导入的活动不会自动更新。",
        SubscriptionAddress = "订阅地址",
        OpenInCalendarApp = "用日历应用订阅",
        AllActivities = "全部活动（含省直单位）",
        Feeds = "内容订阅（Atom）",
        FeedsIntro = "把订阅地址粘贴到 RSS/Atom 阅读器中，即可在有新通知或新活动时收到更新。",
        Sitemap = "供搜索引擎使用的网站地图：",
        SourceHeading = "数据来源",
        SourceNote = "本页全部数据整理自各年度“质量月”通知文件，每条记录都注明来源通知的标题、发文字号、成文日期和附件，并链接到通知全文。通知为公开发布的政府信息文件。使用数据时请注明“福建省‘质量月’活动专题”及来源通知；如与通知原文不一致，以通知原文为准。",

        DataFileTitle = site => $"{site}：活动数据",
        DataFileSource = "整理自各年度“质量月”公开发布的通知文件，每条记录注明来源通知（source_* 字段）。使用时请注明来源；如与通知原文不一致，以通知原文为准。",
        AllActivitiesCalendar = site => $"{site}：全部活动",
        CityCalendar = (site, city) => $"{site}：{city}",
        CalendarDescription = "“质量月”通知文件列出的活动。通知未写明具体日期的活动，按通知所写的月份、旬或年份标为全天事件，并在说明第一行注明。",
        ApproximateDate = dates => dates.Precision switch
        {
            DatePrecision.PartOfMonth => $"日期：{dates.Start.Year}年{dates.Start.Month}月{Part(dates.Start, "上旬", "中旬", "下旬")}（文件只给出旬）",
            DatePrecision.Month => $"日期：{dates.Start.Year}年{dates.Start.Month}月（文件只给出月份）",
            DatePrecision.MonthRange => $"日期：{dates.Start.Year}年{dates.Start.Month}月至{dates.LastDay.Month}月（文件只给出月份）",
            DatePrecision.Year => $"日期：{dates.Start.Year}年全年（文件只给出年份）",
            DatePrecision.CampaignMonth => $"日期：文件未写明时间，按“质量月”（{dates.Start.Year}年{dates.Start.Month}月）标注",
            _ => null,
        },
        Host = kind => kind == HostKind.City ? "城市" : "主办单位",
        Details = "详情",
        ListJoin = "、",
        FieldJoin = "；",
        NoticesFeedTitle = site => $"{site}：通知文件",
        NoticesFeedSubtitle = "最新的“质量月”活动通知全文（最近 50 份）。",
        ActivitiesFeedTitle = site => $"{site}：活动",
        ActivitiesFeedSubtitle = "各年度“质量月”通知列出的各地、各单位活动。",
        AssumedFeedTime = year => $"更新时间：文件未标注日期，订阅格式必须填写，按{year}年“质量月”首日（9月1日）填写，并非文件日期",
        AssumedCalendarStamp = year => $"日历时间戳（DTSTAMP）：文件未标注日期，日历格式必须填写，按{year}年“质量月”首日（9月1日）填写，并非文件日期",
    };

    private static readonly DataStrings English = new()
    {
        Nav = "Data",
        PageTitle = "Data, calendars and feeds",
        Intro = "Data files, calendars and feeds of every activity on this site, for journalists, researchers and the public. They are made with the pages at every update of the site and say what the pages say.",
        ActivityData = "Activity data",
        JsonFormat = "JSON (UTF-8), for programs",
        CsvFormat = "CSV (UTF-8 with BOM), opens in Excel and other spreadsheets",
        SchemaFormat = "JSON Schema (draft 2020-12) describing every field of the JSON file",
        RecordCount = n => n == 1 ? "1 record" : $"{n} records",
        OtherLanguages = "The same records in other languages: ",
        LanguageNote = "The JSON and CSV files hold the same records, one per activity; id is the activity's permanent key (year/city or body/activity). English texts are reference translations: a text without one is given in the original Chinese, and the record's untranslated field names it. Join with the Chinese files on id for the original wording.",
        DatesNote = "Dates: start_date and end_date are the first and last day of the activity. Where the notice gives only a month, part of a month or the whole year, they span that period; where it gives no timing, they span Quality Month (September of the year). date_precision says how exact they are, and timing is the notice's own wording, in Chinese.",
        OpenInExcel = "Opening the CSV file in Excel",
        ExcelSteps =
        [
            "Download activities.csv and double-click it: it opens in Excel with Chinese characters intact, because the file is UTF-8 with a byte order mark.",
            "If an older Excel still garbles the Chinese: in a blank workbook choose Data → From Text/CSV, set File origin to 65001: Unicode (UTF-8) and the delimiter to Comma.",
            "A cell with several items (kinds, co-organisers, photos) separates them with \" | \"; Data → Text to Columns with | as the delimiter splits them.",
            "Date columns are year-month-day and sort and filter as dates.",
        ],
        Fields = "Fields",
        FieldMeanings =
        [
            ("id", "The activity's permanent key: year/city or body/activity; never changes once published"),
            ("url", "The permanent address of the activity's page"),
            ("year", "Campaign year"),
            ("host_kind", "Whether a city (city) or a provincial body (organiser) runs it"),
            ("city_slug", "The city's id (activities of cities)"),
            ("city_name", "The city's name"),
            ("organiser_slug", "The body's id (activities of provincial bodies)"),
            ("organiser_name", "The body's name"),
            ("kinds", "Kinds of activity (ids), most relevant first"),
            ("kind_names", "Names of the kinds, in the same order"),
            ("title", "The activity as the notice words it"),
            ("description", "More text the notice gives"),
            ("timing", "The timing as the notice writes it (9月, 9-10月, 全年); empty when it gives none"),
            ("start_date", "First day"),
            ("end_date", "Last day"),
            ("date_precision", "How exact the dates are: day, part-of-month, month, month-range, year, campaign-month (no timing given: September stands for it)"),
            ("lead", "Lead unit"),
            ("partners", "Co-organisers"),
            ("note", "Remark"),
            ("source_title", "Title of the notice that lists the activity"),
            ("source_document_number", "The notice's document number (in Chinese)"),
            ("source_date", "The notice's date"),
            ("source_attachment", "Number of the attachment that lists it"),
            ("source_attachment_title", "Title of that attachment"),
            ("source_url", "Address of that attachment on the notice's page"),
            ("photo_urls", "Addresses of the photos' full-size downloads"),
            ("photo_captions", "Captions of the photos, in the same order"),
            ("photo_credits", "Credits of the photos, in the same order"),
            ("untranslated", "Fields given in Chinese for want of a translation (always empty in the Chinese files)"),
        ],
        Calendars = "Calendars",
        CalendarsIntro = "The calendars are iCalendar (.ics) files. Each activity is an all-day event: on its date where the notice gives one; over the whole period where it gives only a month, part of a month or the whole year, said in the first line of the event's description; in Quality Month (September) where it gives no timing. When an activity changes, subscribed calendars update with the site.",
        SubscribeToCalendar = "To subscribe, copy a subscription address and add it in your calendar app as a calendar from a URL (Outlook: Add calendar → Subscribe from web; Apple Calendar: File → New Calendar Subscription; Google Calendar: Other calendars → From URL). Subscribed calendars update by themselves; a downloaded .ics file imported once does not.",
        SubscriptionAddress = "Subscription address",
        OpenInCalendarApp = "Subscribe in a calendar app",
        AllActivities = "All activities (provincial bodies included)",
        Feeds = "Feeds (Atom)",
        FeedsIntro = "Paste a feed's address into a feed reader (RSS/Atom) to hear of new notices or activities.",
        Sitemap = "Site map for search engines: ",
        SourceHeading = "Source",
        SourceNote = "All the data comes from the Quality Month notices published each year; every record names its source notice (title, document number, date and attachment) and links to its full text. The notices are public government documents. Please credit \"Fujian Quality Month\" and the source notice when you use the data. English texts are reference translations; the Chinese original prevails.",

        DataFileTitle = site => $"{site}: activities data",
        DataFileSource = "Compiled from the Quality Month notices published each year; every record names its source notice (the source_* fields). Please cite the source when you use the data. English texts are reference translations; the Chinese original prevails.",
        AllActivitiesCalendar = site => $"{site}: all activities",
        CityCalendar = (site, city) => $"{site}: {city}",
        CalendarDescription = "Activities listed in the Quality Month notices. Where a notice gives no exact date, the event spans the month, part of a month or year it gives, and the first line of its description says so.",
        ApproximateDate = dates => dates.Precision switch
        {
            DatePrecision.PartOfMonth => $"Date: {Part(dates.Start, "early", "mid", "late")} {EnglishMonth(dates.Start.Month)} {dates.Start.Year} (the document gives only part of the month)",
            DatePrecision.Month => $"Date: {EnglishMonth(dates.Start.Month)} {dates.Start.Year} (the document gives only the month)",
            DatePrecision.MonthRange => $"Date: {EnglishMonth(dates.Start.Month)} to {EnglishMonth(dates.LastDay.Month)} {dates.Start.Year} (the document gives only the months)",
            DatePrecision.Year => $"Date: throughout {dates.Start.Year} (the document gives only the year)",
            DatePrecision.CampaignMonth => $"Date: not given in the document; shown in Quality Month ({EnglishMonth(dates.Start.Month)} {dates.Start.Year})",
            _ => null,
        },
        Host = kind => kind == HostKind.City ? "City" : "Organiser",
        Details = "Details",
        ListJoin = ", ",
        FieldJoin = "; ",
        NoticesFeedTitle = site => $"{site}: notices",
        NoticesFeedSubtitle = "The full text of the latest Quality Month notices (the last 50).",
        ActivitiesFeedTitle = site => $"{site}: activities",
        ActivitiesFeedSubtitle = "The activities of the cities and provincial bodies that every year's Quality Month notices list.",
        AssumedFeedTime = year => $"Updated: the document is not dated; the feed format requires a time, so the first day of Quality Month (1 September {year}) is given, not a date of the document",
        AssumedCalendarStamp = year => $"Calendar timestamp (DTSTAMP): the document is not dated; the calendar format requires one, so the first day of Quality Month (1 September {year}) is given, not a date of the document",
    };
}
