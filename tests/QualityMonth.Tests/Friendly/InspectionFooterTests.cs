using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The footer items the government-website inspections check (国办函〔2019〕69号): with statiq.json's settings each is
/// in the HTML of every page (no JavaScript needed) in its required form; without them the build warns for each
/// and the footer leaves them out; a wrong setting stops the build with the line.
/// </summary>
[Collection(FriendlyCollection.Name)]
public sealed class InspectionFooterTests(BuiltSite realSite)
{
    private const string RecordText = "闽公网安备 35010202000001号";
    private const string MarkLink = "https://bszs.conac.cn/sitename?method=show&id=0A1B2C3D";
    private const string ErrorReport = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html";
    private const string SiteIdCode = "3500000099";

    private static readonly string[] InspectedItems = ["siteIdCode", "icpRecord", "publicSecurityRecord", "partyGovernmentMark", "errorReport"];

    private static string Settings(string publicSecurityRecord = RecordText, string markImage = "input/site/dzjg.jpg", string markLink = MarkLink,
        string errorReport = ErrorReport, string siteIdCode = SiteIdCode) => $$"""
        "siteIdCode": "{{siteIdCode}}",
            "icpRecord": "闽ICP备12345678号-1",
            "publicSecurityRecord": "{{publicSecurityRecord}}",
            "partyGovernmentMark": { "image": "{{markImage}}", "link": "{{markLink}}" },
            "errorReport": "{{errorReport}}"
        """;

    private static TempSite SiteWith(string footer)
    {
        var site = new TempSite();
        PhotoFixtures.WriteJpeg(site.PathOf("input/site/dzjg.jpg"), 110, 136);
        var settings = File.ReadAllText(site.PathOf("statiq.json"));
        var start = settings.IndexOf("\"siteIdCode\"", StringComparison.Ordinal);
        var end = settings.IndexOf("\"errorReport\": \"\"", StringComparison.Ordinal) + "\"errorReport\": \"\"".Length;
        Assert.True(start > 0 && end > start, "statiq.json's footer items are not where the test expects them");
        File.WriteAllText(site.PathOf("statiq.json"), settings[..start] + footer + settings[end..]);
        return site;
    }

    private static IElement Footer(IDocument page) => page.QuerySelector("footer.site-footer") ?? throw new InvalidOperationException("no footer");

    [Fact]
    public void With_the_settings_every_page_shows_the_items_in_their_required_form()
    {
        using var site = SiteWith(Settings());
        var build = Generator.Run("build", "--root", site.Root);
        Assert.True(build.ExitCode == 0, build.All);
        Assert.DoesNotContain("footer-incomplete", build.All);

        var mark = Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "assets"), "party-government-mark.*.jpg"));
        Assert.Equal(File.ReadAllBytes(site.PathOf("input/site/dzjg.jpg")), File.ReadAllBytes(mark));
        var parser = new HtmlParser();
        var pages = Directory.GetFiles(site.Output, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 80);
        foreach (var file in pages)
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            var footer = Footer(page);
            var name = Path.GetRelativePath(site.Output, file);
            var english = page.DocumentElement.GetAttribute("lang") == "en";

            Assert.Contains(footer.QuerySelectorAll(".footer-items dd"), dd => dd.TextContent == SiteIdCode);
            var icp = footer.QuerySelector("a[href='https://beian.miit.gov.cn/']");
            Assert.True(icp?.TextContent == "闽ICP备12345678号-1", $"{name}: the ICP record is not linked to the 工信部 filing system");
            var record = footer.QuerySelector("a[href='https://beian.mps.gov.cn/#/query/webSearch?code=35010202000001']");
            Assert.True(record?.TextContent == RecordText, $"{name}: the 公安 record is not linked to its record");

            var image = footer.QuerySelector($"a.party-government-mark[href='{MarkLink}'] > img");
            Assert.True(image is not null, $"{name}: the 党政机关网站标识 is missing");
            Assert.Equal("/assets/" + Path.GetFileName(mark), image.GetAttribute("src"));
            Assert.Contains(english ? "Party and government website mark" : "党政机关网站标识", image.GetAttribute("alt"));

            // The error-report link names the site and the page it is on, as the platform's own footer script would.
            var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            var report = footer.QuerySelector("a.error-report");
            Assert.True(report is not null, $"{name}: no 我为政府网站找错 link");
            Assert.Contains("我为政府网站找错", report.TextContent);
            if (canonical is not null)
                Assert.Equal($"{ErrorReport}?site_code={SiteIdCode}&url={Uri.EscapeDataString(canonical)}", report.GetAttribute("href"));
            Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => !s.GetAttribute("src")!.StartsWith("/assets/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Without_the_settings_the_build_warns_for_each_and_the_footer_leaves_them_out()
    {
        foreach (var item in InspectedItems)
            Assert.Matches($@"statiq\.json:\d+: warning: footer\.{item} is not set", realSite.BuildResult.All);
        foreach (var file in realSite.HtmlFiles)
        {
            var footer = Footer(new HtmlParser().ParseDocument(File.ReadAllText(file)));
            Assert.Empty(footer.QuerySelectorAll(".party-government-mark, .error-report, a[href*='beian']"));
            Assert.Equal(2, footer.QuerySelectorAll(".footer-items dd").Length); // sponsor and contact
        }
    }

    public static TheoryData<string, string> WrongSettings => new()
    {
        { Settings(publicSecurityRecord: "35010202000001"), "'publicSecurityRecord': '35010202000001' must be written as the record gives it" },
        { Settings(publicSecurityRecord: "闽公网安备 3501020200号"), "must be written as the record gives it" },
        { Settings(markImage: "input/site/missing.png"), "'partyGovernmentMark': image 'input/site/missing.png' not found" },
        { Settings(markImage: "../outside.jpg"), "'partyGovernmentMark': image '../outside.jpg' not found" },
        { Settings(markImage: "input/site/cities.yml"), "'partyGovernmentMark': 'input/site/cities.yml' must be a PNG, GIF or JPEG image" },
        { Settings(markImage: "theme/assets/favicon.svg"), "'partyGovernmentMark': 'theme/assets/favicon.svg' must be a PNG, GIF or JPEG image" },
        { Settings(markImage: ""), "'partyGovernmentMark': needs both 'image'" },
        { Settings(markLink: "bszs.conac.cn/sitename"), "'footer.partyGovernmentMark.link': 'bszs.conac.cn/sitename' must be an absolute http(s) address" },
        { Settings(errorReport: "javascript:alert(1)"), "'footer.errorReport': 'javascript:alert(1)' must be an absolute http(s) address" },
        { Settings(siteIdCode: ""), "'errorReport': the link carries the site's 网站标识码: set footer.siteIdCode too" },
    };

    [Theory, MemberData(nameof(WrongSettings))]
    public void A_wrong_setting_stops_the_build_with_its_line(string footer, string error)
    {
        using var site = SiteWith(footer);
        var result = Generator.Run(Generator.EnglishLocale, "check", "--root", site.Root);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"statiq\.json:\d+(:\d+)?: error: ", result.All);
        Assert.Contains(error, result.All);
        Assert.DoesNotContain("   at ", result.All);
    }
}
