using System.Text.Json;
using Microsoft.Playwright;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The 适老化 规范's layout items in the age-friendly mode, measured in Chromium on every template in both languages:
/// the extra-large pointer, paragraph spacing of at least 1.3 × the line spacing, text at 200 % without loss, and no
/// pop-up or anything that moves by itself.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgeFriendlyLayoutTests(AgeFriendlyDesktopPage desktop, Chromium chromium, ServedSite site) : IClassFixture<AgeFriendlyDesktopPage>
{
    /// <summary>The pointer's images where the page shows them (body text, a link), loaded and measured in the page.</summary>
    private const string Pointers = """
        async () => {
            const measure = async selector => {
                const cursor = getComputedStyle(document.querySelector(selector)).cursor;
                const url = (cursor.match(/url\("?([^")]+)"?\)/) || [])[1];
                if (!url) return { selector, cursor, url: null, width: 0, height: 0 };
                const image = new Image();
                image.src = url;
                await image.decode();
                return { selector, cursor, url: image.src, width: image.naturalWidth, height: image.naturalHeight };
            };
            return JSON.stringify([await measure('main p'), await measure('main a[href]'), await measure('#age-friendly')]);
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Pointer(string Selector, string Cursor, string? Url, int Width, int Height);

    [Fact]
    public async Task In_the_mode_the_pointer_is_our_own_extra_large_one_and_outside_it_the_system_s()
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url("/2024/"));
        var pointers = JsonSerializer.Deserialize<Pointer[]>(await page.EvaluateAsync<string>(Pointers), Json)!;
        foreach (var pointer in pointers)
        {
            Assert.True(pointer.Url is not null && pointer.Url.StartsWith(site.Url("/assets/cursor-large"), StringComparison.Ordinal), $"{pointer.Selector}: cursor {pointer.Cursor}");
            Assert.True(pointer.Width >= 64 && pointer.Height >= 64, $"{pointer.Selector}: the pointer is {pointer.Width}×{pointer.Height} px");
        }
        Assert.NotEqual(pointers[0].Url, pointers[1].Url); // an arrow over text, a hand over what can be clicked

        await using var context = await chromium.NewContextAsync();
        var normal = await context.NewPageAsync();
        await normal.GotoAsync(site.Url("/2024/"));
        Assert.Equal("auto", await normal.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main p')).cursor"));
    }

    /// <summary>Each pair of paragraphs in a row: the gap between them and the first one's line height, in px.</summary>
    private const string ParagraphGaps = """
        () => JSON.stringify([...document.querySelectorAll('main p + p')]
            .filter(p => p.checkVisibility() && p.previousElementSibling.checkVisibility() && p.textContent.trim() && p.previousElementSibling.textContent.trim())
            .map(p => {
                const before = p.previousElementSibling;
                return { text: p.textContent.trim().slice(0, 20), gap: p.getBoundingClientRect().top - before.getBoundingClientRect().bottom, lineHeight: parseFloat(getComputedStyle(before).lineHeight) };
            }))
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Paragraphs_are_spaced_at_least_1_3_times_their_line_spacing(string path)
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        var gaps = JsonSerializer.Deserialize<GapRow[]>(await page.EvaluateAsync<string>(ParagraphGaps), Json)!;
        var tooClose = gaps.Where(g => !(g.Gap >= 1.3 * g.LineHeight - 0.5)).Select(g => $"“{g.Text}”: {g.Gap:0.#} px after the paragraph before, line height {g.LineHeight:0.#} px").ToList();
        Assert.True(tooClose.Count == 0, $"{path} in the age-friendly mode:\n" + string.Join('\n', tooClose.Take(20)));
        if (path.Contains("/notices/", StringComparison.Ordinal))
            Assert.True(gaps.Length > 5, $"{path}: the notice has only {gaps.Length} pairs of paragraphs to measure");
    }

    private sealed record GapRow(string Text, double Gap, double LineHeight);

    /// <summary>
    /// Doubles the text size as a browser's text-size setting does (the root size, which every size follows), then
    /// lists what is lost: text that did not grow, text cut off by its box, and sideways scrolling of the page.
    /// </summary>
    private const string DoubleTheText = """
        async () => {
            const texts = [...document.body.querySelectorAll('*')].filter(e =>
                !e.closest('svg, .visually-hidden') && e.checkVisibility() && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()));
            const before = new Map(texts.map(e => [e, parseFloat(getComputedStyle(e).fontSize)]));
            const root = document.documentElement;
            root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px';
            await new Promise(requestAnimationFrame);
            const name = e => `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${e.textContent.trim().slice(0, 20)}"`;
            const problems = [];
            for (const e of texts) {
                const size = parseFloat(getComputedStyle(e).fontSize);
                if (size < 1.95 * before.get(e)) problems.push(`${name(e)}: ${before.get(e)}px became ${size}px`);
            }
            for (const e of document.body.querySelectorAll('*')) {
                const style = getComputedStyle(e);
                if (!e.checkVisibility() || e.closest('.visually-hidden') || e.id === 'age-friendly') continue;
                const clipsX = /hidden|clip/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
                const clipsY = /hidden|clip/.test(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
                if (clipsX || clipsY) problems.push(`${name(e)}: its text is cut off (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`);
            }
            if (root.scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth}px in ${innerWidth}px`);
            return problems;
        }
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Text_doubled_in_size_loses_nothing(string path)
    {
        await using var context = await chromium.NewContextAsync(AgeFriendlyMode.Remembered(site, new() { ViewportSize = new() { Width = 1280, Height = 800 } }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var problems = await page.EvaluateAsync<string[]>(DoubleTheText);
        Assert.True(problems.Length == 0, $"{path} in the age-friendly mode with text at 200 %:\n" + string.Join('\n', problems.Take(30)));
    }

    /// <summary>Records every window, alert or dialog a page opens by itself.</summary>
    private const string RecordPopUps = """
        window.__popUps = [];
        for (const name of ['open', 'alert', 'confirm', 'prompt', 'print'])
            window[name] = (...args) => { window.__popUps.push(name); return null; };
        """;

    /// <summary>What could pop up or move: open dialogs and popovers, floating (fixed or sticky) boxes, links opening new windows, running animations, autoplay, refresh.</summary>
    private const string PopUpsAndMotion = """
        () => {
            const problems = window.__popUps.map(p => `window.${p}() was called`);
            const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`;
            for (const e of document.querySelectorAll('dialog[open], :popover-open, marquee, blink, video[autoplay], audio[autoplay], meta[http-equiv=refresh i]')) problems.push(`${name(e)} is there`);
            for (const e of document.querySelectorAll('a[target], form[target]'))
                if (!/^(_self|_top|_parent)?$/i.test(e.getAttribute('target'))) problems.push(`${name(e)} opens a new window (target=${e.getAttribute('target')})`);
            for (const e of document.body.querySelectorAll('*'))
                if (/fixed|sticky/.test(getComputedStyle(e).position) && e.checkVisibility({ opacityProperty: true })) problems.push(`${name(e)} floats over the page (position: ${getComputedStyle(e).position})`);
            for (const a of document.getAnimations()) if (a.playState === 'running') problems.push(`an animation runs: ${a.animationName || a.constructor.name} on ${a.effect && a.effect.target ? name(a.effect.target) : '?'}`);
            return problems;
        }
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Nothing_pops_up_or_moves_by_itself(string path)
    {
        await using var context = await chromium.NewContextAsync(AgeFriendlyMode.Remembered(site, new() { ViewportSize = new() { Width = 1280, Height = 800 } }));
        await context.AddInitScriptAsync(RecordPopUps);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var firstShot = await page.ScreenshotAsync(new() { FullPage = true });
        await page.WaitForTimeoutAsync(1500);
        var secondShot = await page.ScreenshotAsync(new() { FullPage = true });

        var problems = (await page.EvaluateAsync<string[]>(PopUpsAndMotion)).ToList();
        // The same pixels give the same PNG bytes; only different bytes are decoded (tall pages take seconds) to count pixels.
        if (!firstShot.AsSpan().SequenceEqual(secondShot))
        {
            var (first, second) = (PngFile.Read(firstShot, "first"), PngFile.Read(secondShot, "1.5 s later"));
            if ((first.Width, first.Height) != (second.Width, second.Height))
                problems.Add($"the page changed size by itself: {first.Width}×{first.Height} → {second.Width}×{second.Height}");
            else
            {
                var changed = 0;
                for (var y = 0; y < first.Height; y++)
                    for (var x = 0; x < first.Width; x++)
                        if (first[x, y] != second[x, y]) changed++;
                if (changed > 0) problems.Add($"{changed} pixels changed by themselves within 1.5 s");
            }
        }
        Assert.True(problems.Count == 0, $"{path} in the age-friendly mode:\n" + string.Join('\n', problems));
    }
}
