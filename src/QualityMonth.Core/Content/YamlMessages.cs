using QualityMonth.Diagnostics;

namespace QualityMonth.Content;

/// <summary>The form of a YAML file and its fields: what every content file can get wrong.</summary>
public static class YamlMessages
{
    public static Message Malformed(string reason) => new("malformed-yaml",
        $"YAML 格式有误（{reason}）：常见原因是冒号后缺少空格、缩进不齐，或括号、引号没有成对，请检查这一行和上一行",
        $"malformed YAML: {reason}");

    public static Message Unclosed() => new("malformed-yaml",
        "YAML 格式有误：这一行或下面几行有括号或引号没有闭合，请补上配对的 ] 、} 或引号",
        "malformed YAML: an unclosed bracket or quote starts here or on the next lines");

    /// <param name="what">What the text should hold, in both languages (e.g. the notice's metadata).</param>
    public static Message NotAMapping(Phrase what) => new("not-a-mapping",
        $"这里应是{what.Chinese}，写成一行一个“字段: 值”",
        $"expected {what.English} (a YAML mapping of 'key: value' lines)");

    public static Message MissingField(string key) => new("missing-field",
        $"缺少必填字段“{key}”：请补上这一项",
        $"missing required field '{key}'");

    public static Message UnknownField(string key) => new("unknown-field",
        $"未知字段“{key}”：可能是字段名拼写错误，请对照 docs/content-format.md 改正，或删去这一行",
        $"unknown field '{key}'");

    public static Message EmptyText(string key) => new("empty-field",
        $"“{key}”不能为空：请填写内容，不需要时删去这一行",
        $"'{key}' must be a non-empty text");

    public static Message NotANumber(string key, string text) => new("not-a-number",
        $"“{key}”应是整数，现在写的是“{text}”",
        $"'{key}' must be a whole number, not '{text}'");

    /// <param name="marker">The placeholder the <c>new</c> command's templates hold, 【待填写】.</param>
    public static Message UnfilledField(string key, string marker) => new("unfilled-placeholder",
        $"“{key}”还留着“new”命令放入的占位符 {marker}：请在此处填写实际内容",
        $"'{key}' still holds the placeholder {marker} left by 'new': write the real value in its place");

    public static Message UnfilledText(string marker) => new("unfilled-placeholder",
        $"正文中还留着“new”命令放入的占位符 {marker}：请换成通知本身的文字",
        $"the text still holds the placeholder {marker} left by 'new': replace it with the notice's own words");

    public static Message NotASlug(string key, string text) => new("invalid-slug",
        $"“{key}”只能用小写英文字母、数字和连字符（-），现在写的是“{text}”",
        $"'{key}' must be lowercase ASCII letters, digits and hyphens, not '{text}'");

    public static Message TranslationWithoutOriginal(string translatedKey, string key) => new("translation-without-original",
        $"“{translatedKey}”是“{key}”的译文，但没有“{key}”：请先写中文原文",
        $"'{translatedKey}' translates '{key}', which is missing");

    public static Message TranslatedListLength(string translatedKey, int translated, string key, int original) => new("translation-list-length",
        $"“{translatedKey}”有 {translated} 项，而“{key}”有 {original} 项：译文应与原文一项对一项",
        $"'{translatedKey}' has {translated} items but '{key}' has {original}");

    public static Message NotAList(string key) => new("not-a-list",
        $"“{key}”应是列表：每项一行，以“- ”开头",
        $"'{key}' must be a list ('- ' items)");

    public static Message NotATextList(string key) => new("not-a-list",
        $"“{key}”应是文字列表，例如 [质量科, 办公室]",
        $"'{key}' must be a list of texts, e.g. [质量科, 办公室]");

    public static Message TitleTooLong(int length, int limit) => new("title-too-long",
        $"标题太长：{length} 个字符，最多 {limit} 个。标题会出现在页面、列表、订阅和分享图片中：请只写标题，说明文字放在 description 中",
        $"the title is too long: {length} characters, at most {limit}; a title is repeated on pages, lists, feeds and share images: keep it a title and put the rest in the description");
}
