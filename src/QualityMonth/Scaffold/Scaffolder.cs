using System.Globalization;
using System.Text;
using QualityMonth.Content;
using QualityMonth.Model;

namespace QualityMonth.Scaffold;

/// <summary>
/// The <c>new</c> command's work: content files made from the templates in <c>theme/scaffolds/</c>, with
/// every field check requires and 【待填写】 wherever staff must write. It never overwrites a file:
/// it refuses instead (<see cref="ScaffoldRefusedException"/>), before writing anything.
/// </summary>
public sealed class Scaffolder(string siteRoot)
{
    private static readonly Bilingual FillIn = new(
        "把上面每个【待填写】换成真实内容（文件里的说明写明了该填什么；可选字段前面有 #），然后运行 ./build.sh check。",
        "Replace each 【待填写】 above with the real text (the comments in the files say what goes where; optional fields are commented out with #), then run ./build.sh check.");

    private readonly SiteFacts _facts = new(siteRoot);

    /// <summary>input/&lt;year&gt;/ with year.yml, notices/provincial.md (the year's main notice) and slogans.yml.</summary>
    public ScaffoldReport Year(int year)
    {
        RequireInputFolder();
        var folder = _facts.YearFolder(year);
        if (Directory.Exists(folder))
            throw Refused($"{Relative(folder)}/ 已经存在：{year} 年度不需要再新建。", $"{Relative(folder)}/ already exists: the year {year} is there already.");
        var slots = new Dictionary<string, string> { ["year"] = Text(year) };
        var files = new (string Path, string Text)[]
        {
            (Path.Combine(folder, "year.yml"), Template("year.yml", slots)),
            (Path.Combine(folder, "notices", "provincial.md"), Template("year-notice.md", slots)),
            (Path.Combine(folder, "slogans.yml"), Template("slogans.yml", slots)),
        };
        foreach (var (path, text) in files) CreateNew(path, text);
        return new ScaffoldReport(files.Select(f => Relative(f.Path)).ToList(), [], [
            FillIn,
            new($"要在首页显示 {year} 年度，把 statiq.json 中的 \"currentYear\" 改为 {year}。",
                $"To show {year} on the home page, set \"currentYear\" in statiq.json to {year}."),
            new($"各地、各单位的活动：./build.sh new activities {year} --city <城市网址名>（或 --organiser <单位网址名>）。",
                $"Activities of a city or organiser: ./build.sh new activities {year} --city <slug> (or --organiser <slug>)."),
        ]);
    }

    /// <summary>input/&lt;year&gt;/notices/&lt;slug&gt;.md.</summary>
    public ScaffoldReport Notice(int year, string slug)
    {
        var folder = ExistingYear(year);
        var path = Path.Combine(folder, "notices", slug + ".md");
        if (File.Exists(path))
            throw Refused($"{Relative(path)} 已经存在，没有改动它：换一个网址名，或直接编辑这个文件。",
                $"{Relative(path)} already exists and was left as it is: choose another slug, or edit that file.");
        CreateNew(path, Template("notice.md", new Dictionary<string, string> { ["year"] = Text(year), ["slug"] = slug }));
        return new ScaffoldReport([Relative(path)], [], [
            FillIn,
            new($"通知的网址是 /{year}/notices/{slug}/。", $"The notice's address is /{year}/notices/{slug}/."),
        ]);
    }

    /// <summary>input/&lt;year&gt;/activities/&lt;host&gt;.yml with one activity to fill in.</summary>
    public ScaffoldReport Activities(int year, HostKind kind, string host)
    {
        var folder = ExistingYear(year);
        var name = _facts.HostName(kind, host) ?? throw UnknownHost(kind, host);
        var path = Path.Combine(folder, "activities", host + ".yml");
        if (File.Exists(path))
            throw Refused($"{Relative(path)} 已经存在，没有改动它：要添加活动，运行 ./build.sh new activity {year} {host} <活动网址名>。",
                $"{Relative(path)} already exists and was left as it is: to add an activity, run ./build.sh new activity {year} {host} <id>.");
        if (ActivitiesFile.InYear(siteRoot, folder).FirstOrDefault(f => f.Host == (kind, host)) is { } other)
            throw Refused($"{other.RelativePath} 已经是{name} {year} 年的活动文件：一个城市或单位每年只有一个活动文件，请在其中添加。",
                $"{other.RelativePath} already holds the {year} activities of {host}: a city or organiser has one activities file a year; add to that one.");

        var notice = _facts.MainNotice(year);
        var candidates = notice is null ? [] : _facts.ActivityAttachments(year, notice);
        var slots = new Dictionary<string, string>
        {
            ["year"] = Text(year),
            ["host_key"] = ActivitiesFile.HostKey(kind),
            ["host"] = host,
            ["host_name"] = OneLine(name),
            ["registry"] = kind == HostKind.City ? "cities.yml" : "organisers.yml",
            ["notice"] = notice ?? PlaceholderCheck.Marker,
            ["attachment"] = candidates.Count == 1 ? Text(candidates[0].Number) : PlaceholderCheck.Marker,
            ["attachment_hint"] = AttachmentHint(notice, candidates),
        };
        var text = Template("activities.yml", slots) + ScaffoldTemplate.Indent(ActivityEntry(year, host, PlaceholderCheck.Marker, photos: false), 2) + "\n";
        CreateNew(path, text);
        return new ScaffoldReport([Relative(path)], [], [
            FillIn,
            new($"再加一项活动：./build.sh new activity {year} {host} <活动网址名>（要列照片时加 --photos）。",
                $"Add another activity: ./build.sh new activity {year} {host} <id> (with --photos to list its photos)."),
        ]);
    }

