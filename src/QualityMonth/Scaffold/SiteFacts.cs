using System.Globalization;
using QualityMonth.Config;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Scaffold;

/// <summary>
/// What the <c>new</c> command reads from the site to fill its templates: the registries, a year's
/// main notice and its attachments. Read leniently, with the content loader's own readers: a broken
/// file here is check's business, so the command fills what it can and leaves a placeholder for the rest.
/// </summary>
public sealed class SiteFacts
{
    private readonly string _siteRoot;
    private readonly IReadOnlyList<Language> _languages;
    private readonly DiagnosticBag _ignored = new();

    public SiteFacts(string siteRoot)
    {
        _siteRoot = siteRoot;
        _languages = SettingsLoader.Load(siteRoot, _ignored)?.Languages ?? [new Language(Language.DefaultCode, "", "中文")];
        Cities = RegistryLoader.LoadCities(File(Path.Combine(InputFolder, "site", "cities.yml")), _languages);
        Organisers = RegistryLoader.LoadOrganisers(File(Path.Combine(InputFolder, "site", "organisers.yml")), _languages);
        Kinds = RegistryLoader.LoadKinds(File(Path.Combine(InputFolder, "site", "kinds.yml")), _languages);
    }

    public IReadOnlyList<City> Cities { get; }

    public IReadOnlyList<Organiser> Organisers { get; }

    public IReadOnlyList<ActivityKind> Kinds { get; }

    public string InputFolder => Path.Combine(_siteRoot, ContentLoader.InputFolder);

    /// <summary>The host's Chinese name, or null when the registry does not list it.</summary>
    public string? HostName(HostKind kind, string slug) => kind == HostKind.City
        ? Cities.FirstOrDefault(c => c.Slug == slug)?.Name.Original
        : Organisers.FirstOrDefault(o => o.Slug == slug)?.Name.Original;

    public string YearFolder(int year) => Path.Combine(InputFolder, year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The year's <c>main_notice</c>, when year.yml names one that could be a notice's file name.</summary>
    public string? MainNotice(int year)
    {
        var path = Path.Combine(YearFolder(year), "year.yml");
        if (!System.IO.File.Exists(path)) return null;
        var record = YamlRecord.Load(System.IO.File.ReadAllText(path), File(path), YearMessages.YearSettings);
        return record?.OptionalString("main_notice") is { } slug && YamlRecord.IsSlug(slug) ? slug : null;
    }

    /// <summary>The notice's attachments that show activities files: their numbers and titles.</summary>
    public IReadOnlyList<(int Number, string Title)> ActivityAttachments(int year, string noticeSlug)
    {
        var path = Path.Combine(YearFolder(year), "notices", noticeSlug + ".md");
        if (!System.IO.File.Exists(path)) return [];
        var split = FrontMatter.Split(System.IO.File.ReadAllText(path));
        if (split.Yaml is null) return [];
        var record = YamlRecord.Load(split.Yaml, File(path), NoticeMessages.Metadata);
        if (record is null) return [];
        return record.RecordList("attachments", required: false)
            .Select((item, i) => (Number: i + 1, Title: item.OptionalString("title") ?? "", Shows: item.OptionalString("shows")))
            .Where(a => a.Shows == "activities")
            .Select(a => (a.Number, a.Title))
            .ToList();
    }

    private ContentFile File(string fullPath) => ContentFile.For(_siteRoot, fullPath, _ignored);
}
