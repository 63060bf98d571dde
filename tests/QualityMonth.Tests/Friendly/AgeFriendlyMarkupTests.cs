using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>Every built page carries the age-friendly switch, its stylesheet and its script, in its language.</summary>
[Collection(FriendlyCollection.Name)]
public sealed class AgeFriendlyMarkupTests(BuiltSite site)
{
    [Fact]
    public void Every_page_has_the_switch_the_stylesheet_and_the_scripts()
    {
        var pages = site.HtmlFiles.ToList();
        Assert.True(pages.Count > 80, $"only {pages.Count} pages were built");
        foreach (var file in pages)
        {
            var name = Path.GetRelativePath(site.Output, file);
            var page = site.Page(name);
            var english = page.DocumentElement.GetAttribute("lang") == "en";

            // A real checkbox exposed as a switch, labelled in the page's language, inside the header.
            var toggle = Assert.Single(page.QuerySelectorAll("#age-friendly"));
            Assert.True(toggle.Closest("header") is not null, $"{name}: the switch is not in the header");
            Assert.Equal(("input", "checkbox", "switch"), (toggle.LocalName, toggle.GetAttribute("type"), toggle.GetAttribute("role")));
            Assert.False(toggle.HasAttribute("checked"), $"{name}: the mode is on before the visitor asked");
            var label = Assert.Single(page.QuerySelectorAll("label[for='age-friendly']"));
            Assert.Equal(english ? "Large text" : "长辈模式", label.TextContent.Trim());

            // The stylesheet and both scripts are files on the site (no inline script: fine under a strict CSP);
            // the mode's script runs in <head> before the body is painted, the copy script after parsing.
            var head = page.Head!;
            var stylesheet = Assert.Single(head.QuerySelectorAll("link[rel=stylesheet][href*='/assets/age-friendly.']"));
            var modeScript = Assert.Single(head.QuerySelectorAll("script[src*='/assets/age-friendly.']"));
            Assert.False(modeScript.HasAttribute("defer") || modeScript.HasAttribute("async"), $"{name}: the mode's script must run before first paint");
            var copyScript = Assert.Single(page.QuerySelectorAll("script[src*='/assets/slogan-copy.']"));
            Assert.True(copyScript.HasAttribute("defer"), $"{name}: the copy script should not hold up the page");
            foreach (var url in new[] { stylesheet.GetAttribute("href")!, modeScript.GetAttribute("src")!, copyScript.GetAttribute("src")! })
                Assert.True(File.Exists(Path.Combine(site.Output, url.TrimStart('/'))), $"{name}: {url} is not in the output");
            Assert.DoesNotContain(page.QuerySelectorAll("script:not([src])"), s => s.GetAttribute("type") is null or "module" or "text/javascript");
        }
    }
}
