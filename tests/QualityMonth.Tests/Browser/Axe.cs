using Microsoft.Playwright;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Browser;

/// <summary>axe-core (from node_modules) run on the page as it is now, for WCAG 2.1 A and AA.</summary>
public static class Axe
{
    private static readonly string Script = Path.Combine(Repo.NodeModules, "axe-core", "axe.min.js");

    private const string Run = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map(v => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
        }
        """;

    /// <summary>Fails with every violation found on <paramref name="page"/>, described for <paramref name="what"/>.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        await InjectAsync(page);
        var violations = await page.EvaluateAsync<Violation[]>(Run);
        Assert.True(violations.Length == 0, $"axe-core found {violations.Length} violation(s) on {what}:\n" + string.Join('\n', violations.Select(Describe)));
    }

    /// <summary>
    /// Defines <c>axe</c> in the page. Run by the test driver rather than added as a &lt;script&gt;, which the pages'
    /// Content-Security-Policy would refuse to run (and must: it would refuse injected markup the same way).
    /// </summary>
    public static async Task InjectAsync(IPage page)
    {
        Assert.True(File.Exists(Script), $"{Script} is missing: run npm install in {Repo.Root}");
        await page.EvaluateAsync("() => {\n" + await File.ReadAllTextAsync(Script) + "\n}");
    }

    private static string Describe(Violation v) => $"- {v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Targets);

    /// <summary>What <c>Run</c> returns for each violated rule (filled in by Playwright's JSON reader).</summary>
    private sealed record Violation
    {
        public string Id { get; init; } = "";
        public string Impact { get; init; } = "";
        public string Help { get; init; } = "";
        public string[] Targets { get; init; } = [];
    }
}
