using System.Text;
using System.Text.Json;

namespace QualityMonth.Data;

/// <summary>
/// Writes <c>activities.csv</c> (RFC 4180): UTF-8 with a BOM so that Excel reads Chinese correctly,
/// CRLF after every row, one header row. The columns are the JSON records' properties in the same
/// order and with the same names; a list becomes its items joined by <see cref="ActivityRecords.ListSeparator"/>,
/// null an empty cell. A text cell that a spreadsheet would run as a formula is neutralised as OWASP recommends for
/// files meant for Excel ("CSV injection"): it starts with <c>'</c> and is quoted (docs/data.md).
/// </summary>
public static class ActivitiesCsv
{
    public static byte[] Write(IReadOnlyList<ActivityRecord> records)
    {
        var contract = ActivitiesJson.TypeInfo<ActivityRecord>();
        var columns = contract.Properties.Select(p => p.Name).ToList();
        var csv = new StringBuilder();
        Row(columns);
        foreach (var record in records)
        {
            var json = JsonSerializer.SerializeToElement(record, contract);
            Row(columns.Select(column => Cell(json.GetProperty(column))));
        }
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];

        void Row(IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Neutralise))).Append("\r\n");
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(ActivityRecords.ListSeparator, value.EnumerateArray().Select(Cell)),
        _ => value.GetRawText(),
    };

    /// <summary>The characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP).</summary>
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>A cell as written: <c>'</c> in front of one that starts like a formula, then quoted as RFC 4180 needs.</summary>
    private static string Neutralise(string cell) =>
        cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? Quoted("'" + cell) : Quote(cell);

    /// <summary>Quotes a cell that holds a comma, a quote or a line break, doubling its quotes.</summary>
    private static string Quote(string cell) => cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : Quoted(cell);

    private static string Quoted(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
