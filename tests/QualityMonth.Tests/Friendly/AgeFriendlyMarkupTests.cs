using System.Security.Cryptography;
using System.Text;
using QualityMonth.Tests.Support;
using QualityMonth.Theme.Layout;

namespace QualityMonth.Tests.Friendly;

/// <summary>Every built page carries the age-friendly switch, its rules and its scripts, in its language.</summary>
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

            // The mode's rules come with the one stylesheet, and both scripts are deferred files on the site; a remembered
            // mode is applied before the first paint by the one inline line, which a strict CSP allows by its hash.
            var head = page.Head!;
            var stylesheet = Assert.Single(head.QuerySelectorAll("link[rel=stylesheet]"));
            Assert.StartsWith("/assets/site.", stylesheet.GetAttribute("href"));
            var modeScript = Assert.Single(head.QuerySelectorAll("script[src*='/assets/age-friendly.']"));
            Assert.True(modeScript.HasAttribute("defer"), $"{name}: the mode's script should not hold up the page");
            var copyScript = Assert.Single(page.QuerySelectorAll("script[src*='/assets/slogan-copy.']"));
            Assert.True(copyScript.HasAttribute("defer"), $"{name}: the copy script should not hold up the page");
            var readAloudScript = Assert.Single(head.QuerySelectorAll("script[src*='/assets/read-aloud.']"));
            Assert.True(readAloudScript.HasAttribute("defer"), $"{name}: the read-aloud script should not hold up the page");
            // 朗读 is an inert template until the script copies it in: without JavaScript no button of it is in the page.
            Assert.Single(page.QuerySelectorAll("body > template#read-aloud"));
            Assert.Empty(page.QuerySelectorAll("[data-read-aloud]"));
            foreach (var url in new[] { stylesheet.GetAttribute("href")!, modeScript.GetAttribute("src")!, copyScript.GetAttribute("src")!, readAloudScript.GetAttribute("src")! })
                Assert.True(File.Exists(Path.Combine(site.Output, url.TrimStart('/'))), $"{name}: {url} is not in the output");
            var inline = Assert.Single(page.QuerySelectorAll("script:not([src])"), s => s.GetAttribute("type") is null or "module" or "text/javascript");
            Assert.True(inline.ParentElement == head && inline.TextContent == PageShell.AgeFriendlyEarlyScript, $"{name}: the inline script is not the mode's early line");
        }
    }

    /// <summary>The Content-Security-Policy the docs give for the site allows the inline line, so it must hash to what they say.</summary>
    [Fact]
    public void The_documented_CSP_hash_is_the_inline_line_s()
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageShell.AgeFriendlyEarlyScript)));
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "age-friendly-and-sharing.md"));
        Assert.Contains($"'sha256-{hash}'", docs);
    }
}
