using QualityMonth.Build;
using QualityMonth.Routing;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Data;

/// <summary>
/// The activity data files: <c>activities.json</c> and <c>activities.csv</c> in every language (the same
/// records in both), and the JSON Schema they follow, once at the root.
/// </summary>
public sealed class ActivityData : IFileGenerator
{
    public void Generate(BuildContext build)
    {
        var settings = build.Site.Settings;
        var schemaUrl = SiteUrls.Absolute(settings, Routes.ActivitiesSchema);
        build.Output.Add(SiteUrls.OutputPath(Routes.ActivitiesSchema, settings.DefaultLanguage), ActivitiesJson.Schema(schemaUrl));
        foreach (var language in settings.Languages)
        {
            var strings = DataStrings.For(language.Locale);
            var records = ActivityRecords.For(build, language);
            var document = new ActivitiesDocument(schemaUrl, language.Code, strings.DataFileTitle(settings.Title.In(language).Text),
                strings.DataFileSource, records.Count, records);
            build.Output.Add(SiteUrls.OutputPath(Routes.ActivitiesJson, language), ActivitiesJson.Write(document));
            build.Output.Add(SiteUrls.OutputPath(Routes.ActivitiesCsv, language), ActivitiesCsv.Write(records));
        }
    }
}