    /// <summary>Adds an activity (and a photos list) at the end of the host's activities file of the year.</summary>
    public ScaffoldReport Activity(int year, string host, string id, bool photos)
    {
        var folder = ExistingYear(year);
        var files = ActivitiesFile.InYear(siteRoot, folder);
        var file = files.FirstOrDefault(f => f.Host?.Slug == host);
        if (file is null)
        {
            var kind = _facts.HostName(HostKind.City, host) is not null ? HostKind.City
                : _facts.HostName(HostKind.Organiser, host) is not null ? HostKind.Organiser
                : throw UnknownHost(null, host);
            var option = $"--{ActivitiesFile.HostKey(kind)} {host}";
            throw Refused($"{host} 还没有 {year} 年的活动文件：先运行 ./build.sh new activities {year} {option}。",
                $"{host} has no {year} activities file yet: create it first with ./build.sh new activities {year} {option}.");
        }
        if (file.Ids.Contains(id))
            throw Refused($"{file.RelativePath} 中已经有网址名为 {id} 的活动，文件没有改动：每项活动的网址名在文件中不能重复，请换一个。",
                $"{file.RelativePath} already has an activity with the id '{id}' and was left as it is: ids are unique in a file; choose another.");
        file.Append(ActivityEntry(year, host, id, photos), id);
        var next = new List<Bilingual>
        {
            FillIn,
            new($"活动的网址是 /activities/{year}/{host}/{id}/。", $"The activity's address is /activities/{year}/{host}/{id}/."),
        };
        if (photos)
            next.Add(new($"把照片（JPG，1024×768 像素以上，最多6张）放进 input/{year}/activities/{host}/ 文件夹，在 file: 中写上它们的文件名。",
                $"Put the photos (JPG, at least 1024×768, at most 6) in input/{year}/activities/{host}/ and write their names in file:."));
        return new ScaffoldReport([], [file.RelativePath], next);
    }

    private string ActivityEntry(int year, string host, string id, bool photos)
    {
        var slots = new Dictionary<string, string>
        {
            ["year"] = Text(year),
            ["host"] = host,
            ["id"] = id,
            ["kinds"] = _facts.Kinds.Count == 0
                ? "见 input/site/kinds.yml"
                : string.Join("、", _facts.Kinds.Select(k => $"{k.Slug}（{OneLine(k.Name.Original)}）")),
        };
        var entry = Template("activity.yml", slots).TrimEnd('\n');
        if (!photos) return entry;
        return entry + "\n" + ScaffoldTemplate.Indent(Template("photos.yml", slots).TrimEnd('\n'), 2);
    }

    private static string AttachmentHint(string? notice, IReadOnlyList<(int Number, string Title)> candidates) => candidates.Count switch
    {
        _ when notice is null => "：主通知的网址名（year.yml 的 main_notice）和附件编号",
        0 => $"：主通知 notices/{notice}.md 还没有 shows: activities 的附件，先在它的 attachments 中加上，再把附件编号填在这里",
        1 => $"：附件{candidates[0].Number}《{OneLine(candidates[0].Title)}》",
        _ => "，填其中之一：" + string.Join("；", candidates.Select(c => $"{c.Number}《{OneLine(c.Title)}》")),
    };

    private void RequireInputFolder()
    {
        if (!Directory.Exists(_facts.InputFolder))
            throw Refused($"{siteRoot} 中没有 input/ 文件夹：请在网站文件夹中运行，或用 --root 指明网站文件夹。",
                $"there is no input/ folder in {siteRoot}: run this in the site folder, or name it with --root.");
    }

    private string ExistingYear(int year)
    {
        RequireInputFolder();
        var folder = _facts.YearFolder(year);
        if (!Directory.Exists(folder))
            throw Refused($"还没有 {year} 年度（{Relative(folder)}/）：先运行 ./build.sh new year {year}。",
                $"there is no year {year} ({Relative(folder)}/): create it first with ./build.sh new year {year}.");
        return folder;
    }

    private ScaffoldRefusedException UnknownHost(HostKind? kind, string host)
    {
        var cities = string.Join(", ", _facts.Cities.Select(c => c.Slug));
        var organisers = string.Join(", ", _facts.Organisers.Select(o => o.Slug));
        return kind switch
        {
            HostKind.City => Refused($"城市登记表 input/site/cities.yml 中没有 {host}。已登记的城市：{cities}。新城市请先在登记表中登记。",
                $"unknown city '{host}': input/site/cities.yml lists {cities}. Register a new city there first."),
            HostKind.Organiser => Refused($"主办单位登记表 input/site/organisers.yml 中没有 {host}。已登记的单位：{organisers}。新单位请先在登记表中登记。",
                $"unknown organiser '{host}': input/site/organisers.yml lists {organisers}. Register a new organiser there first."),
            _ => Refused($"登记表中没有 {host}。已登记的城市：{cities}；主办单位：{organisers}。",
                $"unknown city or organiser '{host}': the cities are {cities}; the organisers are {organisers}."),
        };
    }

    private string Template(string name, IReadOnlyDictionary<string, string> slots) =>
        ScaffoldTemplate.Load(siteRoot, name).Fill(slots);

    private static void CreateNew(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        stream.Write(new UTF8Encoding(false).GetBytes(text));
    }

    private static ScaffoldRefusedException Refused(string zh, string en) => new(new Bilingual(zh, en));

    /// <summary>A registry text put into a one-line template comment.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private string Relative(string path) => Path.GetRelativePath(siteRoot, path).Replace('\\', '/');
}
