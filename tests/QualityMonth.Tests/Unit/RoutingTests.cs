using QualityMonth.Model;
using QualityMonth.Render;
using QualityMonth.Routing;

namespace QualityMonth.Tests.Unit;

public class RoutingTests
{
    private static readonly Language Chinese = new("zh-Hans", "", "中文");
    private static readonly Language English = new("en", "en", "English");

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/2024/", "2024/index.html")]
    [InlineData("/en/2024/notices/provincial/", "en/2024/notices/provincial/index.html")]
    [InlineData("/404.html", "404.html")]
    [InlineData("/en/404.html", "en/404.html")]
    public void Url_paths_map_to_output_files(string urlPath, string file) =>
        Assert.Equal(file, OutputPaths.ForUrlPath(urlPath));

    [Fact]
    public void The_default_language_lives_at_the_root_and_others_under_their_prefix()
    {
        Assert.Equal("/cities/fuzhou/", Chinese.Localize(Routes.City("fuzhou")));
        Assert.Equal("/en/cities/fuzhou/", English.Localize(Routes.City("fuzhou")));
        Assert.Equal("_en", English.FieldSuffix);
    }

    [Fact]
    public void Slogan_permalinks_are_anchors_on_the_year_slogan_page()
    {
        var slogan = new Slogan(2024, 3, new LocalizedText("质量助企 质量强企 质量惠企"), new SourceLocation("x", 1));
        Assert.Equal("/2024/slogans/#slogan-3", Routes.Slogan(slogan));
    }

    [Fact]
    public void A_missing_translation_falls_back_to_the_original_and_says_so()
    {
        var text = new LocalizedText("福州市", new Dictionary<string, string> { ["en"] = "Fuzhou" });
        Assert.Equal(new LocalizedValue("Fuzhou", "en", false), text.In(English));
        var untranslated = new LocalizedText("质量科");
        Assert.Equal(new LocalizedValue("质量科", "zh-Hans", true), untranslated.In(English));
        Assert.False(untranslated.In(Chinese).IsFallback);
    }

    [Theory]
    [InlineData("一、活动内容", "一活动内容")]
    [InlineData("Section 2: Goals", "section-2-goals")]
    [InlineData("（一）", "一")]
    [InlineData("？", "section")]
    public void Heading_ids_keep_letters_of_any_script(string heading, string id) =>
        Assert.Equal(id, PageHtmlWriter.Slugify(heading));
}
