using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using QualityMonth.Tests.Deploy;

namespace QualityMonth.Tests.Guide;

/// <summary>The two staff guides give the same commands: the English one is a translation, not another procedure.</summary>
public sealed class StaffGuideCommandTests
{
    [Fact]
    public void The_english_guide_gives_the_commands_of_the_chinese_guide_in_the_same_order()
    {
        var chinese = StaffGuide.Read(StaffGuide.ChineseFile);
        var english = StaffGuide.Read(StaffGuide.EnglishFile);

        Assert.True(chinese.Commands.Count > 15, $"only {chinese.Commands.Count} commands found in {chinese.File}");
        Assert.Equal(chinese.Commands.Select(StaffGuide.Shape), english.Commands.Select(StaffGuide.Shape));
    }
}

/// <summary>
/// Does what the Chinese staff guide says, command by command, as a member of staff on a new computer would:
/// makes an SSH key, clones from a server made by deploy/install.sh over "ssh" (the server's forced command,
/// push-as, with the guide's address), builds, previews, scaffolds, checks, publishes, has a push refused and
/// fixes it. Every command the guide gives must be run here: a new command in the guide fails this test until
/// it is exercised.
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Category", "Deploy")]
[SupportedOSPlatform("linux")]
public sealed partial class StaffGuideWalkthroughTests(DeployServer server) : IDisposable
{
    private const string GuideAddress = "/srv/zly/site.git";
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(10);

    private readonly StaffGuide _guide = StaffGuide.Read(StaffGuide.ChineseFile);
    private readonly HashSet<string> _ran = [];
    private const string Branch = "zhang-san/fuzhou-2025";

    private readonly string _home = Path.Combine(server.Folder, "home-" + Guid.NewGuid().ToString("N")[..6]);
    private readonly string _reviewerHome = Path.Combine(server.Folder, "reviewer-home-" + Guid.NewGuid().ToString("N")[..6]);

