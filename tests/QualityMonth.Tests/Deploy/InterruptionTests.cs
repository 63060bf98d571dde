using System.Runtime.Versioning;
namespace QualityMonth.Tests.Deploy;

/// <summary>
/// A push killed at any point leaves the web root on the old site or the new one — byte for byte — and
/// the next push works: killed during the build (the whole process tree, as a crash would), and the
/// publishing hook killed (SIGKILL, no clean-up) after the new release and its link exist but before the
/// switch, and right after the switch.
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class InterruptionTests(DeployServer server)
{
    [Fact]
    public async Task A_push_killed_midway_leaves_the_old_site_or_the_new_one_never_a_mix()
    {
        var clone = server.Clone("killed");
        var oldSite = server.Snapshot();
        var oldHead = server.Head;

        // 1. Killed while its build runs: nothing changes, and the lock is let go.
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: 中断的推送" + DeployServer.Marker());
        var killedInBuild = DeployServer.Commit(clone, "Killed during its build");
        using (var push = DeployServer.StartPush(clone))
        {
            await push.WaitForOutputAsync("Building", TimeSpan.FromMinutes(5));
            await Task.Delay(1000);
            push.KillTree();
        }
        server.AssertLockIsReleased();
        Assert.Equal(oldSite, server.Snapshot());
        Assert.Equal(oldHead, server.Head);

        // 2. Publishing killed after the release and the new link are made, before the switch: the branch
        //    moved (git accepted the push) but the web root is the old site exactly.
        var releases = server.Releases;
        var killed = server.Push(clone, new Dictionary<string, string> { ["DEPLOY_TEST_KILL_AT"] = "link-made" });
        Assert.True(killed.ExitCode == 0, killed.Output);
        Assert.DoesNotContain("remote: Published", killed.Output);
        Assert.Equal(killedInBuild, server.Head);
        Assert.Equal(oldSite, server.Snapshot());
        var unpublished = Assert.Single(server.Releases.Except(releases));
        Assert.Equal(killedInBuild, server.ReleaseInfo(unpublished)["commit"]);
        Assert.True(Path.Exists(server.WebRoot + ".new"), "the interrupted switch left no link behind to test its clean-up");
        server.AssertLockIsReleased();
        var listing = Command.Run("bash", server.Root, server.RollbackScript, server.Root, "--list");
        Assert.Matches($"{unpublished} +{killedInBuild[..9]} .* never live", listing.Output);

        // 3. The next push, killed right after its switch: the web root is the new site, whole.
        var theme = "切换后中断" + DeployServer.Marker();
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: " + theme);
        var killedAfterSwitch = DeployServer.Commit(clone, "Killed after its switch");
        var switched = server.Push(clone, new Dictionary<string, string> { ["DEPLOY_TEST_KILL_AT"] = "switched" });
        Assert.True(switched.ExitCode == 0, switched.Output);
        Assert.DoesNotContain("remote: Published", switched.Output);
        Assert.Equal(killedAfterSwitch, server.ReleaseInfo(server.LiveRelease)["commit"]);
        Assert.False(Path.Exists(server.WebRoot + ".new"));
        DeployServer.AssertCompleteSite(server.WebRoot);
        Assert.Contains(theme, File.ReadAllText(Path.Combine(server.WebRoot, "index.html")));
        Assert.NotEqual(oldSite, server.Snapshot());
        server.AssertLockIsReleased();
    }
}
