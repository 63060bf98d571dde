using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>
/// A build keeps the site its swap retires as <c>.output.spare</c> and the next build updates that folder instead of
/// writing a whole new one: what it publishes must be exactly what a build into a fresh folder publishes, whatever the
/// spare holds.
/// </summary>
public class SpareOutputTests
{
    private const string Notice = "input/2025/notices/provincial.md";

    [Fact]
    public void A_build_that_updates_the_spare_publishes_what_a_fresh_build_does()
    {
        using var site = new TempSite();
        var spare = site.PathOf(".output.spare");
        Built(Generator.Run("build", "--root", site.Root));
        Built(Generator.Run("build", "--root", site.Root));
        Assert.True(Directory.Exists(spare), "the retired site was not kept");

        // What a spare may hold besides an earlier site: a stray page, a changed page, and links out of the folder.
        var outside = site.PathOf("outside.txt");
        File.WriteAllText(outside, "not the site's\n");
        File.WriteAllText(Path.Combine(spare, "stray.html"), "<p>stray</p>");
        File.WriteAllText(Path.Combine(spare, "index.html"), "<p>changed by hand</p>");
        File.Delete(Path.Combine(spare, "en", "index.html"));
        File.CreateSymbolicLink(Path.Combine(spare, "en", "index.html"), outside);
        Directory.Delete(Path.Combine(spare, "2025"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(spare, "2025"), site.PathOf("input"));
        const string word = "备用目录检验用语";
        site.Edit(Notice, "\n## ", $"\n{word}。\n\n## ");

        Built(Generator.Run("build", "--root", site.Root));
        var fresh = site.PathOf("fresh");
        Built(Generator.Run("build", "--root", site.Root, "--output", fresh));

        Assert.Equal(FolderSnapshot.Of(fresh), FolderSnapshot.Of(site.Output));
        Assert.Contains(word, File.ReadAllText(Path.Combine(site.Output, "2025", "notices", "provincial", "index.html")));
        Assert.Equal("not the site's\n", File.ReadAllText(outside));
        static bool Unedited(string path) => path != "2025/notices/provincial.md";
        Assert.Equal(FolderSnapshot.Of(Path.Combine(Repo.Root, "input"), Unedited), FolderSnapshot.Of(site.PathOf("input"), Unedited));
    }

    private static void Built(Generator.Result result) => Assert.True(result.ExitCode == 0, result.All);
}
