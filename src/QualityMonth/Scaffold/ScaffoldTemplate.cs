using System.Text.RegularExpressions;

namespace QualityMonth.Scaffold;

/// <summary>
/// A template in <c>theme/scaffolds/</c>: a content file as staff would write it, with <c>{{slot}}</c>s the
/// command fills (the year, a slug, a list of kinds…). Plain text replacement, nothing else: the values
/// are slugs, numbers and one-line comments, so the filled file is exactly what staff read in the template.
/// </summary>
public sealed partial class ScaffoldTemplate
{
    public const string Folder = "theme/scaffolds";

    private readonly string _name;
    private readonly string _text;

    private ScaffoldTemplate(string name, string text)
    {
        _name = name;
        _text = text;
    }

    public static ScaffoldTemplate Load(string siteRoot, string name)
    {
        var path = Path.Combine(siteRoot, Folder, name);
        if (!File.Exists(path))
            throw new ScaffoldRefusedException(new(
                $"找不到模板 {Folder}/{name}：请从网站仓库中恢复这个文件。",
                $"the template {Folder}/{name} is missing: restore it from the site's repository."));
        return new ScaffoldTemplate(name, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    /// <summary>The template with every slot replaced; a slot without a value is refused with its line.</summary>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        var unknown = Slot().Matches(_text).FirstOrDefault(m => !values.ContainsKey(m.Groups[1].Value));
        if (unknown is not null)
        {
            var line = _text[..unknown.Index].Count(c => c == '\n') + 1;
            var known = string.Join(", ", values.Keys.Order(StringComparer.Ordinal).Select(k => "{{" + k + "}}"));
            throw new ScaffoldRefusedException(new(
                $"{Folder}/{_name}:{line}：模板中的 {unknown.Value} 无法填写；这个模板可用的有：{known}",
                $"{Folder}/{_name}:{line}: the template's {unknown.Value} has no value; this template can use {known}"));
        }
        return Slot().Replace(_text, m => values[m.Groups[1].Value]);
    }

    /// <summary>Puts <paramref name="spaces"/> spaces before every non-empty line, to nest a template in a YAML list.</summary>
    public static string Indent(string text, int spaces)
    {
        var prefix = new string(' ', spaces);
        return string.Concat(text.Split('\n').Select((line, i) => (i > 0 ? "\n" : "") + (line.Length > 0 ? prefix + line : line)));
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Slot();
}
