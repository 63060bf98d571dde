using QualityMonth.Search;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Search;

/// <summary>Without a working Pagefind the build stops with an error that says what to do, and leaves the output alone.</summary>
public class PagefindFailureTests
{
    [Fact]
    public void Without_Pagefind_the_build_fails_and_says_how_to_install_it()
    {
        // A copy of the generator outside the repository, on a site outside it: no node_modules above either.
        using var site = new TempSite();
        var app = site.PathOf("app");
        TempSite.CopyDirectory(GeneratorFolder, app);
        Assert.Null(PagefindBinary.Find(site.Root, app));

        var result = Generator.RunCopy(Path.Combine(app, Path.GetFileName(Generator.Dll)), "build", "--root", site.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{PagefindIndex.DiagnosticFile}: error: Pagefind is not installed", result.Stderr);
        Assert.Contains("./build.sh", result.Stderr);
        Assert.Contains("npm ci", result.Stderr);
        Assert.False(Directory.Exists(site.Output), "a failed build wrote the output folder");
    }

    [Fact]
    public void A_Pagefind_error_stops_the_build_with_Pagefind_s_message()
    {
        using var site = new TempSite();
        Assert.Equal(0, Generator.Run("build", "--root", site.Root).ExitCode);
        var before = File.ReadAllText(Path.Combine(site.Output, "pagefind", "pagefind-entry.json"));
        // The site's own node_modules is searched first: put a Pagefind there that fails the way Pagefind does.
        FakePagefind(site, "echo 'Error: Pagefind could not read the site' >&2\nexit 3");

        var result = Generator.Run("build", "--root", site.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{PagefindIndex.DiagnosticFile}: error: Pagefind", result.Stderr);
        Assert.Contains("exit code 3", result.Stderr);
        Assert.Contains("Error: Pagefind could not read the site", result.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Output, "pagefind", "pagefind-entry.json")));
        // Pagefind indexes the new site in a staging folder beside the output: a failure removes it.
        var outputName = Path.GetFileName(site.Output);
        Assert.Equal([outputName], Directory.GetDirectories(Path.GetDirectoryName(site.Output)!, $"*{outputName}*").Select(Path.GetFileName));
    }

    [Fact]
    public void A_Pagefind_that_writes_no_index_is_an_error()
    {
        using var site = new TempSite();
        FakePagefind(site, "echo 'WARN: nothing to do'\nexit 0");

        var result = Generator.Run("build", "--root", site.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("wrote no search index", result.Stderr);
        Assert.Contains("WARN: nothing to do", result.Stderr);
    }

    [Fact]
    public void The_binary_is_found_in_the_first_folder_or_a_folder_above_it()
    {
        using var site = new TempSite();
        var binary = FakePagefind(site, "exit 0");
        var nested = Directory.CreateDirectory(site.PathOf("a/b/c")).FullName;
        var elsewhere = Directory.CreateTempSubdirectory("qm-no-pagefind-");
        try
        {
            Assert.Equal(binary, PagefindBinary.Find(nested));
            Assert.Equal(binary, PagefindBinary.Find(elsewhere.FullName, nested));
            Assert.Null(PagefindBinary.Find(elsewhere.FullName));
        }
        finally
        {
            elsewhere.Delete();
        }
    }

    /// <summary>The generator's own build output (next to the tests' copy, in the same configuration).</summary>
    private static string GeneratorFolder
    {
        get
        {
            var tests = Path.Combine(Repo.Root, "tests", "QualityMonth.Tests");
            var configuration = Path.GetRelativePath(tests, AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar);
            var folder = Path.Combine(Repo.Root, "src", "QualityMonth", configuration);
            Assert.True(File.Exists(Path.Combine(folder, Path.GetFileName(Generator.Dll))), $"the generator is not built in {folder}");
            return folder;
        }
    }

    /// <summary>A shell script where the build looks for Pagefind in the site's node_modules.</summary>
    private static string FakePagefind(TempSite site, string script)
    {
        var path = site.PathOf(Path.Combine("node_modules", PagefindBinary.PlatformPackage, "bin", PagefindBinary.ExecutableName));
        site.Write(Path.GetRelativePath(site.Root, path), "#!/bin/sh\n" + script + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
