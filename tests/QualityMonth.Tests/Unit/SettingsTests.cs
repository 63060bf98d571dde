using QualityMonth.Config;
using QualityMonth.Diagnostics;
using QualityMonth.Routing;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Unit;

public class SettingsTests
{
    [Fact]
    public void The_real_settings_load_with_both_languages()
    {
        var diagnostics = new DiagnosticBag();
        var settings = SettingsLoader.Load(Repo.Root, diagnostics);
        Assert.NotNull(settings);
        Assert.Equal(["zh-Hans", "en"], settings.Languages.Select(l => l.Code));
        Assert.True(settings.DefaultLanguage.IsDefault);
        Assert.Equal("", settings.BasePath);
        Assert.Equal(2025, settings.CurrentYear);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_the_key_and_its_line()
    {
        using var site = new TempSite();
        site.Edit("statiq.json", "\"currentYear\": 2025,", "\"currentYear\": 2025,\n  \"curentYear\": 2024,");
        var error = Assert.Single(LoadErrors(site));
        Assert.Equal("statiq.json", error.File);
        Assert.Equal(LineOf(site, "curentYear"), error.Line);
        Assert.Contains("unknown key 'curentYear'", error.Message.English);
    }

    [Fact]
    public void A_missing_key_is_an_error_naming_the_key()
    {
        using var site = new TempSite();
        site.Edit("statiq.json", "\"currentYear\": 2025,", "");
        var error = Assert.Single(LoadErrors(site));
        Assert.Contains("currentYear", error.Message.English);
    }

    [Theory]
    [InlineData("\"basePath\": \"/\"", "\"basePath\": \"ztzl\"", "basePath")]
    [InlineData("\"baseUrl\": \"https://zly.example.gov.cn\"", "\"baseUrl\": \"zly.example.gov.cn\"", "baseUrl")]
    [InlineData("\"prefix\": \"en\"", "\"prefix\": \"\"", "languages")]
    [InlineData("\"code\": \"en\"", "\"code\": \"fr\"", "languages")]
    public void An_invalid_value_is_an_error_naming_the_key(string find, string replace, string key)
    {
        using var site = new TempSite();
        site.Edit("statiq.json", find, replace);
        var errors = LoadErrors(site);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Contains($"'{key}'", e.Message.English));
        Assert.All(errors, e => Assert.Equal(LineOf(site, key), e.Line));
    }

    [Fact]
    public void A_sub_path_is_normalised_without_a_trailing_slash()
    {
        using var site = new TempSite("/ztzl/zly/");
        var settings = SettingsLoader.Load(site.Root, new DiagnosticBag());
        Assert.Equal("/ztzl/zly", settings!.BasePath);
        Assert.Equal("/ztzl/zly/2024/", SiteUrls.Mount(settings, "/2024/"));
    }

    private static List<Diagnostic> LoadErrors(TempSite site)
    {
        var diagnostics = new DiagnosticBag();
        SettingsLoader.Load(site.Root, diagnostics);
        return diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
    }

    private static int LineOf(TempSite site, string key) =>
        File.ReadAllLines(site.PathOf("statiq.json")).Select((l, i) => (l, i)).First(x => x.l.Contains($"\"{key}\"")).i + 1;
}
