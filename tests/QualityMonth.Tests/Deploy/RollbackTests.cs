using System.Runtime.Versioning;
namespace QualityMonth.Tests.Deploy;

/// <summary>deploy/rollback.sh on the server: back to the release live before, forward to a named one, under the lock.</summary>
[Collection(DeployCollection.Name)]
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class RollbackTests(DeployServer server)
{
    [Fact]
    public async Task Rollback_puts_the_previous_release_back_byte_for_byte_and_a_named_release_puts_the_newer_one_back()
    {
        var previousRelease = server.LiveRelease;
        var previousSite = server.Snapshot();
        var clone = server.Clone("rollback");
        var theme = "回滚前的主题" + DeployServer.Marker();
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: " + theme);
        var commit = DeployServer.Commit(clone, "A theme to roll back");
        var push = server.Push(clone);
        Assert.True(push.ExitCode == 0, push.Output);
        var newRelease = server.LiveRelease;
        var newSite = server.Snapshot();

        var list = Rollback("--list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches($"{newRelease} +{commit[..9]} .* live", list.Output);
        Assert.Matches($"{previousRelease} .* rollback target", list.Output);

        var back = Rollback();
        Assert.True(back.ExitCode == 0, back.Output);
        Assert.Contains($"Live now: {previousRelease}", back.Output);
        Assert.Contains("git revert", back.Output); // the branch still holds the rolled-back commit
        Assert.Equal(previousRelease, server.LiveRelease);
        Assert.Equal(previousSite, server.Snapshot());
        Assert.DoesNotContain(theme, File.ReadAllText(Path.Combine(server.WebRoot, "index.html")));
        Assert.Matches($"{newRelease} .* withdrawn", Rollback("--list").Output);
        var recorded = server.Audit()[^1];
        Assert.Equal("rollback", recorded.GetProperty("event").GetString());
        Assert.Equal((newRelease, previousRelease), (recorded.GetProperty("from").GetString(), recorded.GetProperty("to").GetString()));

        // Forward again by name, while a push holds the lock: the rollback waits for it.
        Command forward;
        using (server.HoldLock())
        {
            forward = Command.Start("bash", server.Root, null, server.RollbackScript, server.Root, newRelease);
            await forward.WaitForOutputAsync("waiting for it to finish", TimeSpan.FromMinutes(1));
            Assert.Equal(previousRelease, server.LiveRelease);
        }
        using (forward)
        {
            var result = forward.Wait(TimeSpan.FromMinutes(1));
            Assert.True(result.ExitCode == 0, result.Output);
        }
        Assert.Equal(newRelease, server.LiveRelease);
        Assert.Equal(newSite, server.Snapshot());
        Assert.Contains(theme, File.ReadAllText(Path.Combine(server.WebRoot, "index.html")));

        var unknown = Rollback("no-such-release");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("there is no release 'no-such-release'", unknown.Output);
        Assert.Equal(newRelease, server.LiveRelease);
    }

    private CommandResult Rollback(params string[] args) =>
        Command.Run("bash", server.Root, [server.RollbackScript, server.Root, .. args]);
}
