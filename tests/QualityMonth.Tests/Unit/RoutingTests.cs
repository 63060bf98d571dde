using QualityMonth.Config;
using QualityMonth.Model;
using QualityMonth.Markdown;
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
        Assert.Equal(file, SiteUrls.OutputPath(urlPath));

    [Fact]
    public void The_default_language_lives_at_the_root_and_others_under_their_prefix()
    {
        Assert.Equal("/cities/fuzhou/", SiteUrls.Localize(Routes.City("fuzhou"), Chinese));
        Assert.Equal("/en/cities/fuzhou/", SiteUrls.Localize(Routes.City("fuzhou"), English));
        Assert.Equal("en/data/activities.csv", SiteUrls.OutputPath(Routes.ActivitiesCsv, English));
        Assert.Equal("_en", English.FieldSuffix);
    }

    [Theory]
    [InlineData("/2024/", "/en/2024/")]
    [InlineData("/en/2024/", "/en/2024/")]
    [InlineData("/english/", "/en/english/")]
    public void Content_links_point_at_the_language_of_the_page_unless_they_name_it(string written, string english)
    {
        Assert.Equal(written, SiteUrls.LocalizeContentLink(written, Chinese));
        Assert.Equal(english, SiteUrls.LocalizeContentLink(written, English));
    }

    [Theory]
    [InlineData("", "https://zlj.fujian.gov.cn/", "/en/2024/", "https://zlj.fujian.gov.cn/en/2024/")]
    [InlineData("/ztzl/zly", "https://zlj.fujian.gov.cn/", "/en/2024/", "https://zlj.fujian.gov.cn/ztzl/zly/en/2024/")]
    [InlineData("/ztzl/zly", "https://zlj.fujian.gov.cn/", "/2024/notices/a/#attachment-1", "https://zlj.fujian.gov.cn/ztzl/zly/2024/notices/a/#attachment-1")]
    public void Addresses_are_mounted_under_the_base_path_and_made_absolute(string basePath, string baseUrl, string urlPath, string absolute)
    {
        var settings = Settings(basePath, baseUrl);
        Assert.Equal(basePath + urlPath, SiteUrls.Mount(settings, urlPath));
        Assert.Equal(absolute, SiteUrls.Absolute(settings, urlPath));
    }

    [Fact]
    public void A_site_path_goes_through_every_step_in_its_language()
    {
        var settings = Settings("/ztzl/zly", "https://zlj.fujian.gov.cn/");
        Assert.Equal("https://zlj.fujian.gov.cn/ztzl/zly/cities/fuzhou/", SiteUrls.Absolute(settings, Routes.City("fuzhou"), Chinese));
        Assert.Equal("https://zlj.fujian.gov.cn/ztzl/zly/en/cities/fuzhou/", SiteUrls.Absolute(settings, Routes.City("fuzhou"), English));
    }

    private static SiteSettings Settings(string basePath, string baseUrl) =>
        new(new LocalizedText("质量月"), new Uri(baseUrl), basePath, [Chinese, English], 2024,
            new Footer(new LocalizedText("福建省市场监督管理局"), null, null, null, null), PhotoSettings.Default, new DisclosureSettings(null));

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
        Assert.Equal(id, HeadingIdExtension.Slugify(heading));
}
