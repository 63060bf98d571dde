using System.Runtime.Versioning;
using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// Problems of the machine, not the content: a full disk (a 20 MB tmpfs in a private mount namespace, so nothing is
/// left mounted), an output folder the build may not write (the build run as the unprivileged user nobody), builds
/// sharing one .cache. Each ends with a message naming the folder and the problem, the previous site intact.
/// </summary>
[SupportedOSPlatform("linux")] // tmpfs, mount namespaces, setpriv
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

    private static void Build(TempSite site, params string[] args)
    {
        var result = Generator.Run(["build", "--root", site.Root, .. args]);
        Assert.True(result.ExitCode == 0, result.All);
    }
}
