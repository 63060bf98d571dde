using Microsoft.Playwright;

namespace QualityMonth.Tests.Support;

/// <summary>
/// A page of the shared <see cref="Chromium"/> kept open for a whole test class (opening a page costs
/// a renderer process), for tests that only navigate and read.
/// </summary>
public abstract class ReusedPage(Chromium chromium, BrowserNewContextOptions? options) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    public IPage Page => _page ?? throw new InvalidOperationException("the page is not open yet");

    public async Task InitializeAsync()
    {
        _context = await chromium.NewContextAsync(options);
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }
}

/// <summary>A desktop-sized page.</summary>
public sealed class DesktopPage(Chromium chromium) : ReusedPage(chromium, null);

/// <summary>A page on a small phone: 360 px wide, touch, mobile viewport rules.</summary>
public sealed class PhonePage(Chromium chromium)
    : ReusedPage(chromium, new() { ViewportSize = new() { Width = Width, Height = 740 }, IsMobile = true, HasTouch = true })
{
    public const int Width = 360;
}

/// <summary>A desktop-sized page with JavaScript turned off.</summary>
public sealed class NoScriptPage(Chromium chromium) : ReusedPage(chromium, new() { JavaScriptEnabled = false });
