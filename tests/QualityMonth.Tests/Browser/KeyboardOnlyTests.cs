using System.Text.Json;
using Microsoft.Playwright;
using QualityMonth.Model;
using QualityMonth.Tests.Friendly;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;

namespace QualityMonth.Tests.Browser;

/// <summary>
/// The site by keyboard alone (适老化 规范: 键盘操作), every template in both languages, in the normal view and in the
/// age-friendly mode (with a voice, so the 朗读 control is there too): Tab reaches every control on the page and then
/// leaves the page, Shift+Tab walks the same stops back (no trap either way), every stop shows a focus indicator —
/// measured in pixels: at least the area of a 2 px line around the control changes with a contrast of 3:1 or more
/// (WCAG 2.4.13) — and Enter follows the skip link and turns the 长辈模式 switch.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class KeyboardOnlyTests(Chromium chromium, ServedSite site)
{
    private sealed record Box(double X, double Y, double Width, double Height);

    private sealed record Stop(int Index, string Name, string Kind, bool FocusVisible, double X, double Y, double Width, double Height);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ViewportSize Viewport = new() { Width = 1280, Height = 800 };

    /// <summary>Marks and names every control a keyboard user must be able to reach: shown, enabled, not inert.</summary>
    private const string MarkControls = """
        () => {
            const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent || e.getAttribute('aria-label') || e.getAttribute('href') || '').trim().slice(0, 30)}"`;
            const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
                .filter(e => !e.disabled && !e.closest('[inert], template') && e.checkVisibility({ visibilityProperty: true }));
            controls.forEach((e, i) => e.setAttribute('data-keyboard-index', i));
            return controls.map(name);
        }
        """;

    /// <summary>Where the focus is: the control's mark, name, kind (for measuring each kind once) and box in the viewport.</summary>
    private const string FocusedStop = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return 'null';
            const r = e.getBoundingClientRect();
            const region = e.closest('header, nav, main, footer, .read-aloud');
            return JSON.stringify({
                index: Number(e.getAttribute('data-keyboard-index') ?? -1),
                name: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent || e.getAttribute('href') || '').trim().slice(0, 30)}"`,
                kind: [e.tagName, e.className, e.parentElement.tagName, e.parentElement.className, region ? region.tagName + region.className : ''].join('|'),
                focusVisible: e.matches(':focus-visible'),
                x: r.left, y: r.top, width: r.width, height: r.height,
            });
        }
        """;

    public static TheoryData<string, bool> EveryTemplateInBothViews
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var row in SitePages.EveryTemplate)
            {
                data.Add(row, false);
                data.Add(row, true);
            }
            return data;
        }
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        await context.AddInitScriptAsync(SpeechStub.Recorder([SpeechStub.Chinese, SpeechStub.English]));
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }

    private Task<IBrowserContext> ContextAsync(bool ageFriendly)
    {
        var options = new BrowserNewContextOptions { ViewportSize = Viewport, DeviceScaleFactor = 1 };
        return chromium.NewContextAsync(ageFriendly ? AgeFriendlyMode.Remembered(site, options) : options);
    }

    private static async Task<Stop?> PressAsync(IPage page, string key)
    {
        await page.Keyboard.PressAsync(key);
        return JsonSerializer.Deserialize<Stop?>(await page.EvaluateAsync<string>(FocusedStop), Json);
    }

    [Theory, MemberData(nameof(EveryTemplateInBothViews))]
    public async Task Tab_reaches_every_control_with_a_visible_focus_and_Shift_Tab_walks_back(string path, bool ageFriendly)
    {
        await using var context = await ContextAsync(ageFriendly);
        var page = await OpenAsync(context, path);
        Assert.Equal(ageFriendly, await AgeFriendlyMode.IsOnAsync(page));
        var controls = await page.EvaluateAsync<string[]>(MarkControls);
        var problems = new List<string>();
        var measuredKinds = new HashSet<string>();

        // Forward: Tab until the focus leaves the page (or comes round again); more stops than controls is a trap.
        var forward = new List<Stop>();
        while (await PressAsync(page, "Tab") is { } stop && !forward.Any(s => SameStop(s, stop)))
        {
            forward.Add(stop);
            if (forward.Count > controls.Length + 10)
            {
                problems.Add($"Tab does not leave the page: stuck around {stop.Name}");
                break;
            }
            if (!stop.FocusVisible) problems.Add($"{stop.Name}: focused but not :focus-visible");
            if (stop.Width < 1 || stop.Height < 1 || stop.X + stop.Width <= 0 || stop.Y + stop.Height <= 0 || stop.X >= Viewport.Width || stop.Y >= Viewport.Height)
                problems.Add($"{stop.Name}: focused outside the viewport ({stop.X:0},{stop.Y:0} {stop.Width:0}×{stop.Height:0})");
            else if (measuredKinds.Add(stop.Kind) && await FocusIndicatorProblemAsync(page, stop) is { } indicator)
                problems.Add(indicator);
        }
        var reached = forward.Select(s => s.Index).ToHashSet();
        problems.AddRange(controls.Where((_, i) => !reached.Contains(i)).Select(c => $"{c}: not reached by Tab"));

        // Back: Shift+Tab from outside the page walks the same stops in reverse and leaves the page at the top.
        var backward = new List<Stop>();
        while (backward.Count <= forward.Count && await PressAsync(page, "Shift+Tab") is { } stop && !backward.Any(s => SameStop(s, stop)))
            backward.Add(stop);
        backward.Reverse();
        if (!backward.Select(s => s.Name).SequenceEqual(forward.Select(s => s.Name)))
            problems.Add($"Shift+Tab does not walk the Tab stops back: {backward.Count} stops against {forward.Count}, first difference at " +
                (forward.Zip(backward).FirstOrDefault(p => p.First.Name != p.Second.Name) is var (f, b) && f is not null ? $"{f.Name} / {b.Name}" : "the end"));

        Assert.True(controls.Length > 10, $"only {controls.Length} controls found on {path}");
        Assert.True(problems.Count == 0, $"{path}{(ageFriendly ? " in the age-friendly mode" : "")}, by keyboard:\n" + string.Join('\n', problems.Take(30)));
    }

    private static bool SameStop(Stop a, Stop b) => a.Index >= 0 ? a.Index == b.Index : a.Name == b.Name && a.X == b.X && a.Y == b.Y;

    /// <summary>
    /// Compares the screen with the control focused and unfocused, around its box: the pixels that change with a
    /// contrast of at least 3:1 must cover at least a 2 px line around the box's shown part (WCAG 2.4.13's minimum area).
    /// </summary>
    private static async Task<string?> FocusIndicatorProblemAsync(IPage page, Stop stop)
    {
        // In the middle of the screen, so that the edge of the viewport cuts off no part of the indicator.
        var box = JsonSerializer.Deserialize<Box>(await page.EvaluateAsync<string>("""
            () => {
                document.activeElement.scrollIntoView({ block: 'center', inline: 'nearest' });
                const r = document.activeElement.getBoundingClientRect();
                return JSON.stringify({ x: r.left, y: r.top, width: r.width, height: r.height });
            }
            """), Json)!;
        // Only the control and its surroundings are captured: a whole-viewport picture, twice per kind of control, took
        // most of this test's time.
        const int Margin = 12;
        int left = Math.Max(0, (int)box.X - Margin), top = Math.Max(0, (int)box.Y - Margin);
        int right = Math.Min(Viewport.Width, (int)Math.Ceiling(box.X + box.Width) + Margin), bottom = Math.Min(Viewport.Height, (int)Math.Ceiling(box.Y + box.Height) + Margin);
        if (right <= left || bottom <= top) return $"{stop.Name}: not on the screen when scrolled into view";
        var around = new PageScreenshotOptions { Clip = new() { X = left, Y = top, Width = right - left, Height = bottom - top } };
        var focused = PngFile.Read(await page.ScreenshotAsync(around), "focused");
        await page.EvaluateAsync("() => { window.__refocus = document.activeElement; document.activeElement.blur(); }");
        var unfocused = PngFile.Read(await page.ScreenshotAsync(around), "unfocused");
        await page.EvaluateAsync("() => window.__refocus.focus()");

        var changed = 0;
        for (var y = 0; y < focused.Height; y++)
            for (var x = 0; x < focused.Width; x++)
                if (Contrast(focused[x, y], unfocused[x, y]) >= 3) changed++;
        var shownWidth = Math.Min(box.X + box.Width, Viewport.Width) - Math.Max(box.X, 0);
        var shownHeight = Math.Min(box.Y + box.Height, Viewport.Height) - Math.Max(box.Y, 0);
        var needed = 2 * 2 * (shownWidth + shownHeight);
        return changed >= needed ? null : $"{stop.Name}: the focus indicator changes {changed} px at 3:1, less than a 2 px line around it ({needed:0} px)";
    }

    private static double Contrast((byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        double l1 = Luminance(a), l2 = Luminance(b);
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Luminance((byte R, byte G, byte B) c)
    {
        static double Channel(byte v) { var s = v / 255.0; return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }

    public static TheoryData<string, string> Languages => new() { { "/", "zh-Hans" }, { "/en/", "en" } };

    [Theory, MemberData(nameof(Languages))]
    public async Task Enter_follows_the_skip_link_and_turns_the_age_friendly_switch(string path, string language)
    {
        await using var context = await ContextAsync(ageFriendly: false);
        var page = await OpenAsync(context, path);
        var ui = UiStrings.For(Locales.Of(language));

        Assert.Equal(ui.SkipToContent, (await PressAsync(page, "Tab"))?.Name.Split('"')[1]);
        await page.Keyboard.PressAsync("Enter");
        var next = await PressAsync(page, "Tab");
        Assert.True(next is not null && await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            $"after Enter on the skip link, Tab went to {next?.Name}, not into the main content");

        await page.Keyboard.PressAsync("Shift+Tab"); // back to the top: the switch is in the header
        Stop? stop;
        while ((stop = await PressAsync(page, "Shift+Tab")) is not null && !stop.Name.StartsWith("input#age-friendly", StringComparison.Ordinal)) { }
        Assert.NotNull(stop);
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), "Enter on the switch did not turn the mode on");
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await AgeFriendlyMode.IsOnAsync(page), "Enter on the switch did not turn the mode off");
    }
}
