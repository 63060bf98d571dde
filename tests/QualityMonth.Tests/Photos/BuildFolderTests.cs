using QualityMonth.Imaging.Photos;
using QualityMonth.Imaging.Text;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Photos;

/// <summary>
/// The published site does not depend on the folder it is built in: each push is built in a fresh folder,
/// so a name that did would give unchanged photos new URLs on every deploy.
/// </summary>
[Trait("Category", "Photos")]
public class BuildFolderTests
{
    [Fact]
    public void The_real_site_built_in_two_folders_is_byte_identical_file_for_file()
    {
        // One with the caches a build in a third folder made, one with none: names and bytes must not care.
        using var warm = new TempSite();
        using var cold = new TempSite();
        foreach (var cache in new[] { PhotoPipeline.CacheFolder, ShareCardCache.CacheFolder })
            Directory.Delete(cold.PathOf(cache), recursive: true);
        Assert.NotEqual(warm.Root, cold.Root);

        foreach (var site in new[] { warm, cold })
        {
            var result = Generator.Run("build", "--root", site.Root);
            Assert.True(result.ExitCode == 0, result.All);
        }

        var warmFiles = Files(warm.Output);
        var coldFiles = Files(cold.Output);
        Assert.Equal(warmFiles, coldFiles);
        Assert.Contains(warmFiles, f => f.StartsWith("photos/", StringComparison.Ordinal) && f.EndsWith(".avif", StringComparison.Ordinal));
        Assert.Contains(warmFiles, f => f.StartsWith("share/", StringComparison.Ordinal));
        var different = warmFiles.Where(f => !File.ReadAllBytes(Path.Combine(warm.Output, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(cold.Output, f)))).ToList();
        Assert.True(different.Count == 0, $"{different.Count} of {warmFiles.Count} files differ:\n  {string.Join("\n  ", different.Take(20))}");
    }

    private static List<string> Files(string output) =>
        [.. Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
