using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>Every page exists in both languages, says which language it is in, and links to its counterpart.</summary>
public class LanguagesTests(BuiltSite site) : IClassFixture<BuiltSite>
{
    private List<string> Pages(Func<string, bool> which) =>
        site.HtmlFiles.Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Where(which).ToList();

    [Fact]
    public void Every_chinese_page_has_an_english_page_and_no_english_page_is_orphaned()
    {
        var chinese = Pages(p => !p.StartsWith("en/", StringComparison.Ordinal));
        var english = Pages(p => p.StartsWith("en/", StringComparison.Ordinal));
        Assert.True(chinese.Count > 40, $"only {chinese.Count} Chinese pages");
        Assert.Equal(chinese.Order(StringComparer.Ordinal), english.Select(p => p[3..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_page_declares_its_language_alternates_and_a_switcher_to_the_same_page()
    {
        foreach (var path in Pages(p => p != "404.html" && p != "en/404.html"))
        {
            var page = site.Page(path);
            var english = path.StartsWith("en/", StringComparison.Ordinal);
            var neutral = "/" + (english ? path[3..] : path).Replace("index.html", "");
            Assert.Equal(english ? "en" : "zh-Hans", page.DocumentElement.GetAttribute("lang"));
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
            Assert.Equal("https://zly.example.gov.cn" + neutral, alternates["zh-Hans"]);
            Assert.Equal("https://zly.example.gov.cn/en" + neutral, alternates["en"]);
            Assert.Equal(alternates["zh-Hans"], alternates["x-default"]);
            var other = page.QuerySelector(".language-switcher a")!;
            Assert.Equal(english ? neutral : "/en" + neutral, other.GetAttribute("href"));
        }
    }

    [Fact]
    public void English_pages_translate_the_chrome_themes_slogans_and_names()
    {
        var home = site.Page("en/index.html");
        Assert.Equal("Strengthen Total Quality Management, Advance the Building of a Quality Province", home.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("English translations are for reference only", home.QuerySelector(".reference-note")!.TextContent);
        Assert.Equal(10, home.QuerySelectorAll("main .slogan-translation").Length);
        Assert.Equal("Cities", home.QuerySelector(".main-nav a[href='/en/cities/']")!.TextContent);
        var cities = site.Page("en/cities/").QuerySelectorAll("main a.card-title").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Xiamen", cities);
        Assert.Contains("Pingtan Comprehensive Experimental Zone", cities);
        var fuzhou2024 = site.Page("en/cities/fuzhou/").QuerySelectorAll("main section")[0];
        Assert.All(fuzhou2024.QuerySelectorAll(".activity-title"), t => Assert.Null(t.QuerySelector("[lang]")));
    }

    [Fact]
    public void Activity_timings_leads_and_partners_are_shown_in_english()
    {
        var yongan = site.Page("en/cities/yongan/");
        var facts = yongan.QuerySelectorAll(".activity-meta dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.Contains("Quality Section", facts);
        Assert.Contains(facts, f => f.EndsWith("Mid-September", StringComparison.Ordinal));
        Assert.Empty(yongan.QuerySelectorAll(".activity-meta dd [lang='zh-Hans']"));
    }

    [Fact]
    public void The_build_prints_a_translation_coverage_summary()
    {
        Assert.Contains("Translation coverage (en):", site.BuildResult.Stdout);
        Assert.Matches(@"pages: zh-Hans \d+, en \d+", site.BuildResult.Stdout);
    }

    [Fact]
    public void The_build_reports_every_text_translated_into_english()
    {
        var coverage = Regex.Match(site.BuildResult.Stdout, @"Translation coverage \(en\): (\d+)/(\d+) texts \((\d+)%\)");
        Assert.True(coverage.Success, site.BuildResult.Stdout);
        Assert.Equal(coverage.Groups[2].Value, coverage.Groups[1].Value);
        Assert.Equal("100", coverage.Groups[3].Value);
        // Every translatable field is counted, the activities' timings, leads and co-organisers too.
        var details = Regex.Match(site.BuildResult.Stdout, @"activity timings, lead units, co-organisers and remarks (\d+)/(\d+)");
        Assert.True(details.Success && int.Parse(details.Groups[2].Value) > 0, site.BuildResult.Stdout);
    }

    /// <summary>
    /// Each notice's English page shows its own English text, body and text attachments, laid out as the Chinese
    /// page: the same ids (headings aside, whose ids come from their own text) and in-page links (#attachment-N), the same headings, paragraphs and list items.
    /// </summary>
    [Fact]
    public void Every_english_notice_page_has_its_text_in_english_with_the_chinese_pages_anchors_and_layout()
    {
        var notices = Directory.GetFiles(Path.Combine(Repo.Root, "input"), "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "notices" && !f.EndsWith(".en.md", StringComparison.Ordinal))
            .Select(f => $"{Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))}/notices/{Path.GetFileNameWithoutExtension(f)}/")
            .ToList();
        Assert.NotEmpty(notices);
        foreach (var path in notices)
        {
            var chinese = site.Page(path);
            var english = site.Page("en/" + path);
            Assert.Null(english.QuerySelector("main .untranslated"));
            var proses = english.QuerySelectorAll("main .prose");
            Assert.NotEmpty(proses);
            Assert.All(proses, p => Assert.Null(p.GetAttribute("lang")));
            var text = string.Concat(proses.Select(p => p.TextContent)).Where(c => !char.IsWhiteSpace(c)).ToList();
            var han = text.Count(c => c is >= '\u4e00' and <= '\u9fff');
            Assert.True(han < text.Count / 100, $"{path}: {han} of {text.Count} characters of the English text are Chinese");

            Assert.Equal(Ids(chinese), Ids(english));
            Assert.Equal(InPageLinks(chinese), InPageLinks(english));
            Assert.Equal(Layout(chinese), Layout(english));
        }

        // Headings take their ids from their own language's text (#一总体要求, #i-general-requirements): compared by
        // count; every other id (attachments, sections) is the same in both languages.
        static List<string> Ids(IHtmlDocument page) =>
            page.QuerySelectorAll("main [id]").Select(e => e is IHtmlHeadingElement ? "heading" : e.Id!).ToList();
        static List<string> InPageLinks(IHtmlDocument page) =>
            page.QuerySelectorAll("main a[href^='#']").Select(a => a.GetAttribute("href")!).ToList();
        static List<string> Layout(IHtmlDocument page) =>
            page.QuerySelectorAll("main .prose").SelectMany(p => p.QuerySelectorAll("h2, h3, h4, p, li, table"))
                .Select(e => e.LocalName).ToList();
    }
}

/// <summary>What English pages show where a text has no translation (the real content has none left).</summary>
public class UntranslatedTextTests(PartlyTranslatedSite site) : IClassFixture<PartlyTranslatedSite>
{
    [Fact]
    public void An_untranslated_notice_text_is_shown_in_chinese_marked_as_such_with_a_visible_notice()
    {
        var notice = site.Page("en/2024/notices/provincial/");
        Assert.Equal("This text has not been translated yet; it is shown in the original Chinese.", notice.QuerySelector("main .untranslated")!.TextContent);
        var body = notice.QuerySelector("main .prose")!;
        Assert.Equal("zh-Hans", body.GetAttribute("lang"));
        Assert.Contains("为全面贯彻党的二十大", body.TextContent);
        Assert.Contains("Document number", notice.QuerySelectorAll("table.document-meta th").Select(th => th.TextContent));
    }

    [Fact]
    public void Chinese_text_on_english_pages_is_marked_chinese()
    {
        var yongan = site.Page("en/cities/yongan/");
        var lead = yongan.QuerySelectorAll(".activity-meta dd [lang='zh-Hans']").Select(e => e.TextContent).ToList();
        Assert.Contains("质量科", lead);
    }

    [Fact]
    public void The_coverage_counts_the_missing_notice_text()
    {
        Assert.Contains("notice texts 6/7", site.BuildResult.Stdout);
        Assert.DoesNotMatch(@"Translation coverage \(en\): \d+/\d+ texts \(100%\)", site.BuildResult.Stdout);
    }

    /// <summary>Leads, timings, co-organisers and remarks count like titles: Yong'an's leads without English show, and are named.</summary>
    [Fact]
    public void The_coverage_counts_the_missing_leads_and_the_warning_names_them()
    {
        var removed = File.ReadAllLines(Path.Combine(Repo.Root, "input/2023/activities/yongan.yml")).Count(l => l == "    lead_en: 'Quality Section'");
        Assert.True(removed > 0);
        var details = Regex.Match(site.BuildResult.Stdout, @"activity timings, lead units, co-organisers and remarks (\d+)/(\d+)");
        Assert.True(details.Success, site.BuildResult.Stdout);
        Assert.Equal(int.Parse(details.Groups[2].Value) - removed, int.Parse(details.Groups[1].Value));
        Assert.Matches(@"input/2023/activities/yongan\.yml:\d+: warning: no English translation yet: 'lead_en' \(lines [\d, ]+\);", site.BuildResult.All);
    }
}

/// <summary>The site mounted under a portal's sub-path: every internal URL carries the prefix.</summary>
public class SubPathTests(BuiltSiteUnderSubPath site) : IClassFixture<BuiltSiteUnderSubPath>
{
    [Fact]
    public void Every_internal_url_is_under_the_base_path_and_nothing_points_to_other_hosts()
    {
        foreach (var file in site.HtmlFiles)
        {
            var page = site.Page(Path.GetRelativePath(site.Output, file));
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (url.StartsWith('#') || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith("tel:", StringComparison.Ordinal)) continue;
                if (element.LocalName == "link" && element.GetAttribute("rel") is "canonical" or "alternate")
                    Assert.StartsWith("https://zly.example.gov.cn" + BuiltSiteUnderSubPath.BasePath + "/", url);
                else if (url.StartsWith("webcal:", StringComparison.Ordinal)) // calendar subscriptions on the data page
                    Assert.StartsWith("webcal://zly.example.gov.cn" + BuiltSiteUnderSubPath.BasePath + "/", url);
                else
                    Assert.StartsWith(BuiltSiteUnderSubPath.BasePath + "/", url);
            }
        }
    }

    [Fact]
    public void Data_files_calendars_feeds_and_the_sitemap_give_addresses_under_the_base_path()
    {
        const string mounted = "https://zly.example.gov.cn" + BuiltSiteUnderSubPath.BasePath + "/";
        var files = new[] { "data/activities.json", "en/data/activities.csv", "calendar/activities.ics", "en/feeds/notices.atom", "sitemap.xml", "robots.txt" };
        foreach (var file in files)
        {
            // Calendar lines are folded: join them before looking for addresses.
            var text = File.ReadAllText(Path.Combine(site.Output, file)).Replace("\r\n ", "", StringComparison.Ordinal);
            var addresses = System.Text.RegularExpressions.Regex.Matches(text, @"https://zly\.example\.gov\.cn[^\s""<,|\\]*").Select(m => m.Value).ToList();
            Assert.True(addresses.Count > 0, $"{file} has no addresses");
            Assert.All(addresses, a => Assert.StartsWith(mounted, a));
        }
    }
}
