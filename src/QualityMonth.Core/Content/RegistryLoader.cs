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
