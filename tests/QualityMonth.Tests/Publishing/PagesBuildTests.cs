using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Model;
using QualityMonth.Routing;
using QualityMonth.Tests.Data;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Publishing;

/// <summary>
/// What CI does to publish on Pages (docs/ci.md): fetch the live site's calendars into the folder the
/// build replaces, then build for the Pages address with <c>--base-url</c> and <c>--base-path</c>,
/// statiq.json untouched.
/// </summary>
public sealed class PagesBuildTests
{
    private const string Host = "https://fujian-quality.github.io";
    private const string SubPath = "/Quality-Month"; // GitHub keeps the repository name's capitals

    private static readonly SiteSettings Settings = SettingsLoader.Load(Repo.Root, new DiagnosticBag())!;

    [Fact]
    public async Task A_build_for_Pages_lives_under_the_repository_path_and_keeps_the_live_calendars_numbers()
    {
        // What is live: the site built for Pages, whose calendars a subscriber has at SEQUENCE 7.
        using var live = new TempSite();
        var settingsFile = File.ReadAllText(live.PathOf("statiq.json"));
        BuildForPages(live.Root);
        Assert.Equal(settingsFile, File.ReadAllText(live.PathOf("statiq.json")));
        AssertMountedUnderSubPath(live.Output);
        foreach (var calendar in CalendarFiles(live.Output))
            File.WriteAllText(calendar, File.ReadAllText(calendar).Replace("SEQUENCE:0\r\n", "SEQUENCE:7\r\n", StringComparison.Ordinal));

        // CI's fresh checkout fetches the live calendars, then builds the same content.
        await using var server = await StaticServer.StartAsync(live.Output, SubPath);
        using var checkout = new TempSite();
        var published = Path.Combine(checkout.Root, "published");
        var fetch = FetchCalendars(server.BaseUrl + "/", published);
        Assert.True(fetch.ExitCode == 0, fetch.All);
        Assert.All(CalendarFiles(live.Output).Zip(CalendarFiles(published)),
            pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
        BuildForPages(checkout.Root, "--previous", published);

        // Unchanged events keep the published SEQUENCE (a fresh build without the fetch would say 0).
        var calendars = Calendars.ParseAll([.. CalendarFiles(checkout.Output)]);
        Assert.All(calendars.Values, c => Assert.NotEmpty(c.Events));
        Assert.All(calendars.Values.SelectMany(c => c.Events), e => Assert.Equal(7, e.Sequence));
        Assert.All(calendars.Values.SelectMany(c => c.Events), e => Assert.EndsWith("@fujian-quality.github.io", e.Uid));
    }

    [Fact]
    public async Task Before_the_first_deployment_there_is_no_calendar_to_fetch_and_that_is_no_error()
    {
        using var empty = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(empty.Path, "en"));
        foreach (var notFound in new[] { "404.html", "en/404.html" })
            File.WriteAllText(Path.Combine(empty.Path, notFound), "<!doctype html><title>404</title>");
        await using var server = await StaticServer.StartAsync(empty.Path, SubPath);
        using var output = new TempDirectory();

        var fetch = FetchCalendars(server.BaseUrl, output.Path);

        Assert.True(fetch.ExitCode == 0, fetch.All);
        Assert.Contains("not published yet", fetch.Stdout);
        Assert.Empty(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_unreachable_site_stops_the_deployment_rather_than_restart_the_numbers()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var output = new TempDirectory();

        var fetch = FetchCalendars($"http://127.0.0.1:{closedPort}{SubPath}/", output.Path);

        Assert.Equal(1, fetch.ExitCode);
        Assert.Contains("could not be read", fetch.Stderr);
        Assert.Empty(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("--base-path", "quality-month", "'basePath': 'quality-month' must be / or a path")]
    [InlineData("--base-path", "/quality month/", "'basePath': '/quality month/' must be / or a path")]
    [InlineData("--base-url", "https://fujian-quality.github.io/Quality-Month/", "'baseUrl': 'https://fujian-quality.github.io/Quality-Month/' must be an absolute http(s) URL of the host only")]
    [InlineData("--base-url", "fujian-quality.github.io", "'baseUrl': 'fujian-quality.github.io' must be an absolute http(s) URL")]
    public void A_bad_address_option_is_a_usage_error_and_nothing_is_built(string option, string value, string message)
    {
        using var output = new TempDirectory();
        var target = Path.Combine(output.Path, "site");

        var result = Generator.Run("build", "--root", Repo.Root, "--output", target, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Contains($"(given by {option})", result.Stderr);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void A_bad_override_given_to_the_settings_loader_is_reported_against_its_option()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(SettingsLoader.Load(Repo.Root, diagnostics, new SettingsOverrides(BasePath: "quality-month")));
        var error = Assert.Single(diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal("statiq.json: error: 'basePath': 'quality-month' must be / or a path of segments of letters, digits, '.', '_' or '-' starting with '/', none of dots only (such as ..), e.g. /ztzl/zly/ (given by --base-path) [invalid-setting]",
            error.ToLine(Locale.English));
    }

    private static void BuildForPages(string siteRoot, params string[] more)
    {
        var result = Generator.Run(["build", "--root", siteRoot, "--base-url", Host, "--base-path", SubPath + "/", .. more]);
        Assert.True(result.ExitCode == 0, "the build for Pages failed:\n" + result.All);
    }

    private static ExternalTool.Result FetchCalendars(string siteUrl, string folder) =>
        ExternalTool.Run("node", Path.Combine(Repo.Root, "scripts", "fetch-published-calendars.mjs"), siteUrl, folder);

    /// <summary>Where the generator reads the calendars it carries SEQUENCE numbers over from, per language.</summary>
    private static IEnumerable<string> CalendarFiles(string output) =>
        Settings.Languages.Select(l => Path.Combine(output, SiteUrls.OutputPath(Routes.ActivitiesCalendar, l)));

    /// <summary>Every site-relative address of the home pages and the sitemap's carries the sub-path; absolute ones the host.</summary>
    private static void AssertMountedUnderSubPath(string output)
    {
        var parser = new HtmlParser();
        foreach (var page in new[] { "index.html", "en/index.html" })
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));
            var addresses = document.QuerySelectorAll("[href], [src], [action]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
                .ToList();
            Assert.Contains(addresses, a => a.StartsWith(SubPath + "/assets/", StringComparison.Ordinal));
            Assert.All(addresses.Where(a => a.StartsWith('/')), a => Assert.StartsWith(SubPath + "/", a));
            Assert.All(addresses.Where(a => a.StartsWith("http", StringComparison.Ordinal) && a.Contains(".github.io", StringComparison.Ordinal)),
                a => Assert.StartsWith(Host + SubPath + "/", a));
            var canonical = document.QuerySelector("link[rel=canonical]")!.GetAttribute("href");
            Assert.Equal(Host + SubPath + (page == "index.html" ? "/" : "/en/"), canonical);
        }
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = XDocument.Load(Path.Combine(output, "sitemap.xml")).Descendants(sitemap + "loc").Select(l => l.Value).ToList();
        Assert.NotEmpty(locations);
        Assert.All(locations, l => Assert.StartsWith(Host + SubPath + "/", l));
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("qm-pages-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
