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

    public SourceLocation Location => _file.LocationOf(_node);

    /// <summary>Parses a whole YAML document. Reports malformed YAML with its line and returns null.</summary>
    public static YamlNode? Parse(string text, ContentFile file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new ContentYamlParser(parser, file));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (RefusedYamlException e)
        {
            file.Diagnostics.Error(file.Path, file.LineOffset + (int)e.Start.Line, e.Refusal, (int)e.Start.Column);
            return null;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            file.Diagnostics.Error(file.Path, file.LineOffset + (int)e.Start.Line, YamlMessages.Malformed(StripMark(reason)), (int)e.Start.Column);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some inputs (e.g. an unclosed '[') without a position:
            // report the line after the last thing it understood.
            var line = parser.Current is { } last ? (int)last.End.Line : 1;
            file.Error(file.LineOffset + line, YamlMessages.Unclosed());
            return null;
        }
    }

    /// <summary>Parses a YAML text that must hold one mapping; malformed YAML is reported once.</summary>
    public static YamlRecord? Load(string text, ContentFile file, Phrase what)
    {
        var errorsBefore = file.Diagnostics.Count;
        var root = Parse(text, file);
        return root is null && file.Diagnostics.Count > errorsBefore ? null : FromNode(root, file, what);
    }

    public static YamlRecord? FromNode(YamlNode? node, ContentFile file, Phrase what)
    {
        if (node is YamlMappingNode map)
            return new YamlRecord(map, file);
        if (node is null) file.Error(file.LineOffset + 1, YamlMessages.NotAMapping(what));
        else file.Error(node, YamlMessages.NotAMapping(what));
        return null;
    }

    public string? RequiredString(string key) => String(key, required: true);

    public string? OptionalString(string key) => String(key, required: false);

    public int? RequiredInt(string key)
    {
        var text = RequiredString(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        Error(key, YamlMessages.NotANumber(key, text));
        return null;
    }

    /// <summary>An ASCII slug: lowercase letters, digits and single hyphens.</summary>
    public string? RequiredSlug(string key)
    {
        var text = RequiredString(key);
        if (text is null || IsSlug(text)) return text;
        Error(key, YamlMessages.NotASlug(key, text));
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
                Error(key + language.FieldSuffix, YamlMessages.TranslationWithoutOriginal(key + language.FieldSuffix, key));
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
            Error(k, YamlMessages.TranslatedListLength(k, items.Count, key, originals.Count));
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
            if (required) Error(null, YamlMessages.MissingField(key));
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            _file.Error(node, YamlMessages.NotAList(key));
            return [];
        }
        var records = new List<YamlRecord>();
        foreach (var item in sequence)
        {
            var record = FromNode(item, _file, new Phrase($"“{key}”中的一项", $"an item of '{key}'"));
            if (record is not null) records.Add(record);
        }
        return records;
    }

    public YamlRecord? RequiredRecord(string key)
    {
        var node = Take(key);
        if (node is not null) return FromNode(node, _file, new Phrase($"“{key}”的各项内容", $"'{key}' to be a mapping"));
        Error(null, YamlMessages.MissingField(key));
        return null;
    }

    public int LineOfKey(string key) => LocationOf(key).Line;

    /// <summary>Where <paramref name="key"/> is written, or the record itself when the key is absent or null.</summary>
    public SourceLocation LocationOf(string? key) =>
        key is not null && _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } found
            ? _file.LocationOf(found)
            : Location;

    public void Error(string? key, Message message) => _file.Diagnostics.Error(LocationOf(key), message);

    public void Warning(string? key, Message message) => _file.Diagnostics.Warning(LocationOf(key), message);

    /// <summary>Reports every key that no reader asked for. Call after reading all fields.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_consumed.Contains(name))
                _file.Error(key, YamlMessages.UnknownField(name));
        }
    }

    private string? String(string key, bool required)
    {
        var node = Take(key);
        if (node is null)
        {
            if (required) Error(null, YamlMessages.MissingField(key));
            return null;
        }
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
            return value.Trim();
        _file.Error(node, YamlMessages.EmptyText(key));
        return null;
    }

    private IReadOnlyList<string> ScalarList(string key)
    {
        var node = Take(key);
        if (node is null) return [];
        if (node is YamlSequenceNode seq && seq.All(n => n is YamlScalarNode { Value.Length: > 0 }))
            return seq.Cast<YamlScalarNode>().Select(s => s.Value!.Trim()).ToList();
        _file.Error(node, YamlMessages.NotATextList(key));
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
