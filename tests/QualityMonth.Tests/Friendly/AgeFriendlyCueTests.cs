using System.Text.Json;
using Microsoft.Playwright;
using QualityMonth.Tests.Browser;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Localization;
using QualityMonth.Model;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// Colour is never the only cue (适老化 规范, 可感知性), measured in Chromium on every template in both languages in
/// the age-friendly mode: links are underlined, the current page's item differs from its neighbours by more than
/// colour, a chart's bars name their series in words, and the 长辈模式 switch shows on and off by where its knob is;
/// and the flat layout the 规范 asks for (no shadows, gradients or textures).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AgeFriendlyCueTests(AgeFriendlyDesktopPage desktop, Chromium chromium, ServedSite site) : IClassFixture<AgeFriendlyDesktopPage>
{
    /// <summary>What tells things apart on the page only by colour, and how many current items were compared with a neighbour.</summary>
    private const string ColourOnlyCues = """
        () => {
            const name = e => `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${e.textContent.trim().slice(0, 24)}"`;
            const problems = [];
            for (const link of document.querySelectorAll('a[href]'))
                if (link.checkVisibility() && link.textContent.trim() && !getComputedStyle(link).textDecorationLine.includes('underline'))
                    problems.push(`${name(link)}: a link told from text by colour alone (no underline)`);

            // The properties that show a state without colour: weight, slant, a line under or around it.
            const shapes = ['font-weight', 'font-style', 'text-decoration-line', 'border-bottom-style', 'border-bottom-width', 'outline-style'];
            let compared = 0;
            for (const current of document.querySelectorAll('[aria-current]')) {
                const list = current.closest('ul, ol');
                const neighbour = list && [...list.querySelectorAll('a[href]:not([aria-current])')].find(e => e.checkVisibility());
                if (!current.checkVisibility() || !neighbour) continue;
                compared++;
                const [a, b] = [getComputedStyle(current), getComputedStyle(neighbour)];
                if (shapes.every(p => a.getPropertyValue(p) === b.getPropertyValue(p)))
                    problems.push(`${name(current)}: the current item differs from ${name(neighbour)} by colour alone`);
            }

            for (const chart of document.querySelectorAll('figure.chart svg')) {
                const series = [...chart.querySelectorAll('.chart-legend')].map(t => t.textContent.trim());
                if (series.length < 2) continue;
                for (const value of chart.querySelectorAll('.chart-value'))
                    if (!series.some(s => value.textContent.trim().startsWith(s)))
                        problems.push(`a bar labelled "${value.textContent.trim()}" names no series: its colour alone says which`);
            }
            return JSON.stringify({ problems, compared });
        }
        """;

    private sealed record Cues(string[] Problems, int Compared);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Colour_is_never_the_only_cue(string path)
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), $"the remembered mode is not on at {path}");
        var cues = JsonSerializer.Deserialize<Cues>(await page.EvaluateAsync<string>(ColourOnlyCues), Json)!;
        Assert.True(cues.Problems.Length == 0, $"{path} in the age-friendly mode:\n" + string.Join('\n', cues.Problems.Take(30)));
        Assert.True(cues.Compared >= 1, $"{path}: no current item (the language switcher's at least) was compared with a neighbour");
    }

    /// <summary>What is drawn with depth or texture: shadows, gradients, background pictures, filters, 3-D transforms.</summary>
    private const string NotFlat = """
        () => {
            const name = e => `${e.tagName.toLowerCase()}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''}`;
            const problems = [];
            for (const e of document.querySelectorAll('*')) {
                if (!e.checkVisibility()) continue;
                const style = getComputedStyle(e);
                for (const [property, flat] of [['box-shadow', 'none'], ['text-shadow', 'none'], ['background-image', 'none'], ['filter', 'none'], ['perspective', 'none']])
                    if (style.getPropertyValue(property) !== flat) problems.push(`${name(e)}: ${property} ${style.getPropertyValue(property)}`);
                if (/matrix3d/.test(style.transform)) problems.push(`${name(e)}: transform ${style.transform}`);
            }
            return problems;
        }
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task The_mode_is_flat_without_shadows_gradients_or_textures(string path)
    {
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), $"the remembered mode is not on at {path}");
        var problems = await page.EvaluateAsync<string[]>(NotFlat);
        Assert.True(problems.Length == 0, $"{path} in the age-friendly mode (only the focus ring may have a shadow):\n" + string.Join('\n', problems.Take(30)));
    }

    public static TheoryData<string, string> Languages => new() { { "/", "zh-Hans" }, { "/en/", "en" } };

    [Theory, MemberData(nameof(Languages))]
    public async Task The_switch_shows_on_and_off_by_where_its_knob_is(string path, string language)
    {
        await using var context = await chromium.NewContextAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        // How far the knob (the track's ::after) is moved along the track.
        const string KnobLeft = "() => new DOMMatrix(getComputedStyle(document.querySelector('.switch-track'), '::after').transform).m41";
        var off = await page.EvaluateAsync<double>(KnobLeft);

        await page.GetByRole(AriaRole.Switch, new() { Name = AgeFriendlyStrings.For(Locales.Of(language)).SwitchLabel, Exact = true }).ClickAsync();
        Assert.True(await AgeFriendlyMode.IsOnAsync(page), "the click did not turn the mode on");
        var on = await page.EvaluateAsync<double>(KnobLeft);
        Assert.True(on - off >= 10, $"the switch's knob moved {on - off:0.#} px when it was turned on: on and off differ by colour alone");
    }
}
