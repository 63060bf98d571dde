using System.Globalization;
using System.Text.RegularExpressions;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Content;

/// <summary>
/// One YAML mapping read field by field, so that every problem is reported with its file and line,
/// and keys that nothing asked for are reported as unknown.
/// </summary>
public sealed partial class YamlRecord
{
    private readonly YamlMappingNode _node;
    private readonly ContentFile _file;
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public YamlRecord(YamlMappingNode node, ContentFile file)
    {
        _node = node;
        _file = file;
    }

    public ContentFile File => _file;

    public int Line => _file.LineOf(_node);

    public SourceLocation Location => new(_file.Path, Line);

    /// <summary>Parses a whole YAML document. Reports malformed YAML with its line and returns null.</summary>
    public static YamlNode? Parse(string text, ContentFile file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            file.Error(file.LineOffset + (int)e.Start.Line, $"malformed YAML: {StripMark(reason)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some inputs (e.g. an unclosed '[') without a position:
            // report the line after the last thing it understood.
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            file.Error(file.LineOffset + line, "malformed YAML: an unclosed bracket or quote starts here or on the next lines");
            return null;
        }
    }

    /// <summary>Parses a YAML text that must hold one mapping; malformed YAML is reported once.</summary>
    public static YamlRecord? Load(string text, ContentFile file, string what)
    {
        var errorsBefore = file.Diagnostics.Count;
        var root = Parse(text, file);
        return root is null && file.Diagnostics.Count > errorsBefore ? null : FromNode(root, file, what);
    }

    public static YamlRecord? FromNode(YamlNode? node, ContentFile file, string what)
    {
        if (node is YamlMappingNode map)
            return new YamlRecord(map, file);
        file.Error(node is null ? file.LineOffset + 1 : file.LineOf(node), $"expected {what} (a YAML mapping of 'key: value' lines)");
        return null;
    }

    public string? RequiredString(string key) => String(key, required: true);

    public string? OptionalString(string key) => String(key, required: false);

    public int? RequiredInt(string key)
    {
        var text = RequiredString(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        Error(key, $"'{key}' must be a whole number, not '{text}'");
        return null;
    }

    /// <summary>An ASCII slug: lowercase letters, digits and single hyphens.</summary>
    public string? RequiredSlug(string key)
    {
        var text = RequiredString(key);
        if (text is null || IsSlug(text)) return text;
        Error(key, $"'{key}' must be lowercase ASCII letters, digits and hyphens, not '{text}'");
        return null;
    }

    /// <summary>Whether a text has the form of a slug: lowercase ASCII letters, digits and single hyphens.</summary>
    public static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    /// <summary>A text with its translations: <c>key</c> and, per other language, <c>key_en</c>.</summary>
    public LocalizedText? Text(string key, IReadOnlyList<Language> languages, bool required)
    {
        var original = String(key, required);
        var translations = new Dictionary<string, string>();
        foreach (var language in languages.Where(l => !l.IsDefault))
        {
            var translated = String(key + language.FieldSuffix, required: false);
            if (translated is null) continue;
            if (original is null)
                Error(key + language.FieldSuffix, $"'{key + language.FieldSuffix}' translates '{key}', which is missing");
            translations[language.Code] = translated;
        }
        return original is null ? null : new LocalizedText(original, translations);
    }

    /// <summary>A list of texts: <c>key</c> and optional <c>key_en</c> lists of the same length.</summary>
    public IReadOnlyList<LocalizedText> TextList(string key, IReadOnlyList<Language> languages)
    {
        var originals = ScalarList(key);
        var translated = languages.Where(l => !l.IsDefault)
            .Select(l => (l.Code, Key: key + l.FieldSuffix, Items: ScalarList(key + l.FieldSuffix)))
            .ToList();
        foreach (var (_, k, items) in translated.Where(t => t.Items.Count > 0 && t.Items.Count != originals.Count))
            Error(k, $"'{k}' has {items.Count} items but '{key}' has {originals.Count}");
        return originals.Select((text, i) => new LocalizedText(text, translated
                .Where(t => t.Items.Count == originals.Count)
                .ToDictionary(t => t.Code, t => t.Items[i])))
            .ToList();
    }

    /// <summary>A list of plain strings (<c>[a, b]</c> or <c>- a</c> items); empty when absent.</summary>
    public IReadOnlyList<string> StringList(string key) => ScalarList(key);

    public IReadOnlyList<YamlRecord> RecordList(string key, bool required)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required) Error(null, $"missing required field '{key}'");
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            _file.Error(_file.LineOf(node), $"'{key}' must be a list ('- ' items)");
            return [];
        }
        var records = new List<YamlRecord>();
        foreach (var item in sequence)
        {
            var record = FromNode(item, _file, $"an item of '{key}'");
            if (record is not null) records.Add(record);
        }
        return records;
    }

    public YamlRecord? RequiredRecord(string key)
    {
        var node = Take(key);
        if (node is not null) return FromNode(node, _file, $"'{key}' to be a mapping");
        Error(null, $"missing required field '{key}'");
        return null;
    }

    public int LineOfKey(string key) =>
        _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } found ? _file.LineOf(found) : Line;

    public void Error(string? key, string message) => _file.Error(key is null ? Line : LineOfKey(key), message);

    public void Warning(string? key, string message) => _file.Warning(key is null ? Line : LineOfKey(key), message);

    /// <summary>Reports every key that no reader asked for. Call after reading all fields.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_consumed.Contains(name))
                _file.Error(_file.LineOf(key), $"unknown field '{name}'");
        }
    }

    private string? String(string key, bool required)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required) Error(null, $"missing required field '{key}'");
            return null;
        }
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            return value.Trim();
        _file.Error(_file.LineOf(node), $"'{key}' must be a non-empty text");
        return null;
    }

    private IReadOnlyList<string> ScalarList(string key)
    {
        var node = Take(key);
        if (node is null) return [];
        if (node is YamlSequenceNode seq && seq.All(n => n is YamlScalarNode { Value.Length: > 0 }))
            return seq.Cast<YamlScalarNode>().Select(s => s.Value!.Trim()).ToList();
        _file.Error(_file.LineOf(node), $"'{key}' must be a list of texts, e.g. [质量科, 办公室]");
        return [];
    }

    private YamlNode? Take(string key)
    {
        _consumed.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private static string StripMark(string message) => MarkPattern().Replace(message, "").Trim();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):")]
    private static partial Regex MarkPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
