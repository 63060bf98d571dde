using QualityMonth.Cli;
using QualityMonth.Model;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Check;

/// <summary>The messages' language: --lang, else statiq.json's "messages", else LC_ALL/LC_MESSAGES/LANG/LANGUAGE, else English.</summary>
public class LanguageChoiceTests
{
    private const string Fuzhou = "input/2024/activities/fuzhou.yml";

    [Theory]
    [InlineData(null, null, "", "", "", "", Locale.English)]
    [InlineData(null, null, "", "", "zh_CN.UTF-8", "", Locale.Chinese)]
    [InlineData(null, null, "C.UTF-8", "", "zh_CN.UTF-8", "", Locale.English)]      // LC_ALL before LANG
    [InlineData(null, null, "", "zh_TW.UTF-8", "en_US.UTF-8", "", Locale.Chinese)]  // LC_MESSAGES before LANG
    [InlineData(null, null, "", "", "", "zh_CN:en", Locale.Chinese)]               // LANGUAGE when nothing else is set
    [InlineData(null, null, "", "", "en_GB.UTF-8", "zh_CN", Locale.English)]       // ... and only then
    [InlineData(null, "zh-Hans", "C.UTF-8", "", "C.UTF-8", "", Locale.Chinese)]    // the setting before the environment
    [InlineData(null, "en", "zh_CN.UTF-8", "", "", "", Locale.English)]
    [InlineData("zh", "en", "", "", "", "", Locale.Chinese)]                       // --lang before the setting
    [InlineData("en", "zh-Hans", "zh_CN.UTF-8", "", "", "", Locale.English)]
    public void The_language_is_chosen_in_the_documented_order(string? option, string? setting,
        string lcAll, string lcMessages, string lang, string language, Locale expected)
    {
        var folder = Directory.CreateTempSubdirectory("qm-lang-");
        try
        {
            var settings = File.ReadAllText(Path.Combine(Repo.Root, "statiq.json"));
            if (setting is not null)
                settings = settings.Replace("\"currentYear\":", $"\"messages\": \"{setting}\",\n  \"currentYear\":", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "statiq.json"), settings);
            var environment = new Dictionary<string, string> { ["LC_ALL"] = lcAll, ["LC_MESSAGES"] = lcMessages, ["LANG"] = lang, ["LANGUAGE"] = language };
            Assert.Equal(expected, MessageLanguageChoice.Resolve(option, folder.FullName, name => environment.GetValueOrDefault(name)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_command_line_follows_the_environment_the_setting_and_the_option()
    {
        using var site = new TempSite();
        site.Edit(Fuzhou, "city: fuzhou", "city: fuzou");
        var chineseLocale = new Dictionary<string, string> { ["LC_ALL"] = "", ["LANG"] = "zh_CN.UTF-8" };

        var byEnvironment = Generator.Run(chineseLocale, "check", "--root", site.Root);
        Assert.Equal(1, byEnvironment.ExitCode);
        Assert.Contains($"{Fuzhou}:1: error: 城市“fuzou”没有登记", byEnvironment.Stderr);
        Assert.Contains("检查了内容：1 个错误", byEnvironment.Stdout);

        site.Edit("statiq.json", "\"currentYear\":", "\"messages\": \"en\",\n  \"currentYear\":");
        var bySetting = Generator.Run(chineseLocale, "check", "--root", site.Root);
        Assert.Contains($"{Fuzhou}:1: error: unknown city 'fuzou'", bySetting.Stderr);
        Assert.Contains("Checked the content: 1 error(s)", bySetting.Stdout);

        var byOption = Generator.Run(chineseLocale, "check", "--root", site.Root, "--lang", "zh");
        Assert.Contains($"{Fuzhou}:1: error: 城市“fuzou”没有登记", byOption.Stderr);
    }

    [Fact]
    public void A_messages_setting_other_than_zh_hans_or_en_is_an_error_on_its_line()
    {
        using var site = new TempSite();
        site.Edit("statiq.json", "\"currentYear\":", "\"messages\": \"fr\",\n  \"currentYear\":");
        var result = Generator.Run("check", "--root", site.Root);
        Assert.Equal(1, result.ExitCode);
        var line = SiteText.LineOf(site, "statiq.json", "\"messages\"");
        Assert.Contains($"statiq.json:{line}: error: 'messages': 'fr' must be \"zh-Hans\" (messages in Chinese) or \"en\" (messages in English) [invalid-setting]", result.Stderr);
    }
}
