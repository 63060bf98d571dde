using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Pages;

/// <summary>
/// The native generator ./build.sh runs (compiled ahead of time, without the JIT, its unreached code left out) against
/// the tests' generator, which every other test runs: the same site, byte for byte, and the same report.
/// </summary>
public sealed class NativeGeneratorTests
{
    private static readonly Dictionary<string, string> NoVariables = [];

    [Fact]
    public void The_native_generator_builds_the_real_site_byte_for_byte_as_the_tests_generator_does()
    {
        using var jit = new TempSite();
        using var native = new TempSite();
        // Fresh photos for the native one: its image code runs too, not only the cache's.
        Directory.Delete(native.PathOf(".cache"), recursive: true);
        var jitBuild = Generator.Run("build", "--root", jit.Root);
        var nativeBuild = Generator.RunNative(NoVariables, "build", "--root", native.Root);
        Assert.True(jitBuild.ExitCode == 0, jitBuild.All);
        Assert.True(nativeBuild.ExitCode == 0, nativeBuild.All);
        Assert.Contains("2 processed", nativeBuild.Stdout);

        var files = Files(jit.Output);
        Assert.Equal(files, Files(native.Output));
        Assert.True(files.Count > 900, $"only {files.Count} files built");
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(jit.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(native.Output, file))),
            $"{file} differs between the generators"));
    }

    [Fact]
    public void The_native_generator_reports_a_check_as_the_tests_generator_does()
    {
        using var site = new TempSite();
        // The site's warnings, and an error: a link to no page.
        site.Edit("input/2024/notices/provincial.md", "\n## ", "\n[broken](/no/such/page/)\n\n## ");
        var jit = Generator.Run("check", "--root", site.Root, "--format", "json");
        var native = Generator.RunNative(NoVariables, "check", "--root", site.Root, "--format", "json");
        Assert.Equal(1, jit.ExitCode);
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.Equal(jit.Stdout, native.Stdout);
        Assert.Contains("no/such/page", native.Stdout);
    }

    [Fact]
    public void The_native_generator_has_no_preview_and_names_the_command_that_has()
    {
        using var site = new TempSite();
        var result = Generator.RunNative(NoVariables, "preview", "--root", site.Root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run ./build.sh preview", result.Stderr);
        Assert.False(Directory.Exists(site.Output), "the refused preview wrote a site");
    }

    private static List<string> Files(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];
}
