using System.Runtime.Versioning;
using QualityMonth.Tests.Data;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Deploy;

/// <summary>
/// Publishing by git push, for real: pushes to a deploy root made by deploy/install.sh, through its hooks,
/// and what the web root then holds.
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class PublishTests(DeployServer server)
{
    private const string Branch = DeployServer.Branch;
    private const string ContestUid = "2024/fuzhou/quality-knowledge-contest" + Calendars.HostSuffix;

    [Fact]
    public void The_administrator_installed_the_generator_and_the_first_push_after_it_published_the_repository()
    {
        Assert.DoesNotContain("Compiling the generator", server.GeneratorInstall.Output);
        Assert.Contains("Building the site of", server.GeneratorInstall.Output);
        Assert.Contains("Installed: the generator of", server.GeneratorInstall.Output);
        Assert.Contains($"Installing the generator of {server.SeedCommit[..9]}", server.GeneratorInstall.Output);
        Assert.Matches($"remote: Published [0-9a-f]{{9}} as release", server.FirstPush.Output);
        Assert.Contains("at https://zly.example.gov.cn/", server.FirstPush.Output);
        DeployServer.AssertCompleteSite(server.WebRoot);
    }

    [Fact]
    public async Task A_push_changing_the_theme_is_built_with_the_installed_generator_until_the_administrator_upgrades_it()
    {
        var clone = server.Clone("theme");
        var marker = DeployServer.Marker();
        var home = Path.Combine(clone, "theme", "Pages", "HomePage.razor");
        var razor = File.ReadAllText(home);
        Assert.Contains("    <SearchForm Ctx=\"Ctx\" />", razor);
        File.WriteAllText(home, razor.Replace("    <SearchForm Ctx=\"Ctx\" />", $"    <p>主页模板改动 {marker}</p>\n\n    <SearchForm Ctx=\"Ctx\" />"));
        var theme = "部署测试主题" + marker;
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: " + theme);
        var commit = DeployServer.Commit(clone, "Home page: a line in the template, a new theme");
        var installed = server.Run("generator", "status").Output;

        // An administrator may push theme code; the site is built with the installed generator all the same.
        var push = server.PushOverSsh(server.Administrator, clone, "HEAD:main");

        Assert.True(push.ExitCode == 0, push.Output);
        Assert.Contains($"remote: Published {commit[..9]} as release", push.Output);
        Assert.Equal(commit, server.Head);
        Assert.Equal(server.Administrator.Name, server.ReleaseInfo(server.LiveRelease)["pushed-by"]);
        var page = File.ReadAllText(Path.Combine(server.WebRoot, "index.html"));
        Assert.Contains(theme, page);
        Assert.DoesNotContain($"主页模板改动 {marker}", page);
        Assert.Equal(installed, server.Run("generator", "status").Output);

        // The upgrade: compiles the published revision, test-builds its site, switches.
        var upgrade = server.Run("generator", "install", "main");
        Assert.True(upgrade.ExitCode == 0, upgrade.Output);
        Assert.Contains("Compiling the generator", upgrade.Output);
        Assert.Contains("Building the site of", upgrade.Output);
        Assert.Contains($"commit: {commit}", server.Run("generator", "status").Output);
        Assert.Contains(server.Audit(), e => e.GetProperty("event").GetString() == "generator-installed" && e.GetProperty("commit").GetString() == commit);

        // The next publish uses it.
        DeployServer.Git(clone, "-c", "user.name=测试员", "-c", "user.email=staff@example.gov.cn", "commit", "--quiet", "--allow-empty", "-m", "Publish with the new generator");
        var republish = server.PushOverSsh(server.Administrator, clone, "HEAD:main");
        Assert.True(republish.ExitCode == 0, republish.Output);
        DeployServer.AssertCompleteSite(server.WebRoot);
        Assert.Empty(Directory.GetFileSystemEntries(server.Builds));
        await using var host = await StaticServer.StartAsync(server.WebRoot);
        using var http = new HttpClient();
        page = await http.GetStringAsync(host.BaseUrl + "/");
        Assert.Contains($"主页模板改动 {marker}", page);
        Assert.Contains(theme, page);
    }

    [Fact]
    public void A_generator_install_of_a_revision_not_on_the_published_branch_is_refused()
    {
        var clone = server.Clone("unreviewed");
        File.AppendAllText(Path.Combine(clone, "README.md"), "\nunreviewed\n");
        var commit = DeployServer.Commit(clone, "Not published");
        DeployServer.Git(clone, "push", "--quiet", server.Repository, "HEAD:refs/tags/unreviewed");
        var installed = server.Run("generator", "status").Output;

        var install = server.Run("generator", "install", commit);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains("is not on the published branch 'main': only reviewed, published code is installed", install.Output);
        Assert.Contains("The installed generator is unchanged.", install.Output);
        Assert.Equal(installed, server.Run("generator", "status").Output);
    }

    [Fact]
    public async Task A_push_over_ssh_waits_for_a_publish_in_progress_then_builds_on_the_live_site()
    {
        var clone = server.Clone("content");
        var title = "举办福州市首届质量知识竞赛（" + DeployServer.Marker() + "）";
        DeployServer.EditLine(clone, "input/2024/activities/fuzhou.yml", "    title: 举办福州市首届质量知识竞赛", "    title: " + title);
        var commit = DeployServer.Commit(clone, "Fuzhou: the contest's title");
        var published = Calendars.Parse(Path.Combine(server.WebRoot, "calendar", "activities.ics")).ByUid[ContestUid];
        var before = server.LiveRelease;

        Command push;
        using (server.HoldLock())
        {
            push = server.StartPushOverSsh(server.Administrator, clone, Branch);
            await push.WaitForOutputAsync("waiting for it to finish", TimeSpan.FromMinutes(2));
            await Task.Delay(500);
            Assert.False(push.HasExited);
            Assert.Equal(before, server.LiveRelease);
        }
        using (push)
        {
            var result = push.Wait(DeployServer.PushTimeout);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("另一次发布正在进行", result.Output);
        }

        var live = server.LiveRelease;
        Assert.Equal(commit, server.ReleaseInfo(live)["commit"]);
        Assert.Equal(server.Administrator.Name, server.ReleaseInfo(live)["pushed-by"]);
        // Published while the lock its build took was still held: no other push could come in between.
        Assert.Contains($"publish {commit[..9]} by {server.Administrator.Name}: live as {live} (under the lock of its push)",
            File.ReadAllText(Path.Combine(server.Root, "logs", "deploy.log")));
        // Built with the live release as its previous output: the changed event's SEQUENCE rises.
        var changed = Calendars.Parse(Path.Combine(server.WebRoot, "calendar", "activities.ics")).ByUid[ContestUid];
        Assert.Equal(title, changed.Summary);
        Assert.Equal(published.Sequence + 1, changed.Sequence);
    }

    [Fact]
    public void A_push_with_a_content_error_is_refused_with_the_builds_message_and_the_site_stays_byte_identical()
    {
        var clone = server.Clone("broken");
        DeployServer.EditLine(clone, "input/2024/activities/fuzhou.yml", "city: ", "city: atlantis");
        var commit = DeployServer.Commit(clone, "Fuzhou's activities under a city that does not exist");
        var site = server.Snapshot();
        var (head, releases) = (server.Head, server.Releases);

        var push = server.Push(clone);

        Assert.NotEqual(0, push.ExitCode);
        Assert.Matches(@"remote: input/2024/activities/fuzhou\.yml:1: error: [^\n]*atlantis", push.Output);
        Assert.Contains("remote: PUSH REFUSED: nothing of this push was published.", push.Output);
        Assert.Contains("remote: 推送被拒绝", push.Output);
        Assert.Contains("[remote rejected] main -> main (pre-receive hook declined)", push.Output);
        Assert.Equal(site, server.Snapshot());
        Assert.Equal(head, server.Head);
        Assert.NotEqual(commit, server.Head);
        Assert.Equal(releases, server.Releases);
        Assert.Empty(Directory.GetFileSystemEntries(server.Builds));
        server.AssertLockIsReleased();
    }

    [Fact]
    public void Two_pushes_at_once_publish_one_refuse_the_other_until_it_pulls_and_the_web_root_follows_the_accepted_commits_in_order()
    {
        var clones = new[] { server.Clone("first"), server.Clone("second") };
        var themes = new[] { "并发推送甲" + DeployServer.Marker(), "Concurrent push B " + DeployServer.Marker() };
        DeployServer.EditLine(clones[0], "input/2025/year.yml", "theme: ", "theme: " + themes[0]);
        DeployServer.EditLine(clones[1], "input/2025/year.yml", "national_theme_en: ", "national_theme_en: " + themes[1]);
        var commits = new[] { DeployServer.Commit(clones[0], "Theme A"), DeployServer.Commit(clones[1], "National theme B") };

        using var pushFirst = DeployServer.StartPush(clones[0]);
        using var pushSecond = DeployServer.StartPush(clones[1]);
        var results = new[] { pushFirst.Wait(DeployServer.PushTimeout), pushSecond.Wait(DeployServer.PushTimeout) };

        var accepted = Assert.Single(Enumerable.Range(0, 2), i => results[i].ExitCode == 0);
        var refused = 1 - accepted;
        // Refused by the hook after waiting for the first push, or by git itself (the branch moved on).
        var refusal = results[refused].Output;
        Assert.True(refusal.Contains("Someone else published while your push waited: first run 'git pull --rebase'", StringComparison.Ordinal)
            || refusal.Contains("[rejected]", StringComparison.Ordinal), refusal);
        Assert.Contains("error: failed to push some refs", refusal);
        Assert.Equal(commits[accepted], server.Head);
        var firstRelease = server.LiveRelease;
        Assert.Equal(commits[accepted], server.ReleaseInfo(firstRelease)["commit"]);
        DeployServer.AssertCompleteSite(server.WebRoot);
        Assert.Contains(themes[accepted], HomePages());
        Assert.DoesNotContain(themes[refused], HomePages());
        Assert.Empty(Directory.GetFileSystemEntries(server.Builds));
        server.AssertLockIsReleased();

        // What the refused pusher is told to do: pull (their commit goes on top), push again.
        DeployServer.Git(clones[refused], "-c", "user.name=测试员", "-c", "user.email=staff@example.gov.cn", "pull", "--rebase", "--quiet");
        var again = server.Push(clones[refused]);
        Assert.True(again.ExitCode == 0, again.Output);
        var secondRelease = server.LiveRelease;
        Assert.True(string.CompareOrdinal(firstRelease, secondRelease) < 0, $"{secondRelease} went live after {firstRelease}");
        Assert.Equal(DeployServer.Git(clones[refused], "rev-parse", "HEAD").Trim(), server.ReleaseInfo(secondRelease)["commit"]);
        Assert.Contains(themes[0], HomePages());
        Assert.Contains(themes[1], HomePages());
    }

    private string HomePages() =>
        File.ReadAllText(Path.Combine(server.WebRoot, "index.html")) + File.ReadAllText(Path.Combine(server.WebRoot, "en", "index.html"));

    [Fact]
    public void The_published_branch_can_be_neither_deleted_nor_rewritten()
    {
        var clone = server.Clone("branches");
        var site = server.Snapshot();
        var head = server.Head;

        var delete = Command.Run("git", clone, "push", "origin", ":main");
        Assert.NotEqual(0, delete.ExitCode);
        Assert.Contains("The branch 'main' is the published site and cannot be deleted.", delete.Output);

        // The published commit, amended: a branch that no longer contains what was published.
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme_en: ", "theme_en: Rewritten history");
        DeployServer.Git(clone, "-c", "user.name=测试员", "-c", "user.email=staff@example.gov.cn", "commit", "--quiet", "--all", "--amend", "-m", "Rewritten");
        var force = Command.Run("git", clone, "push", "--force", "origin", "HEAD:main");
        Assert.NotEqual(0, force.ExitCode);
        Assert.Contains("This push would rewrite the published history of 'main'", force.Output);

        Assert.Equal(head, server.Head);
        Assert.Equal(site, server.Snapshot());
    }
}
