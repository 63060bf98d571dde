using System.Text;
using System.Text.Json;
using CsvHelper;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Data;

/// <summary>activities.csv: opened as Excel needs it (BOM, CRLF) and parsed by CsvHelper, an RFC 4180 reader, into the JSON's records.</summary>
[Collection(DataCollection.Name)]
public sealed class ActivitiesCsvTests(BuiltSite site)
{
    [Fact]
    public void The_csv_starts_with_a_utf8_bom_and_ends_every_row_with_crlf()
    {
        foreach (var prefix in DataFiles.Prefixes)
        {
            var bytes = File.ReadAllBytes(DataFiles.PathOf(site, prefix, "activities.csv"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
            Assert.EndsWith("\r\n", text);
            // The content has no line breaks inside values, so every line break ends a row.
            Assert.DoesNotMatch("(?<!\r)\n|\r(?!\n)", text);
            Assert.Equal(DataFiles.Json(site, prefix).Count + 1, text.Split("\r\n").Length - 1);
        }
    }

    [Fact]
    public void Csvhelper_reads_the_same_records_as_the_json()
    {
        foreach (var prefix in DataFiles.Prefixes)
        {
            var (header, rows) = ReadCsv(DataFiles.PathOf(site, prefix, "activities.csv"));
            Assert.Equal(DataFiles.Fields, header);
            using var json = JsonDocument.Parse(File.ReadAllBytes(DataFiles.PathOf(site, prefix, "activities.json")));
            var records = json.RootElement.GetProperty("activities").EnumerateArray().ToList();
            Assert.Equal(records.Count, rows.Count);
            for (var i = 0; i < records.Count; i++)
                foreach (var field in DataFiles.Fields)
                    Assert.True(Flatten(records[i].GetProperty(field)) == rows[i][field],
                        $"{prefix}activities.csv row {i + 1}, {field}: '{rows[i][field]}' but the JSON has '{Flatten(records[i].GetProperty(field))}'");
        }
    }

    [Fact]
    public void Chinese_comes_through_the_bom_and_quoted_cells_come_back_whole()
    {
        var (_, rows) = ReadCsv(DataFiles.PathOf(site, "", "activities.csv"));
        Assert.Contains(rows, r => r["city_name"] == "福州市" && r["title"].Contains("质量月", StringComparison.Ordinal));
        var (_, english) = ReadCsv(DataFiles.PathOf(site, "en/", "activities.csv"));
        Assert.Contains(english, r => r["title"].Contains(',', StringComparison.Ordinal) && r["title"].Contains('"', StringComparison.Ordinal));
        Assert.Contains(english, r => r["kinds"].Contains(" | ", StringComparison.Ordinal));
    }

    /// <summary>A JSON value as the documented CSV cell: lists joined by " | ", null as empty.</summary>
    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join(" | ", value.EnumerateArray().Select(Flatten)),
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>Reads a CSV file strictly as RFC 4180: a comma separator, nothing trimmed, bad quoting or a short row an error.</summary>
    internal static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(string path)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var csv = CsvReader.FromFile(path, options);
        var header = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.Select((name, i) => (name, csv[i].ToString())).ToDictionary(f => f.name, f => f.Item2));
        return (header, rows);
    }
}
