using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation on any template, in either language.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccessibilityTests(DesktopPage desktop, ServedSite site) : IClassFixture<DesktopPage>
{
    private static readonly string AxeScript = Path.Combine(Repo.NodeModules, "axe-core", "axe.min.js");

    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map(v => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
        }
        """;

    [Theory, MemberData(nameof(SitePages.EveryTemplate), MemberType = typeof(SitePages))]
    public async Task Axe_finds_no_violations(string path)
    {
        Assert.True(File.Exists(AxeScript), $"{AxeScript} is missing: run npm install in {Repo.Root}");
        var page = desktop.Page;
        await page.GotoAsync(site.Url(path));
        await page.AddScriptTagAsync(new() { Path = AxeScript });

        var violations = await page.EvaluateAsync<Violation[]>(RunAxe);
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} violation(s) on {path}:\n" + string.Join('\n', violations.Select(Describe)));
    }

    private static string Describe(Violation v) => $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Targets);

    /// <summary>What <c>RunAxe</c> returns for each violated rule (filled in by Playwright's JSON reader).</summary>
    private sealed record Violation
    {
        public string Id { get; init; } = "";
        public string Impact { get; init; } = "";
        public string Help { get; init; } = "";
        public string[] Targets { get; init; } = [];
    }
}
