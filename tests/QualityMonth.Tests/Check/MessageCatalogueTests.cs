using System.Reflection;
using System.Text.RegularExpressions;
using QualityMonth.Build;
using QualityMonth.Cli;
using QualityMonth.Config;
using QualityMonth.Content;
using QualityMonth.Diagnostics;
using QualityMonth.Imaging.Photos;
using QualityMonth.Model;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>
/// Every message of every catalogue (<c>…Messages</c> classes), made with sample values: its Chinese text is
/// Chinese and not the English one, and its code is in the table of docs/check.md, which lists no other code.
/// </summary>
public partial class MessageCatalogueTests
{
    private static readonly Assembly[] Assemblies =
        [typeof(Message).Assembly, typeof(PhotoMessages).Assembly, typeof(BuildMessages).Assembly];

    private static IEnumerable<Type> Catalogues =>
        Assemblies.SelectMany(a => a.GetExportedTypes()).Where(t => t.Name.EndsWith("Messages", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed);

    /// <summary>Every message every catalogue method makes, with each sample value of each parameter.</summary>
    private static readonly Lazy<IReadOnlyList<(string Method, Message Message)>> AllMessages = new(() =>
        [.. Catalogues.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(Message))
            .SelectMany(m => Arguments(m).Select(args => ($"{m.DeclaringType!.Name}.{m.Name}", (Message)m.Invoke(null, args)!)))]);

    /// <summary>Every phrase the catalogues hold or make: the parts of messages (reasons, file kinds, photo details).</summary>
    private static IEnumerable<(string Name, Phrase Phrase)> AllPhrases =>
        Catalogues.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Phrase))
                .Select(f => ($"{t.Name}.{f.Name}", (Phrase)f.GetValue(null)!)))
            .Concat(Catalogues.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Phrase))
                .SelectMany(m => Arguments(m).Select(args => ($"{t.Name}.{m.Name}", (Phrase)m.Invoke(null, args)!)))))
            .Concat(typeof(TextKind).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(TextKind))
                .Select(f => ($"TextKind.{f.Name}", ((TextKind)f.GetValue(null)!).Name)));

    [Fact]
    public void The_catalogues_are_found()
    {
        Assert.True(AllMessages.Value.Count > 80, $"only {AllMessages.Value.Count} messages found");
        Assert.Contains(AllMessages.Value, m => m.Message.Code == "unknown-city");
        Assert.Contains(AllMessages.Value, m => m.Message.Code == "photo-too-small");
    }

    [Fact]
    public void Every_message_has_a_chinese_text_that_is_chinese_and_differs_from_the_english()
    {
        foreach (var (method, message) in AllMessages.Value)
        {
            Assert.True(Han().IsMatch(message.Chinese), $"{method}: the Chinese text has no Chinese: {message.Chinese}");
            Assert.True(message.Chinese != message.English, $"{method}: both texts are '{message.English}'");
            Assert.False(string.IsNullOrWhiteSpace(message.English), $"{method}: no English text");
        }
        foreach (var (name, phrase) in AllPhrases)
        {
            Assert.True(Han().IsMatch(phrase.Chinese), $"{name}: the Chinese text has no Chinese: {phrase.Chinese}");
            Assert.NotEqual(phrase.English, phrase.Chinese);
        }
    }

    [Fact]
    public void A_message_without_one_of_its_texts_or_with_a_bad_code_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => new Message("unknown-city", "", "unknown city"));
        Assert.Throws<ArgumentException>(() => new Message("unknown-city", "城市不存在", " "));
        Assert.Throws<ArgumentException>(() => new Message("Unknown City", "城市不存在", "unknown city"));
    }

    [Fact]
    public void Every_code_is_in_the_table_of_docs_check_md_and_the_table_names_no_other()
    {
        var made = AllMessages.Value.Select(m => m.Message.Code).ToHashSet();
        var documented = DocumentedCodes();
        Assert.Empty(made.Except(documented));
        Assert.Empty(documented.Except(made));
    }

    [Fact]
    public void Every_command_line_text_exists_in_both_languages_and_differs()
    {
        var chinese = ReportStrings.For(Locale.Chinese);
        var english = ReportStrings.For(Locale.English);
        foreach (var property in typeof(ReportStrings).GetProperties())
        {
            var (zh, en) = (property.GetValue(chinese), property.GetValue(english));
            if (zh is Delegate zhText && en is Delegate enText)
            {
                var args = zhText.Method.GetParameters().Select(p => Sample(p).First()).ToArray();
                (zh, en) = (zhText.DynamicInvoke(args), enText.DynamicInvoke(args));
            }
            Assert.True(zh is string { Length: > 0 } && en is string { Length: > 0 }, $"{property.Name} is empty in a language");
            Assert.True(!Equals(zh, en), $"{property.Name} is the same in both languages: {en}");
        }
    }

    /// <summary>The codes in the first column of the table under "## Codes" in docs/check.md.</summary>
    private static HashSet<string> DocumentedCodes()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "check.md"));
        var table = text[text.IndexOf("## Codes", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("| code", StringComparison.Ordinal), StringComparison.Ordinal)];
        return [.. table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => CodeInBackticks().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    private static IEnumerable<object?[]> Arguments(MethodInfo method)
    {
        IEnumerable<object?[]> combinations = [[]];
        foreach (var parameter in method.GetParameters())
        {
            var samples = Sample(parameter).ToList();
            combinations = combinations.SelectMany(c => samples.Select(s => (object?[])[.. c, s]));
        }
        return combinations;
    }

    /// <summary>Sample values in ASCII, so the Chinese found in a message is its own text, not a value's.</summary>
    private static IEnumerable<object?> Sample(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        if (type == typeof(string)) return nullable ? [null, "x-1"] : ["x-1"];
        if (type == typeof(int)) return [3];
        if (type == typeof(long)) return [2_000_000L];
        if (type == typeof(double)) return [1.5];
        if (type == typeof(char)) return ['|'];
        if (type == typeof(DateOnly)) return [new DateOnly(2024, 8, 14)];
        if (type == typeof(Phrase)) return [RegistryMessages.City, RegistryMessages.Organiser];
        if (type == typeof(PhotoRule)) return Enum.GetValues<PhotoRule>().Cast<object?>();
        if (type == typeof(Message)) return [SettingsMessages.BadBasePath("x-1")];
        if (type == typeof(Language)) return [new Language("en", "en", "English")];
        if (type == typeof(IReadOnlyList<(Phrase Missing, IReadOnlyList<int> Lines)>))
            return [new List<(Phrase, IReadOnlyList<int>)> { (new Phrase("“title_en”", "'title_en'"), [4, 12]), (new Phrase("通知正文", "the text"), []) }];
        throw new InvalidOperationException($"no sample value for {type} ({parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}): add one here");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex("`([a-z0-9-]+)`")]
    private static partial Regex CodeInBackticks();
}
