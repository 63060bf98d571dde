using QualityMonth.Imaging.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Friendly;

/// <summary>
/// The share-card cache through the real command line: a warm rebuild draws nothing and publishes the
/// cached files, a changed slogan redraws only its card and prunes the old one, a cold build draws the
/// same bytes, the cards are drawn from the font files found (not from whatever fontconfig lists), and a machine
/// without the CJK font gets a clear build error.
/// </summary>
[Trait("Category", "Share")]
public sealed class ShareImageCacheTests
{
    private const string Slogans2024 = "input/2024/slogans.yml";
    private const string Slogan3 = "贯彻质量强省建设纲要 推进质量强企强链强县";

    private static void Build(TempSite site)
    {
        var result = Generator.Run("build", "--root", site.Root);
        Assert.True(result.ExitCode == 0, result.All);
    }

    /// <summary>Each cache file with its last write time and bytes.</summary>
    private static Dictionary<string, (DateTime Written, byte[] Bytes)> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => (File.GetLastWriteTimeUtc(f), File.ReadAllBytes(f)));

    [Fact]
    public void A_warm_rebuild_draws_nothing_and_a_changed_slogan_redraws_only_its_card()
    {
        using var site = new TempSite(); // with the warm cache: the real site's cards are already drawn
        var cache = site.PathOf(ShareCardCache.CacheFolder);
        var cardCount = RealContent.Slogans.Count + 1;
        Build(site);
        var before = Snapshot(cache);
        Assert.Equal(cardCount, before.Count);

        // Replace slogan 3's cached card with the site card's bytes: a warm build must publish the cache as it is.
        var output = (string card) => File.ReadAllBytes(Path.Combine(site.Output, card));
        var slogan3Card = output("share/2024/slogan-3.png");
        var siteCard = output(RealContent.SiteCardFile);
        var slogan3Entry = before.Single(e => e.Value.Bytes.SequenceEqual(slogan3Card)).Key;
        File.WriteAllBytes(Path.Combine(cache, slogan3Entry), siteCard);
        File.SetLastWriteTimeUtc(Path.Combine(cache, slogan3Entry), before[slogan3Entry].Written);
        Build(site);
        Assert.Equal(siteCard, output("share/2024/slogan-3.png"));
        var warm = Snapshot(cache);
        Assert.Equal(before.Keys.Order(), warm.Keys.Order());
        Assert.All(before, entry => Assert.Equal(entry.Value.Written, warm[entry.Key].Written));

        // A changed slogan: one new card drawn, its old entry pruned, every other entry untouched.
        site.Edit(Slogans2024, Slogan3, Slogan3 + "强省");
        Build(site);
        var changed = Snapshot(cache);
        Assert.Equal(cardCount, changed.Count);
        var added = Assert.Single(changed.Keys.Except(before.Keys));
        Assert.Equal(slogan3Entry, Assert.Single(before.Keys.Except(changed.Keys)));
        Assert.All(changed.Where(e => e.Key != added), entry => Assert.Equal(before[entry.Key].Written, entry.Value.Written));
        Assert.Equal(changed[added].Bytes, output("share/2024/slogan-3.png"));
        Assert.NotEqual(slogan3Card, changed[added].Bytes);
    }

    [Fact]
    public void A_cold_build_draws_the_same_bytes_as_the_cached_cards()
    {
        using var warm = new TempSite();
        Build(warm);
        using var cold = new TempSite();
        Directory.Delete(cold.PathOf(ShareCardCache.CacheFolder), recursive: true);
        Build(cold);
        var cards = RealContent.Slogans.Select(RealContent.CardFile).Prepend(RealContent.SiteCardFile).ToList();
        Assert.All(cards, card => Assert.True(
            File.ReadAllBytes(Path.Combine(warm.Output, card)).SequenceEqual(File.ReadAllBytes(Path.Combine(cold.Output, card))),
            $"{card} came out different when drawn again"));
    }

    /// <summary>
    /// The generator's environment with its font folders (the XDG base directories, docs/platforms.md) pointed at
    /// <paramref name="dataHome"/>'s <c>fonts</c> only: the system's folders are not searched.
    /// </summary>
    private static Dictionary<string, string> FontFoldersIn(TempSite site, string dataHome) => new()
    {
        ["XDG_DATA_HOME"] = site.PathOf(dataHome),
        ["XDG_DATA_DIRS"] = site.PathOf("no-system-fonts"),
    };

    [Fact]
    public void Without_the_CJK_font_the_build_stops_with_a_clear_error()
    {
        using var site = new TempSite();
        // Font folders without fonts-noto-cjk's files: as on a machine without the package.
        var result = Generator.Run(FontFoldersIn(site, "no-fonts"), "build", "--root", site.Root);

        Assert.True(result.ExitCode == 1, result.All);
        Assert.Contains("fonts-noto-cjk: error: the share images are set in the font Noto Sans CJK SC Regular, which is not installed "
            + $"(NotoSansCJK-Regular.ttc is in none of the font folders {site.PathOf("no-fonts/fonts")}, {site.PathOf("no-system-fonts/fonts")})", result.Stderr);
        Assert.Contains("apt-get install fonts-noto-cjk", result.Stderr);
        Assert.DoesNotContain("internal error", result.All);
        Assert.False(Directory.Exists(site.Output), "a failed build wrote output/");
    }

    [Fact]
    public void The_cards_are_drawn_from_the_font_files_found_whatever_fontconfig_knows()
    {
        using var normal = new TempSite();
        Build(normal);

        // The two files in a user's font folder only, and a fontconfig configuration that lists no font at all.
        using var site = new TempSite();
        Directory.Delete(site.PathOf(ShareCardCache.CacheFolder), recursive: true);
        var userFonts = Directory.CreateDirectory(site.PathOf("user-data/fonts")).FullName;
        foreach (var face in new[] { CardFonts.Find().Regular, CardFonts.Find().Bold })
            File.CreateSymbolicLink(Path.Combine(userFonts, Path.GetFileName(face.File)), face.File);
        site.Write("no-fonts.conf", """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>""");
        var environment = FontFoldersIn(site, "user-data");
        environment["FONTCONFIG_FILE"] = site.PathOf("no-fonts.conf");
        var result = Generator.Run(environment, "build", "--root", site.Root);
        Assert.True(result.ExitCode == 0, result.All);

        var cards = RealContent.Slogans.Select(RealContent.CardFile).Prepend(RealContent.SiteCardFile).ToList();
        Assert.All(cards, card => Assert.True(
            File.ReadAllBytes(Path.Combine(normal.Output, card)).SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, card))),
            $"{card} came out different when drawn from the files in the user's font folder"));
    }
}
