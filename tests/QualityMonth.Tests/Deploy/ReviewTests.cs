using System.Net;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace QualityMonth.Tests.Deploy;

/// <summary>
/// Review before live, as staff do it over SSH with their own keys: an editor's branch becomes a preview served
/// by nginx behind a password or the office network; only a reviewer publishes, and not their own work; roles
/// and path rules refuse what a person may not change; nothing of a push ever runs; the audit log records it all.
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")]
public sealed class ReviewTests(DeployServer server)
{
    [Fact]
    public async Task An_editors_branch_is_previewed_a_reviewer_publishes_it_and_deleting_the_branch_removes_the_preview()
    {
        var marker = DeployServer.Marker();
        var branch = $"zhang-san/theme-{marker}";
        var editing = CloneOverSsh(server.Editor);
        var theme = "审核流程主题" + marker;
        DeployServer.EditLine(editing, "input/2025/year.yml", "theme: ", "theme: " + theme);
        var commit = DeployServer.Commit(editing, "A new theme, for review");
        var live = server.Snapshot();
        var audited = server.Audit().Count;

        // 编辑 → 预览
        var preview = server.PushOverSsh(server.Editor, editing, $"HEAD:{branch}");

        Assert.True(preview.ExitCode == 0, preview.Output);
        var address = $"{DeployServer.PreviewUrl}/{branch}/";
        Assert.Contains($"remote: Preview of '{branch}' ({commit[..9]}): {address}", preview.Output);
        Assert.Contains($"remote: 预览地址：{address}", preview.Output);
        Assert.Equal(live, server.Snapshot());
        var previewSite = server.Preview(branch);
        DeployServer.AssertCompleteSite(previewSite, $"/preview/{branch}/");
        Assert.Contains(theme, File.ReadAllText(Path.Combine(previewSite, "index.html")));
        Assert.Equal("User-agent: *\nDisallow: /\n", File.ReadAllText(Path.Combine(previewSite, "robots.txt")));
        await AssertServedByNginxAsync(branch, theme);

        // An editor cannot publish, and is told what to do instead.
        var direct = server.PushOverSsh(server.Editor, editing, "HEAD:main");
        Assert.NotEqual(0, direct.ExitCode);
        Assert.Contains("remote: Editors do not publish: push your work to a branch of your own, open its preview, and ask a reviewer to publish it:", direct.Output);
        Assert.Contains("remote: 编辑不能直接发布", direct.Output);
        Assert.Equal(live, server.Snapshot());

        // 审核 → 发布: the reviewer publishes the previewed commit from a clone of their own.
        var reviewing = CloneOverSsh(server.Reviewer);
        var published = server.PushOverSsh(server.Reviewer, reviewing, $"refs/remotes/origin/{branch}:refs/heads/main");

        Assert.True(published.ExitCode == 0, published.Output);
        Assert.Contains($"remote: Published {commit[..9]} as release", published.Output);
        Assert.Contains("remote: Reviewed and published by 李四 (li-si); changes by 张三 (zhang-san).", published.Output);
        Assert.Equal(commit, server.Head);
        Assert.Contains(theme, File.ReadAllText(Path.Combine(server.WebRoot, "index.html")));
        var release = server.LiveRelease;
        var info = server.ReleaseInfo(release);
        Assert.Equal("张三 (zhang-san)", info["authors"]);
        Assert.Equal("李四 (li-si)", info["reviewer"]);
        Assert.Equal($"{address} (branch {branch})", info["preview"]);
        var history = server.Run("history");
        Assert.True(history.ExitCode == 0, history.Output);
        Assert.Matches($@"release {release} \(live\)\n  published: +[0-9T:Z-]+\n  commit: +{commit}\n  subject: +A new theme, for review\n  authors: +张三 \(zhang-san\)\n  reviewer: +李四 \(li-si\)\n  preview: +{Regex.Escape(address)}", history.Output);

        // Four eyes: the reviewer's own change is not theirs to publish.
        Assert.Equal(0, Command.Start("git", reviewing, server.SshEnvironment(server.Reviewer), "pull", "--quiet", "--ff-only", "origin", "main").Wait(TimeSpan.FromMinutes(1)).ExitCode);
        DeployServer.EditLine(reviewing, "input/2025/year.yml", "theme_en: ", "theme_en: A reviewer's own " + marker);
        DeployServer.Commit(reviewing, "The reviewer's own change");
        var own = server.PushOverSsh(server.Reviewer, reviewing, "HEAD:main");
        Assert.NotEqual(0, own.ExitCode);
        Assert.Contains("remote: Four-eyes rule: every change you are publishing was made by you (李四 (li-si)).", own.Output);
        Assert.Contains("remote: 四眼原则", own.Output);
        Assert.Equal(commit, server.Head);

        // Deleting the branch removes its preview.
        var delete = server.PushOverSsh(server.Editor, editing, $":{branch}");
        Assert.True(delete.ExitCode == 0, delete.Output);
        Assert.False(Path.Exists(previewSite), $"{previewSite} is still there");
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.Combine(server.Root, "preview-sites")), site => File.ReadAllText(Path.Combine(site, "PREVIEW")).Contains(branch));

        // The audit log, read back: who did what, in order.
        var events = server.Audit().Skip(audited).Select(e => $"{e.GetProperty("event").GetString()} {e.GetProperty("actor").GetString()}");
        Assert.Equal(["pushed zhang-san", "preview zhang-san", "refused zhang-san", "pushed li-si", "published li-si", "refused li-si",
            "pushed zhang-san", "preview-removed zhang-san"], events);
        var table = server.Run("audit", "--event", "published");
        Assert.Matches($"published +li-si +commit={commit}", table.Output);
    }

    [Fact]
    public void A_push_changing_files_outside_the_pushers_rule_is_refused_naming_every_one_and_none_of_it_runs()
    {
        var clone = CloneOverSsh(server.Editor);
        var ran = Path.Combine(server.Folder, "ran-" + DeployServer.Marker());
        // A build file that would run a command at any dotnet build, and the generator's own code.
        File.WriteAllText(Path.Combine(clone, "Directory.Build.props"), File.ReadAllText(Path.Combine(clone, "Directory.Build.props"))
            .Replace("</Project>", $"  <Target Name=\"Marker\" BeforeTargets=\"Restore;Build\"><Exec Command=\"touch {ran}\" /></Target>\n</Project>"));
        File.AppendAllText(Path.Combine(clone, "src", "QualityMonth", "Program.cs"), "\n// changed\n");
        DeployServer.EditLine(clone, "statiq.json", "  // Site settings.", "  // Site settings, changed by an editor.");
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: 越权" + DeployServer.Marker());
        DeployServer.Commit(clone, "Content, settings, a build file and code");
        var site = server.Snapshot();
        var branch = "zhang-san/outside-" + DeployServer.Marker();

        var editor = server.PushOverSsh(server.Editor, clone, $"HEAD:{branch}");

        Assert.NotEqual(0, editor.ExitCode);
        Assert.Contains("remote: As editor, 张三 (zhang-san) may not change these files (rules.conf on the server):", editor.Output);
        Assert.Contains("remote: 您的角色（editor）不能修改以下文件：", editor.Output);
        var named = Regex.Matches(editor.Output, @"^remote:   (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(["Directory.Build.props", "src/QualityMonth/Program.cs", "statiq.json"], named.Order(StringComparer.Ordinal));
        Assert.False(Path.Exists(server.Preview(branch)));

        // A reviewer may change statiq.json, not the build file nor the code.
        var reviewer = server.PushOverSsh(server.Reviewer, clone, $"HEAD:{branch}");
        Assert.NotEqual(0, reviewer.ExitCode);
        named = Regex.Matches(reviewer.Output, @"^remote:   (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(["Directory.Build.props", "src/QualityMonth/Program.cs"], named.Order(StringComparer.Ordinal));

        // An administrator may push it: it is built — by the installed generator, in the sandbox — and its
        // build file's command never ran.
        var administrator = server.PushOverSsh(server.Administrator, clone, $"HEAD:{branch}");
        Assert.True(administrator.ExitCode == 0, administrator.Output);
        Assert.Contains($"remote: Preview of '{branch}'", administrator.Output);
        Assert.True(File.Exists(Path.Combine(server.Preview(branch), "index.html")));
        Assert.False(File.Exists(ran), "the pushed Directory.Build.props ran its <Exec>");
        Assert.Equal(site, server.Snapshot());
        Assert.True(server.PushOverSsh(server.Administrator, clone, $":{branch}").ExitCode == 0);
    }

    [Fact]
    public void People_are_added_listed_and_removed_and_a_removed_key_can_no_longer_reach_the_repository()
    {
        var list = server.Run("people", "list");
        Assert.Matches(@"zhang-san +editor +张三", list.Output);
        Assert.Matches(@"li-si +reviewer +李四", list.Output);
        Assert.Matches(@"zhao-liu +administrator +赵六", list.Output);

        var key = Path.Combine(server.Folder, "keys", "temp-" + DeployServer.Marker());
        SshServer.Keygen(key);
        var person = new Staff("qian-qi", "editor", "钱七", key);
        var added = server.Run("people", "add", person.Name, person.Role, person.Display, key + ".pub");
        Assert.True(added.ExitCode == 0, added.Output);
        Assert.Contains($"command=\"{server.Root}/bin/push-as qian-qi\",restrict ssh-ed25519 ", File.ReadAllText(server.AuthorizedKeys));
        var reach = Command.Start("git", server.Folder, server.SshEnvironment(person), "ls-remote", server.SshUrl, "main").Wait(TimeSpan.FromMinutes(1));
        Assert.True(reach.ExitCode == 0, reach.Output);
        Assert.Contains(server.Head, reach.Output);

        var bad = server.Run("people", "add", "Qian Qi", "editor", "钱七", key + ".pub");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("'Qian Qi' is not a name", bad.Output);
        Assert.Equal(1, server.Run("people", "add", "qian-ba", "boss", "钱八", key + ".pub").ExitCode);

        var removed = server.Run("people", "remove", "qian-qi");
        Assert.True(removed.ExitCode == 0, removed.Output);
        Assert.DoesNotContain("push-as qian-qi\"", File.ReadAllText(server.AuthorizedKeys));
        Assert.DoesNotContain("qian-qi", server.Run("people", "list").Output);
        var refused = Command.Start("git", server.Folder, server.SshEnvironment(person), "ls-remote", server.SshUrl, "main").Wait(TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Permission denied (publickey)", refused.Output);
        var audit = server.Audit();
        Assert.Contains(audit, e => e.GetProperty("event").GetString() == "person-added" && e.GetProperty("name").GetString() == "qian-qi" && e.GetProperty("role").GetString() == "editor");
        Assert.Contains(audit, e => e.GetProperty("event").GetString() == "person-removed" && e.GetProperty("name").GetString() == "qian-qi");
    }

    [Theory]
    [InlineData("--build-seconds", "3", "it took longer than the limit of 3 seconds (build_seconds)")]
    // Out of memory, the build fails where it needs it: a thread that cannot start, an allocation, the runtime itself.
    [InlineData("--build-memory-mb", "150", "the memory limit of 150 MB (build_memory_mb)")]
    [InlineData("--build-output-mb", "5", "its files grew past the limit of 5 MB (build_output_mb)")]
    public void A_build_that_exceeds_a_limit_is_refused_and_the_site_and_previews_stay_as_they_were(string option, string limit, string message)
    {
        var clone = CloneOverSsh(server.Editor);
        DeployServer.EditLine(clone, "input/2025/year.yml", "theme: ", "theme: 超限" + DeployServer.Marker());
        DeployServer.Commit(clone, "Built under a tight limit");
        var branch = "zhang-san/limit-" + DeployServer.Marker();
        var site = server.Snapshot();
        var previews = PreviewListing();
        var settings = File.ReadAllText(Path.Combine(server.Root, "deploy.conf"));
        var started = DateTime.UtcNow;
        CommandResult push;
        try
        {
            Assert.Equal(0, Command.Run("bash", server.Folder, DeployServer.InstallScript, server.Root, option, limit).ExitCode);
            push = server.PushOverSsh(server.Editor, clone, $"HEAD:{branch}");
        }
        finally
        {
            File.WriteAllText(Path.Combine(server.Root, "deploy.conf"), settings);
        }

        Assert.NotEqual(0, push.ExitCode);
        Assert.Matches($"remote: The build of {DeployServer.Git(clone, "rev-parse", "--short=9", "HEAD").Trim()} was stopped: [^\n]*{Regex.Escape(message)}", push.Output);
        Assert.Contains("remote: Nothing was published: the live site and the previews are as they were.", push.Output);
        Assert.Contains($"! [remote rejected] HEAD -> {branch} (pre-receive hook declined)", push.Output);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(3), "the limit did not stop the build early");
        Assert.Equal(site, server.Snapshot());
        Assert.Equal(previews, PreviewListing());
        Assert.Empty(Directory.GetFileSystemEntries(server.Builds));
        server.AssertLockIsReleased();
    }

    private string CloneOverSsh(Staff person)
    {
        var clone = Path.Combine(server.Folder, "clones", person.Name + "-" + Guid.NewGuid().ToString("N")[..6]);
        var result = Command.Start("git", server.Folder, server.SshEnvironment(person), "clone", "--quiet", server.SshUrl, clone).Wait(TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Output);
        return clone;
    }

    private SortedSet<string> PreviewListing() =>
        new(Directory.GetFileSystemEntries(Path.Combine(server.Root, "preview-sites"), "*", SearchOption.AllDirectories), StringComparer.Ordinal);

    /// <summary>The preview as the office sees it through nginx (deploy/nginx.conf.example): password or office network, never indexed.</summary>
    private async Task AssertServedByNginxAsync(string branch, string theme)
    {
        var htpasswd = Path.Combine(server.Folder, "preview.htpasswd");
        var hash = Command.Run("openssl", server.Folder, "passwd", "-apr1", "preview-password");
        Assert.True(hash.ExitCode == 0, hash.Output);
        File.WriteAllText(htpasswd, $"preview:{hash.Output.Trim()}\n");
        using var http = new HttpClient();
        var page = $"/preview/{branch}/";

        using (var elsewhere = new NginxServer(Path.Combine(server.Folder, "nginx-" + DeployServer.Marker()), server.Root, htpasswd, "10.0.0.0/8"))
        {
            var anonymous = await http.SendAsync(elsewhere.Get(page));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(elsewhere.Get(page, ("preview", "wrong")))).StatusCode);

            var shown = await http.SendAsync(elsewhere.Get(page, ("preview", "preview-password")));
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains(theme, await shown.Content.ReadAsStringAsync());
            Assert.Equal("noindex, nofollow", string.Join(",", shown.Headers.GetValues("X-Robots-Tag")));
            // Search and photos of the preview, at its own path.
            var search = await http.SendAsync(elsewhere.Get(page + "pagefind/pagefind-entry.json", ("preview", "preview-password")));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            var photo = Regex.Match(await File.ReadAllTextAsync(FirstPageWithPhoto(server.Preview(branch))), $"src=\"(/preview/{Regex.Escape(branch)}/photos/[^\"]+)\"").Groups[1].Value;
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(elsewhere.Get(photo, ("preview", "preview-password")))).StatusCode);

            // The live site next to it: public, indexable.
            var home = await http.SendAsync(elsewhere.Get("/"));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.False(home.Headers.Contains("X-Robots-Tag"));
        }

        using var office = new NginxServer(Path.Combine(server.Folder, "nginx-" + DeployServer.Marker()), server.Root, htpasswd, "127.0.0.1");
        var inOffice = await http.SendAsync(office.Get(page));
        Assert.Equal(HttpStatusCode.OK, inOffice.StatusCode);
        Assert.Contains("noindex", string.Join(",", inOffice.Headers.GetValues("X-Robots-Tag")));
    }

    private static string FirstPageWithPhoto(string site) =>
        Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).First(f => File.ReadAllText(f).Contains("/photos/", StringComparison.Ordinal));
}
