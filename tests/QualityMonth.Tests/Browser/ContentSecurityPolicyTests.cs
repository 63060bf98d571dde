using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Layout;

namespace QualityMonth.Tests.Browser;

/// <summary>
/// The Content-Security-Policy: in every page before any script, in the nginx example as a header, and in Chromium
/// markup that slipped into a page does not run, while the site's own scripts do (their own tests: search, copy,
/// the age-friendly switch and its hashed inline line, the activity filter, the preview's reload).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed partial class ContentSecurityPolicyTests(Chromium chromium, ServedSite site)
{
    private const string Notice = "/2024/notices/provincial/";

    /// <summary>What an attacker's markup would do if it ran: inline script, event handler, javascript: link.</summary>
    private const string Injected =
        "<script>window.__injected = 'inline script'</script>" +
        "<img src=\"/no-such-image.png\" onerror=\"window.__injected = 'event handler'\">" +
        "<a id=\"injected-link\" href=\"javascript:window.__injected = 'javascript link'\">x</a>";

    [Fact]
    public void Every_page_carries_the_policy_before_any_script()
    {
        var parser = new HtmlParser();
        foreach (var file in site.Site.HtmlFiles)
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            var policy = page.Head!.QuerySelector("meta[http-equiv='Content-Security-Policy']");
            Assert.True(policy is not null, $"{file} has no Content-Security-Policy");
            Assert.Equal(ContentSecurityPolicy.Value, policy.GetAttribute("content"));
            var first = page.Head.Children.Select((element, i) => (element, i));
            Assert.True(first.First(e => e.element == policy).i < first.Where(e => e.element.LocalName == "script").Select(e => e.i).DefaultIfEmpty(int.MaxValue).Min(),
                $"{file}: a script comes before the policy, which covers only what follows it");
        }
    }

    [Fact]
    public void The_nginx_example_sends_the_same_policy_as_a_header()
    {
        var config = File.ReadAllText(Path.Combine(Repo.Root, "deploy", "nginx.conf.example"));
        var headers = NginxHeader().Matches(config).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(headers);
        Assert.All(headers, header => Assert.Equal(ContentSecurityPolicy.Value, header));
    }

    [Fact]
    public async Task Injected_markup_does_not_run_and_the_browser_reports_it()
    {
        var (ran, violations) = await LoadWithInjectedMarkupAsync(keepPolicy: true);
        Assert.Null(ran);
        Assert.Contains("script-src-elem", violations);
        Assert.Contains("script-src-attr", violations);
    }

    /// <summary>The same page with the policy taken out runs the injected script: the test above can tell.</summary>
    [Fact]
    public async Task Without_the_policy_the_same_markup_would_run()
    {
        var (ran, _) = await LoadWithInjectedMarkupAsync(keepPolicy: false);
        Assert.NotNull(ran);
    }

    /// <summary>
    /// Loads the notice page with <see cref="Injected"/> put into its main content on the way to the browser, clicks
    /// the injected link, and returns what ran (null: nothing) and the directives the browser reported as violated.
    /// </summary>
    private async Task<(string? Ran, IReadOnlyList<string> Violations)> LoadWithInjectedMarkupAsync(bool keepPolicy)
    {
        await using var context = await chromium.NewContextAsync();
        // Init scripts are the browser's own, outside the page's policy: they record what the policy stopped.
        await context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.effectiveDirective));");
        var page = await context.NewPageAsync();
        await page.RouteAsync(site.Url(Notice), async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            if (!keepPolicy) html = PolicyMeta().Replace(html, "");
            await route.FulfillAsync(new() { Response = response, Body = html.Replace("<main id=\"main\"", Injected + "<main id=\"main\"", StringComparison.Ordinal) });
        });
        await page.GotoAsync(site.Url(Notice));
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.EvaluateAsync<string?>("() => window.__injected ?? null") is null)
        {
            await page.Locator("#injected-link").ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }
        return (await page.EvaluateAsync<string?>("() => window.__injected ?? null"), await page.EvaluateAsync<string[]>("() => window.__violations"));
    }

    [GeneratedRegex("add_header Content-Security-Policy \"([^\"]*)\" always;")]
    private static partial Regex NginxHeader();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex PolicyMeta();
}
