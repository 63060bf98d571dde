using System.Text.Json;
using Microsoft.Playwright;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>The age-friendly mode in the browser: how to turn it on ahead of a visit, and what to measure.</summary>
public static class AgeFriendlyMode
{
    /// <summary>Where age-friendly.js remembers the choice.</summary>
    public const string StorageKey = "qualitymonth.age-friendly";

    /// <summary>Context options for a visitor who turned the mode on during an earlier visit (it is in their localStorage).</summary>
    public static BrowserNewContextOptions Remembered(ServedSite site, BrowserNewContextOptions options)
    {
        var origin = new Uri(site.Url("/")).GetLeftPart(UriPartial.Authority);
        options.StorageState = JsonSerializer.Serialize(new
        {
            cookies = Array.Empty<object>(),
            origins = new[] { new { origin, localStorage = new[] { new { name = StorageKey, value = "on" } } } },
        });
        return options;
    }

    /// <summary>Whether the mode is on, as the page shows it: the class on &lt;html&gt; (JavaScript) or the checked switch (no JavaScript).</summary>
    public static Task<bool> IsOnAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('age-friendly') || document.getElementById('age-friendly').checked");

    /// <summary>The computed font size of the first element matching a selector, in px.</summary>
    public static Task<double> FontSizeAsync(IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    /// <summary>
    /// What falls short of the mode's promises on the page, one line each: text under 20 px, line height under
    /// 1.3, a link, button or field whose box is under 44×44 px (a checkbox counts by its label, which is its target).
    /// </summary>
    public const string Shortfalls = """
        () => {
            const problems = [];
            const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.textContent || '').trim().slice(0, 24)}"`;
            const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden');
            for (const e of document.body.querySelectorAll('*')) {
                if (!shown(e) || e.closest('svg')) continue;
                if (![...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
                const style = getComputedStyle(e);
                const size = parseFloat(style.fontSize);
                if (size < 20) problems.push(`${name(e)}: text of ${size}px`);
                const lineHeight = parseFloat(style.lineHeight); // NaN for 'normal'
                if (!(lineHeight / size >= 1.3)) problems.push(`${name(e)}: line height ${style.lineHeight} for ${size}px text`);
            }
            for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
                if (!shown(e)) continue;
                const label = e.matches('input[type=checkbox], input[type=radio]') && e.getAttribute('role') !== 'switch' && e.labels && e.labels[0];
                const box = (label || e).getBoundingClientRect();
                if (box.width < 44 || box.height < 44) problems.push(`${name(e)}: target of ${Math.round(box.width)}×${Math.round(box.height)}px`);
            }
            return problems;
        }
        """;
}

/// <summary>A 360 px phone whose visitor turned the age-friendly mode on earlier.</summary>
public sealed class AgeFriendlyPhonePage(Chromium chromium, ServedSite site)
    : ReusedPage(chromium, AgeFriendlyMode.Remembered(site, new() { ViewportSize = new() { Width = PhonePage.Width, Height = 740 }, IsMobile = true, HasTouch = true }));

/// <summary>A desktop browser whose visitor turned the age-friendly mode on earlier.</summary>
public sealed class AgeFriendlyDesktopPage(Chromium chromium, ServedSite site)
    : ReusedPage(chromium, AgeFriendlyMode.Remembered(site, new()));
