using System.Runtime.Versioning;
using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// Problems of the machine, not the content: a full disk (a 20 MB tmpfs in a private mount namespace, so nothing is
/// left mounted), an output folder the build may not write (the build run as the unprivileged user nobody), builds
/// sharing one .cache, a build short of memory. Each ends with a message naming the folder and the problem, the previous site intact.
/// </summary>
[SupportedOSPlatform("linux")] // tmpfs, mount namespaces, setpriv
[LongRunning(2)]
public sealed class EnvironmentProblemTests
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    [Fact]
    public void A_full_disk_is_reported_with_the_folder_and_the_previous_site_is_left_as_it_was()
    {
        using var site = new TempSite();
        Build(site);
        var disk = site.PathOf("small-disk");
        Directory.CreateDirectory(disk);
        // The previous site (about 16 MB) fits on the 20 MB disk; the new one beside it does not.
        var script = $"""
            mount -t tmpfs -o size=20m tmpfs '{disk}' || exit 99
            cp -a '{site.Output}' '{disk}/output'
            cd '{disk}/output' && find . -type f | sort | xargs sha256sum > ../before.txt
            dotnet '{Generator.Dll}' build --root '{site.Root}' --output '{disk}/output' >../build.txt 2>&1; echo "exit $?" >> ../build.txt
            find . -type f | sort | xargs sha256sum > ../after.txt
            echo "build:"; cat ../build.txt; echo "same:"; cmp -s ../before.txt ../after.txt && echo yes || echo no
            """;
        string[] unshare = IsRoot ? ["--mount", "sh", "-c", script] : ["--mount", "--map-root-user", "sh", "-c", script];
        var result = Command.Run("unshare", site.Root, unshare);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("exit 1", result.Output);
        Assert.Matches($@"{disk}/output: error: could not write to {disk}: No space left on device.*\[output-unwritable\]", result.Output);
        Assert.DoesNotContain("internal error", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.EndsWith("same:\nyes", result.Output.Trim());
    }

    [Fact]
    public void An_output_folder_without_write_permission_is_reported_with_the_folder_and_left_as_it_was()
    {
        using var site = new TempSite();
        var parent = site.PathOf("locked");
        var output = Path.Combine(parent, "output");
        Build(site, "--output", output);
        var before = FolderSnapshot.Of(output);
        // The build may read the site and write its cache, but not create anything beside the output folder.
        foreach (var entry in Directory.EnumerateFileSystemEntries(site.Root, "*", SearchOption.AllDirectories).Prepend(site.Root))
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite
                | (Directory.Exists(entry) ? UnixFileMode.OtherExecute : 0));
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!IsRoot) File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        string[] build = ["dotnet", Generator.Dll, "build", "--root", site.Root, "--output", output];
        CommandResult result;
        try
        {
            result = IsRoot
                ? Command.Start("setpriv", site.Root, new Dictionary<string, string> { ["HOME"] = site.Root },
                    ["--reuid=65534", "--regid=65534", "--clear-groups", .. build]).Wait(TimeSpan.FromMinutes(6))
                : Command.Start(build[0], site.Root, null, build[1..]).Wait(TimeSpan.FromMinutes(6));
        }
        finally
        {
            File.SetUnixFileMode(parent, File.GetUnixFileMode(parent) | UnixFileMode.UserWrite);
        }

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Matches($@"{output}: error: could not write to {parent}: Access to the path '{parent}/\.output\.new-\d+' is denied.*\[output-unwritable\]", result.Output);
        Assert.DoesNotContain("internal error", result.Output);
        Assert.Equal(before, FolderSnapshot.Of(output));
    }

    [Fact]
    public void Builds_sharing_one_cache_do_not_break_each_other()
    {
        using var site = new TempSite();
        for (var round = 0; round < 2; round++)
        {
            // Every share image is drawn again by both builds at once, and each prunes what it does not want.
            Directory.Delete(site.PathOf(".cache/share"), recursive: true);
            var builds = new[] { "one", "two" }
                .Select(name => Command.Start("dotnet", site.Root, Generator.EnglishLocale, Generator.Dll, "build", "--root", site.Root, "--output", site.PathOf(name)))
                .ToList();
            foreach (var build in builds)
            {
                var result = build.Wait(TimeSpan.FromMinutes(6));
                Assert.True(result.ExitCode == 0, $"round {round}: {result.Output}");
                Assert.DoesNotContain("internal error", result.Output);
            }
            foreach (var build in builds) build.Dispose();
        }
        Assert.Equal(FolderSnapshot.Of(site.PathOf("one/share")), FolderSnapshot.Of(site.PathOf("two/share")));
    }

    [Fact]
    public void A_build_short_of_memory_says_so_never_a_disk_problem_or_a_generator_bug()
    {
        using var site = new TempSite();
        Build(site);
        var before = FolderSnapshot.Of(site.Output);
        // Under a 100 MB data limit .NET fails wherever it next needs memory (an allocation, an assembly it maps,
        // libvips' library or one of its threads), so the outcome varies from run to run: each must be a crash by signal (which the
        // publishing server reports as the memory limit) or the generator's own out-of-memory message.
        for (var run = 0; run < 10; run++)
        {
            var result = Command.Start("prlimit", site.Root, Generator.EnglishLocale,
                [$"--data={100 * 1024 * 1024}", "--", "dotnet", Generator.Dll, "build", "--root", site.Root, "--output", site.Output]).Wait(TimeSpan.FromMinutes(2));
            Assert.NotEqual(0, result.ExitCode);
            if (result.ExitCode <= 128)
            {
                Assert.True(result.ExitCode == 1, result.Output);
                Assert.Matches($@"{site.Output}: error: the build ran out of memory: .*\[out-of-memory\]", result.Output);
            }
            Assert.DoesNotContain("disk-problem", result.Output);
            Assert.DoesNotContain("internal error", result.Output);
            Assert.Equal(before, FolderSnapshot.Of(site.Output));
        }
    }

    private static void Build(TempSite site, params string[] args)
    {
        var result = Generator.Run(["build", "--root", site.Root, .. args]);
        Assert.True(result.ExitCode == 0, result.All);
    }
}
