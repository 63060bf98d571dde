using System.Runtime.Versioning;
using System.Security.Cryptography;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Deploy;

/// <summary>deploy/install.sh, and the release bookkeeping of the scripts it installs, on deploy roots of their own (no build).</summary>
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class InstallTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "qm-install-" + Guid.NewGuid().ToString("N")[..12]);

    public InstallTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Install_makes_the_repository_its_hooks_folders_and_settings_and_running_it_again_changes_nothing()
    {
        var root = Path.Combine(_folder, "root");
        var webRoot = Path.Combine(_folder, "www", "zly");
        var first = Install(root, "--branch", "live", "--keep", "2", "--web-root", webRoot);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"{root}/bin/people {root} add zhang-san editor 张三 zhang-san.pub", first.Output);
        Assert.Contains($"{root}/bin/generator {root} install live", first.Output);
        Assert.Contains($"{root}/site.git", first.Output);

        var repository = Path.Combine(root, "site.git");
        Assert.Equal("true", DeployServer.Git(repository, "rev-parse", "--is-bare-repository").Trim());
        Assert.Equal("refs/heads/live", DeployServer.Git(repository, "symbolic-ref", "HEAD").Trim());
        Assert.Equal("true", DeployServer.Git(repository, "config", "receive.denyNonFastForwards").Trim());
        foreach (var hook in new[] { "pre-receive", "post-receive" })
        {
            var installed = Path.Combine(repository, "hooks", hook);
            Assert.NotNull(new FileInfo(installed).LinkTarget);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "deploy", hook)), File.ReadAllBytes(installed));
            Assert.True(File.GetUnixFileMode(installed).HasFlag(UnixFileMode.UserExecute), $"{hook} is not executable");
        }
        foreach (var script in new[] { "deploy-lib.sh", "rollback.sh", "generator-key", "push-as", "people", "generator", "history", "audit", "previews" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "deploy", script)), File.ReadAllBytes(Path.Combine(root, "bin", script)));
        foreach (var folder in new[] { "builds", "releases", "generators", "previews", "preview-sites", "cache", "logs/builds", "state" })
            Assert.True(Directory.Exists(Path.Combine(root, folder)), $"{folder}/ is missing");
        var settings = File.ReadAllLines(Path.Combine(root, "deploy.conf"));
        Assert.Contains("branch=live", settings);
        Assert.Contains("keep=2", settings);
        Assert.Contains($"web_root={webRoot}", settings);
        // The defaults: previews under the site's own host, four eyes, the sandbox's limits.
        Assert.Contains("preview_url=https://zly.example.gov.cn/preview", settings);
        Assert.Contains("preview_days=30", settings);
        Assert.Contains("four_eyes=yes", settings);
        Assert.Contains("build_seconds=900", settings);
        Assert.Contains("build_memory_mb=4096", settings);
        Assert.Contains("build_processes=512", settings);
        Assert.Contains("build_output_mb=4096", settings);
        var rules = File.ReadAllLines(Path.Combine(root, "rules.conf")).Where(l => !l.StartsWith('#')).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(["editor input/**", "reviewer input/** statiq.json", "administrator **"], rules);
        Assert.True(File.Exists(Path.Combine(root, "people.conf")));
        Assert.True(Directory.Exists(Path.GetDirectoryName(webRoot)));

        var installed1 = Listing(root);
        var again = Install(root);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(installed1, Listing(root));
    }

    [Theory]
    [InlineData("--keep", "0", "--keep: '0' is not a number of releases")]
    [InlineData("--branch", "two..dots", "--branch: 'two..dots' is not a branch name")]
    [InlineData("--web-root", "relative/path", "must be an absolute path")]
    [InlineData("--colour", "red", "usage: install.sh")]
    [InlineData("--four-eyes", "maybe", "--four-eyes: 'maybe' is not yes or no")]
    [InlineData("--preview-url", "zly.example.gov.cn/preview", "--preview-url: 'zly.example.gov.cn/preview' is not an address")]
    [InlineData("--build-seconds", "0", "--build-seconds: '0' is not a whole number")]
    public void Install_refuses_bad_settings(string option, string value, string message)
    {
        var result = Install(Path.Combine(_folder, "root"), option, value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.False(Directory.Exists(Path.Combine(_folder, "root", "site.git")));
    }

    [Fact]
    public void Install_does_not_replace_a_web_root_that_is_a_real_folder()
    {
        var webRoot = Path.Combine(_folder, "html");
        Directory.CreateDirectory(webRoot);
        var result = Install(Path.Combine(_folder, "root"), "--web-root", webRoot);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{webRoot} exists and is not a symbolic link", result.Output);
    }

    [Fact]
    public void Publishing_keeps_the_newest_releases_the_live_one_and_the_rollback_target_and_rollback_steps_back_past_withdrawn_ones()
    {
        var root = Path.Combine(_folder, "root");
        Assert.Equal(0, Install(root, "--keep", "2").ExitCode);
        // Six releases, oldest first: r1 was live once; r2 was rolled back from; r3 is live;
        // r4's publish was killed before its switch; r5 and r6 were live once (made by hand here).
        var ids = Enumerable.Range(1, 6).Select(i => $"2025090{i}T100000Z-{i}{i}{i}{i}{i}{i}{i}{i}{i}").ToArray();
        foreach (var (id, i) in ids.Select((id, i) => (id, i + 1)))
        {
            var site = Path.Combine(root, "releases", id, "site");
            Directory.CreateDirectory(site);
            File.WriteAllText(Path.Combine(site, "index.html"), $"release {i}");
            File.WriteAllText(Path.Combine(root, "releases", id, "RELEASE"),
                $"commit: {new string((char)('0' + i), 40)}\nsubject: release {i}\npushed-by: staff\npublished: 2025-09-0{i}T10:00:00Z\nbranch: main\n");
            if (i is 1 or 2 or 5 or 6) File.WriteAllText(Path.Combine(root, "releases", id, "REPLACED"), "replaced: by hand\n");
        }
        File.WriteAllText(Path.Combine(root, "releases", ids[1], "WITHDRAWN"), "withdrawn: by hand\n");
        Directory.CreateDirectory(Path.Combine(root, "releases", ".20250907T100000Z-777777777.partial"));
        File.CreateSymbolicLink(Path.Combine(root, "current"), Path.Combine(root, "releases", ids[2], "site"));

        var prune = Command.Run("bash", root, "-c", "source bin/deploy-lib.sh && deploy_load_config . && deploy_prune_releases");
        Assert.True(prune.ExitCode == 0, prune.Output);
        Assert.Equal(new[] { ids[0], ids[2], ids[4], ids[5] }, Directory.GetDirectories(Path.Combine(root, "releases")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var list = Rollback(root, "--list");
        Assert.Matches($"{ids[2]} +333333333 +2025-09-03T10:00:00Z +staff +live", list.Output);
        Assert.Matches($"{ids[0]} .* rollback target", list.Output);

        var back = Rollback(root);
        Assert.True(back.ExitCode == 0, back.Output);
        Assert.Equal("release 1", File.ReadAllText(Path.Combine(root, "current", "index.html")));
        Assert.True(File.Exists(Path.Combine(root, "releases", ids[2], "WITHDRAWN")));

        var none = Rollback(root);
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("there is no older release to switch back to", none.Output);
        Assert.Equal("release 1", File.ReadAllText(Path.Combine(root, "current", "index.html")));
    }

    [Fact]
    public void Previews_not_pushed_to_for_the_configured_days_are_removed_and_the_others_listed()
    {
        var root = Path.Combine(_folder, "root");
        Assert.Equal(0, Install(root, "--preview-days", "2", "--preview-url", "https://zly.example.gov.cn/preview").ExitCode);
        // Two previews as post-receive makes them (preview-sites/<id>/{PREVIEW,site}, linked from previews/<branch>):
        // one pushed three days ago, one an hour ago; and what an interrupted push left.
        string Preview(string branch, string id, TimeSpan age)
        {
            var site = Path.Combine(root, "preview-sites", id);
            Directory.CreateDirectory(Path.Combine(site, "site"));
            var info = Path.Combine(site, "PREVIEW");
            File.WriteAllText(info, $"branch: {branch}\ncommit: {new string('a', 40)}\npushed-by: zhang-san\nbuilt: 2025-09-01T10:00:00Z\naddress: https://zly.example.gov.cn/preview/{branch}/\n");
            File.SetLastWriteTimeUtc(info, DateTime.UtcNow - age);
            var link = Path.Combine(root, "previews", branch);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            File.CreateSymbolicLink(link, Path.Combine(site, "site"));
            return site;
        }
        var old = Preview("zhang-san/old", "20250901T100000Z-aaaaaaaaa-111111", TimeSpan.FromDays(3));
        var recent = Preview("li-si/recent", "20250904T100000Z-aaaaaaaaa-222222", TimeSpan.FromHours(1));
        Directory.CreateDirectory(Path.Combine(root, "preview-sites", "20250904T110000Z-bbbbbbbbb-333333.partial"));

        var list = Command.Run("bash", root, Path.Combine(root, "bin", "previews"), root, "list");
        Assert.Matches(@"zhang-san/old +aaaaaaaaa +zhang-san .* https://zly\.example\.gov\.cn/preview/zhang-san/old/", list.Output);

        var prune = Command.Run("bash", root, Path.Combine(root, "bin", "previews"), root, "prune");
        Assert.True(prune.ExitCode == 0, prune.Output);
        Assert.False(Path.Exists(old));
        Assert.False(Path.Exists(Path.Combine(root, "previews", "zhang-san")), "the emptied previews/zhang-san/ is left behind");
        Assert.True(Directory.Exists(recent));
        Assert.True(Directory.Exists(Path.Combine(root, "previews", "li-si", "recent")), "the recent preview was removed");
        Assert.Equal([Path.GetFileName(recent)], Directory.GetDirectories(Path.Combine(root, "preview-sites")).Select(Path.GetFileName));
        Assert.Contains("preview of zhang-san/old removed: not pushed to for 2 days", File.ReadAllText(Path.Combine(root, "logs", "deploy.log")));
    }

    [Fact]
    public void The_sandbox_has_no_network_a_read_only_system_the_deploy_root_and_home_hidden_and_only_its_scratch_writable()
    {
        var root = Path.Combine(_folder, "root");
        Assert.Equal(0, Install(root).ExitCode);
        // A stand-in for dotnet, first on the sandbox's PATH, that tries what a hostile build would and reports.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var tools = Path.Combine(_folder, "tools");
        Directory.CreateDirectory(tools);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        File.WriteAllText(Path.Combine(tools, "dotnet"), $$"""
            #!/bin/bash
            report() { echo "$1" >>"$PWD/../report"; }
            touch /usr/sandbox-probe 2>/dev/null && report "system: writable" || report "system: read-only"
            [ -e "{{root}}/site.git" ] && report "deploy root: visible" || report "deploy root: hidden"
            [ -n "$(ls -A "{{home}}")" ] && report "home: visible" || report "home: hidden"
            (exec 3<>/dev/tcp/127.0.0.1/{{port}}) 2>/dev/null && report "network: reached" || report "network: none"
            touch "$PWD/written-in-scratch" && report "scratch: writable"
            """);
        File.SetUnixFileMode(Path.Combine(tools, "dotnet"), (UnixFileMode)0b111_101_101);
        var settings = Path.Combine(root, "deploy.conf");
        File.WriteAllText(settings, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(settings), "(?m)^tool_path=", $"tool_path={tools}:"));
        Directory.CreateDirectory(Path.Combine(root, "generators", "fake", "theme"));
        Directory.CreateDirectory(Path.Combine(root, "builds", "probe", "source"));

        var build = Command.Run("bash", root, "-c",
            "source bin/deploy-lib.sh && deploy_load_config . && DEPLOY_BUILD_GENERATOR=$PWD/generators/fake deploy_sandboxed_build $PWD/logs/probe.log $PWD/builds/probe ''");

        Assert.True(build.ExitCode == 0, build.Output + File.ReadAllText(Path.Combine(root, "logs", "probe.log")));
        Assert.Equal(["system: read-only", "deploy root: hidden", "home: hidden", "network: none", "scratch: writable"],
            File.ReadAllLines(Path.Combine(root, "builds", "probe", "report")));
        Assert.True(File.Exists(Path.Combine(root, "builds", "probe", "source", "written-in-scratch")));
        Assert.False(File.Exists("/usr/sandbox-probe"));
        Assert.False(listener.Pending(), "the sandbox reached a port of the host");
    }

    [Theory]
    [InlineData("ls -la")]
    [InlineData("git-receive-pack-but-not-really")]
    [InlineData("")]
    public void A_staff_key_runs_nothing_but_git(string command)
    {
        using var pushAs = Command.Start(Path.Combine(Repo.Root, "deploy", "push-as"), _folder,
            new Dictionary<string, string> { ["SSH_ORIGINAL_COMMAND"] = command }, "zhang-san");
        var result = pushAs.Wait(TimeSpan.FromSeconds(30));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("This key can only clone, pull and push the site's repository", result.Output);
    }

    private static CommandResult Install(string root, params string[] options) =>
        Command.Run("bash", Repo.Root, [DeployServer.InstallScript, root, .. options]);

    private static CommandResult Rollback(string root, params string[] args) =>
        Command.Run("bash", root, [Path.Combine(root, "bin", "rollback.sh"), root, .. args]);

    /// <summary>Every file of a deploy root with its content (links as their targets), but the log, which records each run.</summary>
    private static SortedDictionary<string, string> Listing(string root)
    {
        var listing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            if (relative == Path.Combine("logs", "deploy.log")) continue;
            listing[relative] = entry.LinkTarget is { } target ? "→ " + target
                : entry is FileInfo file ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName)))
                : "folder";
        }
        return listing;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
