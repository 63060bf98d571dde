using QualityMonth.Model;

namespace QualityMonth.Content;

/// <summary>Reads the registries of cities, organisers and kinds of activity under <c>input/site/</c>.</summary>
public static class RegistryLoader
{
    public static IReadOnlyList<City> LoadCities(ContentFile file, IReadOnlyList<Language> languages)
    {
        var cities = new List<City>();
        foreach (var record in ReadList(file))
        {
            var slug = record.RequiredSlug("slug");
            var name = record.Text("name", languages, required: true);
            var parent = record.OptionalString("parent");
            record.RejectUnknownKeys();
            if (slug is null || name is null) continue;
            if (cities.Any(c => c.Slug == slug))
                record.Error("slug", RegistryMessages.SlugTwice(RegistryMessages.City, slug));
            else
                cities.Add(new City(slug, name, parent, record.Location));
        }
        foreach (var city in cities.Where(c => c.ParentSlug is not null && cities.All(p => p.Slug != c.ParentSlug)))
            file.Diagnostics.Error(city.Source, RegistryMessages.UnknownParent(city.Slug, city.ParentSlug!));
        return cities;
    }

    public static IReadOnlyList<Organiser> LoadOrganisers(ContentFile file, IReadOnlyList<Language> languages)
    {
        var organisers = new List<Organiser>();
        foreach (var record in ReadList(file))
        {
            var slug = record.RequiredSlug("slug");
            var name = record.Text("name", languages, required: true);
            record.RejectUnknownKeys();
            if (slug is null || name is null) continue;
            if (organisers.Any(o => o.Slug == slug))
                record.Error("slug", RegistryMessages.SlugTwice(RegistryMessages.Organiser, slug));
            else
                organisers.Add(new Organiser(slug, name, record.Location));
        }
        return organisers;
    }

    public static IReadOnlyList<ActivityKind> LoadKinds(ContentFile file, IReadOnlyList<Language> languages)
    {
        var kinds = new List<ActivityKind>();
        foreach (var record in ReadList(file))
        {
            var slug = record.RequiredSlug("slug");
            var name = record.Text("name", languages, required: true);
            var description = record.Text("description", languages, required: false);
            record.RejectUnknownKeys();
            if (slug is null || name is null) continue;
            if (kinds.Any(k => k.Slug == slug))
                record.Error("slug", RegistryMessages.SlugTwice(RegistryMessages.Kind, slug));
            else
                kinds.Add(new ActivityKind(slug, name, description, record.Location));
        }
        return kinds;
    }

    /// <summary>The glossary's place under <c>input/</c>.</summary>
    public const string GlossaryFile = "site/glossary.yml";

    /// <summary>The glossary: optional (no file, no terms); <c>terms:</c> a list of <c>{ zh, en, note }</c>.</summary>
    public static IReadOnlyList<GlossaryTerm> LoadGlossary(ContentFile file)
    {
        if (!File.Exists(file.FullPath)) return [];
        // Read like every other content file: invalid UTF-8 and control characters are reported, not published.
        var root = YamlRecord.Load(ContentText.Read(file), file, RegistryMessages.Glossary);
        if (root is null) return [];
        var items = root.RecordList("terms", required: true);
        root.RejectUnknownKeys();
        var terms = new List<GlossaryTerm>();
        foreach (var record in items)
        {
            var chinese = record.RequiredString("zh");
            var english = record.RequiredString("en");
            var note = record.OptionalString("note");
            record.RejectUnknownKeys();
            if (chinese is null || english is null) continue;
            if (terms.FirstOrDefault(t => t.Chinese == chinese) is { } first)
                record.Error("zh", RegistryMessages.TermTwice(chinese, first.Source.Line));
            else
                terms.Add(new GlossaryTerm(chinese.Trim(), english.Trim(), note, record.LocationOf("zh")));
        }
        return terms;
    }

    internal static IEnumerable<YamlRecord> ReadList(ContentFile file)
    {
        if (!File.Exists(file.FullPath))
        {
            file.Error(0, RegistryMessages.FileNotFound());
            return [];
        }
        var root = YamlRecord.Parse(ContentText.Read(file), file);
        if (root is YamlDotNet.RepresentationModel.YamlSequenceNode list)
            return list.Select(n => YamlRecord.FromNode(n, file, RegistryMessages.Entry)).OfType<YamlRecord>().ToList();
        if (root is not null)
            file.Error(root, RegistryMessages.NotAList());
        return [];
    }
}
