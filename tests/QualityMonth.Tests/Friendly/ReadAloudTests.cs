using System.Text.Json;
using Microsoft.Playwright;
using QualityMonth.Model;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// 朗读 / Read aloud in Chromium, with the browser's speech API replaced by a recorder (headless Chromium has no
/// voices): in the age-friendly mode the control reads the main text, or the selection, in the text's language with
/// a voice on the device; pause, resume and stop reach the speech API; there is no control without JavaScript,
/// without a voice for the page's language, with only a network voice, or outside the mode.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReadAloudTests(Chromium chromium, ServedSite site)
{
    private sealed record Spoken(string Text, string Lang, string? Voice);

    private static readonly SpeechVoice Chinese = SpeechStub.Chinese;
    private static readonly SpeechVoice English = SpeechStub.English;

    private async Task<IPage> OpenAsync(IBrowserContext context, string path, IEnumerable<SpeechVoice> voices)
    {
        await context.AddInitScriptAsync(SpeechStub.Recorder(voices));
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        return page;
    }

    private Task<IBrowserContext> ModeOnAsync(bool javaScript = true) =>
        chromium.NewContextAsync(AgeFriendlyMode.Remembered(site, new() { JavaScriptEnabled = javaScript }));

    private static ILocator Control(IPage page, string language) =>
        page.GetByRole(AriaRole.Group, new() { Name = AgeFriendlyStrings.For(Locales.Of(language)).ReadAloud, Exact = true });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task<Spoken[]> SpokenAsync(IPage page) =>
        JsonSerializer.Deserialize<Spoken[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__speech.spoken)"),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static Task<string[]> CallsAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.__speech.calls");

    /// <summary>
    /// The main text as the page shows it, without spaces, for comparing with what was spoken: the controls and the
    /// slogans' links taken out of the page first (the test's last look at it).
    /// </summary>
    private static Task<string> MainTextAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
                // Text that is not shown: buttons, the slogans' link rows, and text only for screen readers (a table's caption).
                document.querySelectorAll('main :is(button, .slogan-actions, .visually-hidden)').forEach(e => e.remove());
                return document.querySelector('main').innerText.replace(/\s+/g, '');
            }
            """);

    private static string Squeezed(IEnumerable<Spoken> spoken) => string.Concat(spoken.Select(s => string.Concat(s.Text.Where(c => !char.IsWhiteSpace(c)))));

    public static TheoryData<string, string> Pages => new()
    {
        { "/2024/", "zh-Hans" },
        { "/en/2024/", "en" },
        { "/2024/notices/provincial/", "zh-Hans" }, // an article (正文) page, where the 规范 asks for 语音阅读 first
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task In_the_mode_it_reads_the_main_text_in_the_page_s_language_with_pause_resume_and_stop(string path, string language)
    {
        await using var context = await ModeOnAsync();
        var page = await OpenAsync(context, path, [Chinese, English]);
        var strings = AgeFriendlyStrings.For(Locales.Of(language));
        var speechLanguage = language == "en" ? "en" : "zh-CN";
        await Assertions.Expect(Control(page, language)).ToBeVisibleAsync();
        var buttons = await Control(page, language).GetByRole(AriaRole.Button).AllInnerTextsAsync();
        Assert.Equal([strings.ReadAloud], buttons);

        await Button(page, strings.ReadAloud).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var spoken = await SpokenAsync(page);
        Assert.NotEmpty(spoken);
        Assert.All(spoken, s => Assert.Equal(s.Lang == "en" ? English.Name : Chinese.Name, s.Voice));
        Assert.All(spoken, s => Assert.Equal(s.Text.Any(IsChinese) ? "zh-CN" : speechLanguage, s.Lang));
        // Everything the main text shows, in order, and nothing else: the header, the footer, the control, the
        // slogans' buttons and links are not read.
        var first = await page.Locator("main p").First.InnerTextAsync();
        Assert.Equal(first.Trim(), spoken[0].Text);
        var title = (await page.Locator("main h1").InnerTextAsync()).Trim();
        Assert.Contains(spoken, s => s.Text == title);
        Assert.Equal(await MainTextAsync(page), Squeezed(spoken));
        Assert.All(spoken, s => Assert.True(s.Text.Length <= 160, $"an utterance of {s.Text.Length} characters"));

        // While reading: pause (focus moves to resume), resume, stop (focus back on read aloud).
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(strings.Pause, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(strings.Resume, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(strings.Pause, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await Button(page, strings.Stop).ClickAsync();
        var calls = await CallsAsync(page);
        Assert.Equal(["cancel", .. spoken.Select(_ => "speak"), "pause", "resume", "cancel"], calls);
        await Assertions.Expect(Button(page, strings.Pause)).ToBeHiddenAsync();
        await Assertions.Expect(Button(page, strings.Stop)).ToBeHiddenAsync();
        Assert.Equal(strings.ReadAloud, await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        // Read to the end: the control is ready again.
        await Button(page, strings.ReadAloud).ClickAsync();
        await Assertions.Expect(Button(page, strings.Stop)).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__finishSpeaking()");
        await Assertions.Expect(Button(page, strings.Stop)).ToBeHiddenAsync();
    }

    [Theory, MemberData(nameof(Pages))]
    public async Task A_selection_is_read_instead_of_the_whole_text(string path, string language)
    {
        await using var context = await ModeOnAsync();
        var page = await OpenAsync(context, path, [Chinese, English]);
        var paragraph = await page.Locator("main h1").InnerTextAsync();
        await page.Locator("main h1").SelectTextAsync();
        await Button(page, AgeFriendlyStrings.For(Locales.Of(language)).ReadAloud).ClickAsync();
        var spoken = Assert.Single(await SpokenAsync(page));
        Assert.Equal((paragraph.Trim(), language == "en" ? "en" : "zh-CN"), (spoken.Text, spoken.Lang));
    }

    [Fact]
    public async Task On_an_English_page_Chinese_text_is_read_with_a_Chinese_voice_or_not_at_all()
    {
        const string path = "/en/2024/notices/provincial/"; // the document number is given in Chinese (lang="zh-Hans")
        foreach (var (voices, chineseRead) in new[] { (new[] { English, Chinese }, true), (new[] { English }, false) })
        {
            await using var context = await ModeOnAsync();
            var page = await OpenAsync(context, path, voices);
            await Button(page, AgeFriendlyStrings.For(Locale.English).ReadAloud).ClickAsync();
            var spoken = await SpokenAsync(page);
            Assert.Contains(spoken, s => s.Lang == "en" && s.Text.Contains("Quality", StringComparison.Ordinal));
            // Parts marked lang="zh-Hans" (the document number) are Chinese; English text may quote Chinese inline.
            Assert.All(spoken, s => Assert.True(s.Lang == "zh-CN" ? s.Text.Any(IsChinese) && !s.Text.Any(char.IsAsciiLetter) : s.Lang == "en", $"{s.Lang}: {s.Text}"));
            Assert.Equal(chineseRead, spoken.Any(s => s.Lang == "zh-CN"));
        }
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    [Fact]
    public async Task Voices_that_load_late_bring_the_control()
    {
        await using var context = await ModeOnAsync();
        await context.AddInitScriptAsync(SpeechStub.Recorder([Chinese]) + """
            (() => { const voices = speechSynthesis.getVoices(); let loaded = false;
                speechSynthesis.getVoices = () => loaded ? voices : [];
                window.__loadVoices = () => { loaded = true; speechSynthesis.dispatchEvent(new Event('voiceschanged')); }; })();
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/2024/"));
        await Assertions.Expect(Control(page, "zh-Hans")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.__loadVoices()");
        await Assertions.Expect(Control(page, "zh-Hans")).ToBeVisibleAsync();
    }

    public static TheoryData<string, string> WithoutAVoice => new()
    {
        { "/2024/", "no voice" },
        { "/2024/", "English only" },
        { "/2024/", "network voice only" },
        { "/en/2024/", "Chinese only" },
    };

    [Theory, MemberData(nameof(WithoutAVoice))]
    public async Task Without_a_voice_on_the_device_for_the_page_s_language_there_is_no_control(string path, string voices)
    {
        SpeechVoice[] available = voices switch
        {
            "English only" => [English],
            "network voice only" => [Chinese with { LocalService = false }, English],
            "Chinese only" => [Chinese],
            _ => [],
        };
        await using var context = await ModeOnAsync();
        var page = await OpenAsync(context, path, available);
        Assert.True(await AgeFriendlyMode.IsOnAsync(page));
        var language = path.StartsWith("/en/", StringComparison.Ordinal) ? "en" : "zh-Hans";
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(0, await Control(page, language).CountAsync());
        Assert.Equal(0, await page.Locator(".read-aloud").CountAsync());
    }

    [Fact]
    public async Task Without_JavaScript_there_is_no_control()
    {
        await using var context = await ModeOnAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/2024/"));
        await page.Locator("#age-friendly").CheckAsync(); // the mode, without JavaScript
        Assert.True(await AgeFriendlyMode.IsOnAsync(page));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button).CountAsync());
        Assert.Equal(0, await page.GetByText(AgeFriendlyStrings.For(Locale.Chinese).ReadAloud, new() { Exact = true }).CountAsync());
    }

    [Fact]
    public async Task Outside_the_mode_the_control_is_not_shown_and_turning_the_mode_off_stops_the_reading()
    {
        await using var context = await ModeOnAsync();
        var page = await OpenAsync(context, "/2024/", [Chinese]);
        var strings = AgeFriendlyStrings.For(Locale.Chinese);
        await Button(page, strings.ReadAloud).ClickAsync();
        await page.GetByRole(AriaRole.Switch, new() { Name = strings.SwitchLabel }).ClickAsync();
        Assert.Equal("cancel", (await CallsAsync(page))[^1]);
        await Assertions.Expect(Control(page, "zh-Hans")).ToBeHiddenAsync();
    }
}
