using QualityMonth.Diagnostics;
using QualityMonth.Model;

namespace QualityMonth.Build;

/// <summary>Texts that have no translation yet: warnings, since the pages show the original meanwhile.</summary>
public static class TranslationMessages
{
    /// <param name="fields">Each missing translation and the lines of the texts it would translate (none for a whole file).</param>
    public static Message Untranslated(Language language, IReadOnlyList<(Phrase Missing, IReadOnlyList<int> Lines)> fields)
    {
        var name = LanguageName(language);
        var chinese = string.Join("，", fields.Select(f => f.Lines.Count == 0 ? f.Missing.Chinese : $"第{string.Join("、", f.Lines)}行的{f.Missing.Chinese}"));
        var english = string.Join(", ", fields.Select(f => f.Lines.Count == 0 ? f.Missing.English
            : $"{f.Missing.English} (line{(f.Lines.Count > 1 ? "s" : "")} {string.Join(", ", f.Lines)})"));
        return new("missing-translation",
            $"以下内容还没有{name.Chinese}译文：{chinese}。{name.Chinese}页面暂时显示中文原文；有了译文请补上",
            $"no {name.English} translation yet: {english}; the {name.English} pages show the Chinese text meanwhile");
    }

    public static Message GlossaryTermRendered(string term, string rendering, string glossaryFile) => new("glossary-term",
        $"中文里有术语“{term}”，英文译文却没有用术语表（{glossaryFile}）规定的译法“{rendering}”：请按术语表统一译法",
        $"the Chinese has the term '{term}' but the English does not use its rendering '{rendering}' from {glossaryFile}: translate it as the glossary says");

    private static Phrase LanguageName(Language language) => language.Locale.Pick(new Phrase("中文", "Chinese"), new Phrase("英文", "English"));
}