    [Fact]
    public async Task Every_command_of_the_staff_guide_does_what_the_guide_says()
    {
        Directory.CreateDirectory(_home);
        var site = Path.Combine(_home, "site");

        // 十四、第一次: a key (registered by the administrator as an editor's), who you are, the clone.
        MakeKey();
        Succeeds(server.Run("people", "add", "guide-zhang-san", "editor", "张三", Path.Combine(_home, ".ssh", "id_ed25519.pub")));
        // A reviewer, set up the same way (their key made by the test).
        Directory.CreateDirectory(Path.Combine(_reviewerHome, ".ssh"));
        SshServer.Keygen(Path.Combine(_reviewerHome, ".ssh", "id_ed25519"));
        Succeeds(server.Run("people", "add", "guide-li-si", "reviewer", "李四", Path.Combine(_reviewerHome, ".ssh", "id_ed25519.pub")));
        Own("git config --global user.name 李四 && git config --global user.email lisi@example.gov.cn", _reviewerHome, _reviewerHome);
        Succeeds(Guide("git config --global user.name \"张三\"", _home));
        Succeeds(Guide("git config --global user.email \"zhangsan@example.gov.cn\"", _home));
        Succeeds(Guide("git clone git@server.example.gov.cn:/srv/zly/site.git", _home));
        Guide("cd site", _home);
        Assert.True(File.Exists(Path.Combine(site, "statiq.json")), "the clone is not a site folder");

        // 一、第一次使用
        var build = Guide("./build.sh", site);
        Succeeds(build);
        Assert.Contains("质量月", File.ReadAllText(Path.Combine(site, "output", "index.html")));

        // 二、预览: serves, rebuilds on a save, shows errors in the browser, recovers.
        await PreviewAsync(site);

        // 四 to 八: scaffolds, then check with the placeholders still unfilled, in English and in Chinese.
        var newYear = Guide("./build.sh new year 2026", site);
        Succeeds(newYear);
        Assert.Contains("input/2026/year.yml", newYear.Output);
        Assert.Contains("待填写 / to fill in", newYear.Output);
        foreach (var file in new[] { "year.yml", "notices/provincial.md", "slogans.yml" })
            Assert.True(File.Exists(Path.Combine(site, "input", "2026", file)), $"new year 2026 did not create {file}");
        Succeeds(Guide("./build.sh new notice 2026 work-plan", site));
        Assert.True(File.Exists(Path.Combine(site, "input", "2026", "notices", "work-plan.md")));
        Succeeds(Guide("./build.sh new activities 2026 --city fuzhou", site));
        var activities = Path.Combine(site, "input", "2026", "activities", "fuzhou.yml");
        Assert.True(File.Exists(activities));
        Succeeds(Guide("./build.sh new activity 2026 fuzhou launch-ceremony --photos", site));
        var scaffolded = File.ReadAllText(activities);
        Assert.Contains("id: launch-ceremony", scaffolded);
        Assert.Contains("photos:", scaffolded);
        // The guide: an activity of the same id is refused and the file left as it was.
        var again = Guide("./build.sh new activity 2026 fuzhou launch-ceremony", site);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("未执行", again.Output);
        Assert.Equal(scaffolded, File.ReadAllText(activities));

        var unfilled = Guide("./build.sh check", site);
        Assert.Equal(1, unfilled.ExitCode);
        Assert.Matches(@"input/2026/year\.yml:\d+: error: 'theme' still holds the placeholder 【待填写】", unfilled.Output);
        var inChinese = Guide("./build.sh check --lang zh", site);
        Assert.Equal(1, inChinese.ExitCode);
        Assert.Contains("“theme”还留着“new”命令放入的占位符 【待填写】", inChinese.Output);
        Own("git checkout -- . && git clean -fdq input", site);
        Succeeds(Guide("./build.sh check --lang zh", site));

        // 十四、编辑: a branch of one's own, from what is published.
        var marker = Guid.NewGuid().ToString("N")[..8];
        Succeeds(Guide("git switch main", site));
        Succeeds(Guide("git pull", site));
        Succeeds(Guide("git switch -c zhang-san/fuzhou-2025", site));
        DeployServer.EditLine(site, "input/2025/year.yml", "theme: ", $"theme: 编辑指南演练{marker}");
        Succeeds(Guide("git add -A", site));
        Succeeds(Guide("git commit -m \"福州市2025年活动\"", site));
        var live = server.Snapshot();

        // 预览: its address printed, the site there; the live site unchanged.
        var pushed = Guide("git push -u origin zhang-san/fuzhou-2025", site);
        Succeeds(pushed);
        Assert.Contains($"remote: 预览地址：{DeployServer.PreviewUrl}/{Branch}/", pushed.Output);
        var preview = server.Preview(Branch);
        Assert.Contains($"编辑指南演练{marker}", File.ReadAllText(Path.Combine(preview, "index.html")));
        Assert.Equal(live, server.Snapshot());

        // 推送被拒绝: the preview and the site stay as they were; the fix the guide gives updates the preview.
        DeployServer.EditLine(site, "input/2024/activities/fuzhou.yml", "city: ", "city: fuzou");
        Own("git add -A && git commit -qm 'a typo in the city'", site);
        var previewed = new FileInfo(preview).LinkTarget;
        var refused = Guide("git push", site);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("remote: 推送被拒绝：本次推送的内容没有发布到网站。", refused.Output);
        Assert.Matches(@"remote: input/2024/activities/fuzhou\.yml:1: error: .*'fuzou'.* \[unknown-city\]", refused.Output);
        Assert.Contains($"! [remote rejected] {Branch} -> {Branch} (pre-receive hook declined)", refused.Output);
        Assert.Equal(previewed, new FileInfo(preview).LinkTarget);
        Assert.Equal(live, server.Snapshot());

        DeployServer.EditLine(site, "input/2024/activities/fuzhou.yml", "city: ", "city: fuzhou");
        Succeeds(Guide("git add -A", site));
        Succeeds(Guide("git commit -m \"改正城市名\"", site));
        var fixedPush = Guide("git push", site);
        Succeeds(fixedPush);
        Assert.Contains("remote: 预览地址：", fixedPush.Output);
        Assert.NotEqual(previewed, new FileInfo(preview).LinkTarget);

        // Meanwhile an administrator publishes something else (the test's own push, on the server).
        var meanwhile = server.Clone("meanwhile");
        DeployServer.EditLine(meanwhile, "input/2025/year.yml", "national_theme_en: ", $"national_theme_en: Meanwhile {marker}");
        DeployServer.Commit(meanwhile, "Published meanwhile");
        Succeeds(server.Push(meanwhile));

        // 审核, by a reviewer with a clone of their own.
        var reviewerSite = Path.Combine(_reviewerHome, "site");
        Succeeds(Guide("git clone git@server.example.gov.cn:/srv/zly/site.git", _reviewerHome, _reviewerHome));
        Succeeds(Guide("git fetch", reviewerSite, _reviewerHome));
        var changedFiles = Guide("git log --stat origin/main..origin/zhang-san/fuzhou-2025", reviewerSite, _reviewerHome);
        Succeeds(changedFiles);
        Assert.Contains("input/2025/year.yml", changedFiles.Output);
        var changes = Guide("git diff origin/main origin/zhang-san/fuzhou-2025", reviewerSite, _reviewerHome);
        Succeeds(changes);
        Assert.Contains($"+theme: 编辑指南演练{marker}", changes.Output);

        // 发布: refused by git while the branch lacks what was published meanwhile; the editor takes it in, the
        // preview follows, and the reviewer publishes.
        var behind = Guide("git push origin origin/zhang-san/fuzhou-2025:main", reviewerSite, _reviewerHome);
        Assert.NotEqual(0, behind.ExitCode);
        Assert.Contains("(non-fast-forward)", behind.Output);
        Succeeds(Guide("git pull --no-rebase --no-edit origin main", site));
        Succeeds(Guide("git push", site));
        Succeeds(Guide("git fetch", reviewerSite, _reviewerHome));
        var published = Guide("git push origin origin/zhang-san/fuzhou-2025:main", reviewerSite, _reviewerHome);
        Succeeds(published);
        Assert.Contains("remote: 已发布，网站已更新。", published.Output);
        Assert.Contains("remote: Reviewed and published by 李四 (guide-li-si); changes by 张三 (guide-zhang-san).", published.Output);
        var home = File.ReadAllText(Path.Combine(server.WebRoot, "index.html"));
        Assert.Contains($"编辑指南演练{marker}", home);
        Assert.Contains($"Meanwhile {marker}", File.ReadAllText(Path.Combine(server.WebRoot, "en", "index.html")));
        DeployServer.AssertCompleteSite(server.WebRoot);

        Succeeds(Guide("git push origin --delete zhang-san/fuzhou-2025", site));
        Assert.False(Path.Exists(preview), "the deleted branch's preview is still there");

        Assert.Empty(_guide.Commands.Except(_ran));
    }

