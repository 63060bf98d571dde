using System.Text;
using System.Text.Json;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>activities.json read back with System.Text.Json and compared with the YAML the staff wrote; checked against its schema by Ajv.</summary>
[Collection(DataCollection.Name)]
public sealed class ActivitiesJsonTests(BuiltSite site)
{
    private const string Host = "https://zly.example.gov.cn";

    [Fact]
    public void Every_activity_of_the_yaml_files_is_one_record_in_each_language()
    {
        var sources = SourceContent.Activities();
        Assert.True(sources.Count >= 150, $"only {sources.Count} activities in input/");
        foreach (var prefix in DataFiles.Prefixes)
        {
            var data = DataFiles.Json(site, prefix);
            Assert.Equal(prefix == "" ? "zh-Hans" : "en", data.Language);
            Assert.Equal(sources.Count, data.Count);
            Assert.Equal(sources.Count, data.Activities.Count);
            Assert.Equal(sources.Select(s => s.Key).Order(StringComparer.Ordinal), data.Activities.Select(a => a.Id).Order(StringComparer.Ordinal));
            Assert.Equal(Counts(sources.Select(s => (s.Year, s.HostKind, s.HostSlug))),
                Counts(data.Activities.Select(a => (a.Year, a.HostKind, a.CitySlug ?? a.OrganiserSlug!))));
        }

        static SortedDictionary<string, int> Counts(IEnumerable<(int Year, string Kind, string Slug)> hosts) =>
            new(hosts.GroupBy(h => $"{h.Year}/{h.Kind}/{h.Slug}").ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
    }

    [Fact]
    public void The_chinese_file_gives_the_yaml_texts_as_written()
    {
        var records = DataFiles.Json(site, "").Activities.ToDictionary(a => a.Id);
        var cities = SourceContent.Registry("cities.yml");
        var organisers = SourceContent.Registry("organisers.yml");
        var kinds = SourceContent.Registry("kinds.yml");
        foreach (var source in SourceContent.Activities())
        {
            var record = records[source.Key];
            Assert.Equal(source.Title, record.Title);
            Assert.Equal(source.Description, record.Description);
            Assert.Equal(source.Time, record.Timing);
            Assert.Equal(source.Lead, record.Lead);
            Assert.Equal(source.Partners, record.Partners);
            Assert.Equal(source.Kinds, record.Kinds);
            Assert.Equal(source.Kinds.Select(k => kinds[k].Name), record.KindNames);
            Assert.Equal(source.HostKind, record.HostKind);
            var host = source.HostKind == "city" ? cities[source.HostSlug] : organisers[source.HostSlug];
            Assert.Equal(host.Name, source.HostKind == "city" ? record.CityName : record.OrganiserName);
            Assert.Null(source.HostKind == "city" ? record.OrganiserName : record.CityName);
            Assert.Equal($"{Host}/activities/{source.Key}/", record.Url);
            Assert.Equal(source.Photos, record.PhotoUrls.Count);
            Assert.Empty(record.Untranslated);
        }
    }

    [Fact]
    public void The_english_file_gives_translations_and_names_the_fields_left_in_chinese()
    {
        var records = DataFiles.Json(site, "en/").Activities.ToDictionary(a => a.Id);
        var cities = SourceContent.Registry("cities.yml");
        var kinds = SourceContent.Registry("kinds.yml");
        foreach (var source in SourceContent.Activities())
        {
            var record = records[source.Key];
            Assert.Equal(source.TitleEn ?? source.Title, record.Title);
            Assert.Equal(source.DescriptionEn ?? source.Description, record.Description);
            Assert.Equal(source.TimeEn ?? source.Time, record.Timing);
            Assert.Equal(source.LeadEn ?? source.Lead, record.Lead);
            Assert.Equal(source.PartnersEn.Count > 0 ? source.PartnersEn : source.Partners, record.Partners);
            Assert.Equal(source.TitleEn is null, record.Untranslated.Contains("title"));
            Assert.Equal(source.Description is not null && source.DescriptionEn is null, record.Untranslated.Contains("description"));
            Assert.Equal(source.Time is not null && source.TimeEn is null, record.Untranslated.Contains("timing"));
            Assert.Equal(source.Lead is not null && source.LeadEn is null, record.Untranslated.Contains("lead"));
            Assert.Equal(source.Kinds.Select(k => kinds[k].NameEn), record.KindNames);
            if (source.HostKind == "city") Assert.Equal(cities[source.HostSlug].NameEn, record.CityName);
            Assert.Equal($"{Host}/en/activities/{source.Key}/", record.Url);
            Assert.StartsWith($"{Host}/en/{source.Year}/notices/", record.SourceUrl);
        }
        Assert.Contains(records.Values, r => r.Timing is "Mid-September");
    }

    [Theory]
    [InlineData("2023/yongan/quality-month-publicity", "9月", "2023-09-01", "2023-09-30", "month")]
    [InlineData("2023/yongan/sanming-quality-award", "9-10月", "2023-09-01", "2023-10-31", "month-range")]
    [InlineData("2023/yongan/consumer-complaint-channels", "全年", "2023-01-01", "2023-12-31", "year")]
    [InlineData("2024/fuzhou/launch-ceremony", null, "2024-09-01", "2024-09-30", "campaign-month")]
    public void Dates_are_the_days_the_documents_timing_covers(string id, string? timing, string start, string end, string precision)
    {
        var record = DataFiles.Json(site, "").Activities.Single(a => a.Id == id);
        Assert.Equal(timing, record.Timing);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), precision),
            (record.StartDate, record.EndDate, record.DatePrecision));
    }

    [Fact]
    public void A_part_of_a_month_covers_its_ten_days()
    {
        var source = SourceContent.Activities().Single(a => a.Time == "9月中旬");
        var record = DataFiles.Json(site, "").Activities.Single(a => a.Id == source.Key);
        Assert.Equal((new DateOnly(source.Year, 9, 11), new DateOnly(source.Year, 9, 20), "part-of-month"), (record.StartDate, record.EndDate, record.DatePrecision));
    }

    [Fact]
    public void Each_record_names_its_source_notice_and_attachment()
    {
        var notices = SourceContent.Notices().ToDictionary(n => $"{Host}/{n.Year}/notices/{n.Slug}/");
        foreach (var record in DataFiles.Json(site, "").Activities)
        {
            var page = record.SourceUrl[..(record.SourceUrl.IndexOf('#') )];
            var notice = notices[page];
            Assert.Equal(notice.Title, record.SourceTitle);
            Assert.Equal(notice.Date, record.SourceDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith($"#attachment-{record.SourceAttachment}", record.SourceUrl);
        }
        var fuzhou = DataFiles.Json(site, "").Activities.First(a => a.Id.StartsWith("2024/fuzhou/", StringComparison.Ordinal));
        Assert.Equal("闽质强省办〔2024〕9号", fuzhou.SourceDocumentNumber);
        Assert.Equal("2024年全省“质量月”各地开展的主要活动", fuzhou.SourceAttachmentTitle);
    }

    [Fact]
    public void Photo_downloads_are_files_of_the_site_with_their_captions_and_credits()
    {
        var record = DataFiles.Json(site, "en/").Activities.Single(a => a.PhotoUrls.Count > 0 && a.Id == "2025/market-regulation/green-product-certification-week");
        Assert.Equal(2, record.PhotoUrls.Count);
        foreach (var url in record.PhotoUrls)
        {
            Assert.StartsWith($"{Host}/photos/", url);
            Assert.True(File.Exists(Path.Combine(site.Output, url[(Host.Length + 1)..])), $"{url} is not in the output");
        }
        Assert.All(record.PhotoCaptions, c => Assert.StartsWith("Illustration:", c));
        Assert.All(record.PhotoCredits, c => Assert.Equal("Made by this site", c));
    }

    [Fact]
    public void The_json_is_utf8_without_bom_chinese_unescaped_every_field_present_in_a_stable_order()
    {
        foreach (var prefix in DataFiles.Prefixes)
        {
            var bytes = File.ReadAllBytes(DataFiles.PathOf(site, prefix, "activities.json"));
            Assert.Equal((byte)'{', bytes[0]);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            // Document numbers are printed in Chinese in both languages' files.
            Assert.Contains("闽质强省办〔2024〕9号", text);
            Assert.DoesNotContain("\\u", text);
            using var json = JsonDocument.Parse(bytes);
            Assert.Equal(["$schema", "language", "title", "source", "count", "activities"], json.RootElement.EnumerateObject().Select(p => p.Name));
            foreach (var record in json.RootElement.GetProperty("activities").EnumerateArray())
                Assert.Equal(DataFiles.Fields, record.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void The_json_validates_against_the_published_schema_with_ajv()
    {
        var schema = DataFiles.PathOf(site, "", "activities.schema.json");
        using (var published = JsonDocument.Parse(File.ReadAllBytes(schema)))
        {
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", published.RootElement.GetProperty("$schema").GetString());
            Assert.Equal($"{Host}/data/activities.schema.json", published.RootElement.GetProperty("$id").GetString());
            Assert.Equal(DataFiles.Fields, published.RootElement.GetProperty("$defs").GetProperty("activity").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        }
        Assert.All(DataFiles.Prefixes, prefix => Assert.Equal($"{Host}/data/activities.schema.json", DataFiles.Json(site, prefix).Schema));

        var result = ExternalTool.Node("Data/Tools/validate-json.mjs", schema,
            DataFiles.PathOf(site, "", "activities.json"), DataFiles.PathOf(site, "en/", "activities.json"));
        Assert.True(result.ExitCode == 0, "Ajv rejects the data files:\n" + result.All);

        // The validator does reject a record that breaks the schema: a year as text, a missing title.
        var broken = Path.Combine(Path.GetTempPath(), $"qm-broken-{Guid.NewGuid():N}.json");
        try
        {
            var text = File.ReadAllText(DataFiles.PathOf(site, "", "activities.json"));
            var firstYear = text.IndexOf("\"year\": ", StringComparison.Ordinal);
            text = text[..firstYear] + "\"year\": \"2025\"" + text[(firstYear + "\"year\": 2025".Length)..];
            File.WriteAllText(broken, text);
            var rejected = ExternalTool.Node("Data/Tools/validate-json.mjs", schema, broken);
            Assert.Equal(1, rejected.ExitCode);
            Assert.Contains("/activities/0/year must be integer", rejected.Stdout);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}

/// <summary>The English activities.json where a text has no translation (the real content has none left).</summary>
public sealed class UntranslatedActivityFieldsTests(PartlyTranslatedSite site) : IClassFixture<PartlyTranslatedSite>
{
    [Fact]
    public void The_english_file_gives_the_chinese_text_and_names_the_field_left_untranslated()
    {
        var record = DataFiles.Json(site, "en/").Activities.Single(a => a.Id == "2023/yongan/quality-month-publicity");
        Assert.Equal("质量科", record.Lead);
        Assert.Equal("General Office", Assert.Single(record.Partners));
        Assert.Equal(["lead"], record.Untranslated);
    }
}