    /// <summary>
    /// ssh-keygen offers the account's own home (from the password database, not $HOME), so where staff press
    /// Enter at its first question the test types the fresh home's ~/.ssh/id_ed25519; the two passphrase
    /// questions get the empty answer Enter gives, from an askpass program.
    /// </summary>
    private void MakeKey()
    {
        Directory.CreateDirectory(Path.Combine(_home, ".ssh"));
        var key = Path.Combine(_home, ".ssh", "id_ed25519");
        var askpass = Path.Combine(_home, "empty-passphrase");
        File.WriteAllText(askpass, "#!/bin/sh\necho\n");
        File.SetUnixFileMode(askpass, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var keygen = Start(Guided("ssh-keygen -t ed25519"), _home,
            new Dictionary<string, string> { ["SSH_ASKPASS"] = askpass, ["SSH_ASKPASS_REQUIRE"] = "force" });
        keygen.WriteInput(key + "\n");
        keygen.CloseInput();
        Succeeds(keygen.Wait(Slow));
        Assert.True(File.Exists(key + ".pub"), "the guide tells staff to send ~/.ssh/id_ed25519.pub");
    }

    private async Task PreviewAsync(string site)
    {
        const string home = "http://127.0.0.1:5080/";
        var yearFile = Path.Combine(site, "input", "2025", "year.yml");
        var original = File.ReadAllText(yearFile);
        using var preview = Start(Guided("./build.sh preview"), site);
        await preview.WaitForOutputAsync($"Preview on {home}", Slow);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        Assert.Contains("质量月", await http.GetStringAsync(home));

        var marker = Guid.NewGuid().ToString("N")[..8];
        DeployServer.EditLine(site, "input/2025/year.yml", "theme: ", $"theme: 预览演练{marker}");
        await WaitForPageAsync(preview, http, home, page => page.Contains($"预览演练{marker}"), "the saved theme");

        File.WriteAllText(yearFile, original.Replace("theme: ", "theme: [unclosed "));
        await WaitForPageAsync(preview, http, home, page => Regex.IsMatch(page, @"input/2025/year\.yml:\d+"), "the error list naming input/2025/year.yml");

        File.WriteAllText(yearFile, original);
        await WaitForPageAsync(preview, http, home, page => page.Contains("质量月") && !page.Contains(marker) && !page.Contains("year.yml:"), "the site again");
    }

    /// <summary>Runs a command as the guide writes it (as the editor, or as whoever <paramref name="home"/> is); the test fails if the guide does not give it.</summary>
    private CommandResult Guide(string command, string folder, string? home = null)
    {
        using var running = Start(Guided(command), folder, home: home);
        return running.Wait(Slow);
    }

    private string Guided(string command)
    {
        Assert.True(_guide.Commands.Contains(command), $"{_guide.File} does not give the command: {command}");
        _ran.Add(command);
        return command;
    }

    /// <summary>A step of the test's own, not the guide's (undoing the scaffolds, making a mistake on purpose).</summary>
    private void Own(string command, string folder, string? home = null) => Succeeds(Start(command, folder, home: home).Wait(Slow));

    /// <summary>
    /// Runs in bash in a fresh home (no git identity at first), with an "ssh" that reaches the test's real sshd with
    /// the home's own key (~/.ssh/id_ed25519), the guide's address mapped to the test server's repository.
    /// </summary>
    private Command Start(string command, string folder, IReadOnlyDictionary<string, string>? more = null, string? home = null)
    {
        home ??= _home;
        var realHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var ssh = Path.Combine(home, "ssh-to-server");
        if (!File.Exists(ssh))
        {
            File.WriteAllText(ssh, $"""
                #!/bin/sh
                # <host> <command>, as git runs a 'simple' ssh: the guide's server is the test's sshd.
                exec {SshServer.SshCommand(Path.Combine(home, ".ssh", "id_ed25519"))} -p {server.SshPort} {Environment.UserName}@127.0.0.1 "$(printf '%s' "$2" | sed 's|{GuideAddress}|{server.Repository}|')"

                """);
            File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["GIT_SSH_COMMAND"] = ssh,
            ["GIT_SSH_VARIANT"] = "simple",
            // The machine's package caches, so that a fresh home does not download NuGet and npm packages again.
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(realHome, ".nuget", "packages"),
            ["DOTNET_CLI_HOME"] = realHome,
            ["npm_config_cache"] = Path.Combine(realHome, ".npm"),
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
            environment[name] = value;
        return Command.Start("bash", folder, environment, "-c", command);
    }

    private static void Succeeds(CommandResult result) => Assert.True(result.ExitCode == 0, result.Output);

    /// <summary>What the browser shows after a save: the page as served (any status), polled until it is what is expected.</summary>
    private static async Task WaitForPageAsync(Command preview, HttpClient http, string url, Func<string, bool> expected, string what)
    {
        var deadline = DateTime.UtcNow + Slow;
        var page = "";
        // The error page comes with status 500: its text is what the browser shows.
        while (!expected(page = await (await http.GetAsync(url)).Content.ReadAsStringAsync()))
        {
            if (preview.HasExited) throw new InvalidOperationException($"the preview ended:\n{preview.Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the preview did not serve {what}:\n{preview.Output}\n{page}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        foreach (var home in new[] { _home, _reviewerHome })
            try { Directory.Delete(home, recursive: true); } catch (IOException) { }
    }
}
