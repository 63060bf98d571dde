using System.Text.RegularExpressions;
using QualityMonth.Config;
using QualityMonth.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QualityMonth.Tests.Publishing;

/// <summary>
/// The hosted CI configurations (docs/ci.md), checked by rules of the CI services that we did not write
/// — actionlint and SchemaStore's workflow schema for GitHub, GitLab's own CI schema for GitLab — and
/// read with YamlDotNet for what they must do: on a pull request, test, check and keep the built site;
/// on main, build for Pages and publish.
/// </summary>
public sealed class CiConfigTests
{
    private static readonly CiFile GitHub = CiFile.Load(CiFile.GitHubWorkflow);
    private static readonly CiFile GitLab = CiFile.Load(CiFile.GitLab);

    [Fact]
    public void The_GitHub_workflow_passes_actionlint()
    {
        AssertAccepted("actionlint", GitHub);
        var rejected = CheckBroken("actionlint", GitHub, "runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04");
        Assert.Contains("unexpected key \"runs_on\"", rejected);
    }

    [Fact]
    public void The_GitHub_workflow_validates_against_SchemaStores_workflow_schema()
    {
        AssertAccepted("github-schema", GitHub);
        var rejected = CheckBroken("github-schema", GitHub, "cancel-in-progress: false", "cancel-in-progress: maybe");
        Assert.Contains("/jobs/deploy", rejected);
    }

    [Fact]
    public void The_GitLab_file_validates_against_GitLabs_CI_schema()
    {
        AssertAccepted("gitlab-schema", GitLab);
        var rejected = CheckBroken("gitlab-schema", GitLab, "interruptible: true", "interruptible: sometimes");
        Assert.Contains("/verify/interruptible must be boolean", rejected);
    }

    [Fact]
    public void A_GitHub_pull_request_runs_the_READMEs_test_command_then_check_and_build_and_uploads_the_site()
    {
        var on = GitHub.Root.Get("on");
        Assert.Contains("main", on.At("pull_request", "branches").Texts());
        var verify = GitHub.Root.At("jobs", "verify");
        Assert.Equal("github.event_name == 'pull_request'", verify.Get("if").Text());

        var runs = Runs(verify);
        AssertInOrder(runs, ReadmeTestCommand(), "./build.sh check", "./build.sh build");
        var upload = Assert.Single(Uses(verify, "actions/upload-artifact@"));
        Assert.Equal("output/", upload.At("with", "path").Text());
        Assert.Equal("error", upload.At("with", "if-no-files-found").Text());
    }

    [Fact]
    public void A_push_to_main_builds_for_Pages_with_its_address_and_deploys_with_the_official_actions()
    {
        Assert.Contains("main", GitHub.Root.At("on", "push", "branches").Texts());
        Assert.Equal(["contents"], GitHub.Root.Get("permissions").Keys());
        Assert.Equal("read", GitHub.Root.At("permissions", "contents").Text());

        var build = GitHub.Root.At("jobs", "build");
        Assert.Contains("github.ref == 'refs/heads/main'", build.Get("if").Text());
        Assert.Contains("github.event_name != 'pull_request'", build.Get("if").Text());
        Assert.Equal("read", build.At("permissions", "pages").Text());
        var pages = Assert.Single(Uses(build, "actions/configure-pages@"));
        var id = pages.Get("id").Text();

        // The check, the live calendars fetched into published/ (read with --previous), the build for the Pages address.
        var steps = build.Get("steps").Items();
        int IndexOf(string command) => steps.ToList().FindIndex(s => s.Get("run").Text()?.Contains(command, StringComparison.Ordinal) == true);
        Assert.True(IndexOf("./build.sh check") > steps.ToList().IndexOf(pages));
        var fetch = steps[IndexOf("scripts/fetch-published-calendars.mjs")];
        Assert.EndsWith("\"$SITE_URL\" published", fetch.Get("run").Text());
        Assert.Equal($"${{{{ steps.{id}.outputs.base_url }}}}", fetch.At("env", "SITE_URL").Text());
        var buildStep = steps[IndexOf("./build.sh build")];
        Assert.Equal("./build.sh build --previous published --base-url \"$ORIGIN\" --base-path \"$BASE_PATH\"", buildStep.Get("run").Text());
        Assert.Equal($"${{{{ steps.{id}.outputs.origin }}}}", buildStep.At("env", "ORIGIN").Text());
        Assert.Equal($"${{{{ steps.{id}.outputs.base_path }}}}", buildStep.At("env", "BASE_PATH").Text());
        Assert.True(IndexOf("./build.sh check") < steps.ToList().IndexOf(fetch) && steps.ToList().IndexOf(fetch) < steps.ToList().IndexOf(buildStep));
        Assert.Equal("output/", Assert.Single(Uses(build, "actions/upload-pages-artifact@")).At("with", "path").Text());

        var deploy = GitHub.Root.At("jobs", "deploy");
        Assert.Equal(["build"], deploy.Get("needs").Texts());
        Assert.Equal(["pages", "id-token"], deploy.Get("permissions").Keys());
        Assert.All(["pages", "id-token"], scope => Assert.Equal("write", deploy.At("permissions", scope).Text()));
        Assert.Equal("github-pages", deploy.At("environment", "name").Text());
        Assert.Equal("false", deploy.At("concurrency", "cancel-in-progress").Text());
        Assert.Single(Uses(deploy, "actions/deploy-pages@"));
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("build")]
    public void Each_GitHub_build_job_caches_the_photo_cache_NuGet_and_npm_in_a_Debian_12_container(string job)
    {
        var steps = GitHub.Root.At("jobs", job);
        // scripts/setup.sh installs Debian 12's package names (chromium, a real package there; a snap on Ubuntu).
        Assert.Contains("bookworm", steps.At("container", "image").Text());
        var caches = Uses(steps, "actions/cache@").ToDictionary(c => c.At("with", "path").Text() ?? "");
        Assert.Equal([".cache", "~/.npm", "~/.nuget/packages"], caches.Keys.Order(StringComparer.Ordinal));
        foreach (var cache in caches.Values)
        {
            Assert.Matches(@"^[a-z]+-\$\{\{ hashFiles\(.+\) \}\}$", cache.At("with", "key").Text());
            Assert.NotEmpty(cache.At("with", "restore-keys").Text() ?? "");
        }
        Assert.Contains("hashFiles('input/**', 'statiq.json')", caches[".cache"].At("with", "key").Text());
    }

    [Fact]
    public void A_GitLab_merge_request_runs_the_READMEs_test_command_then_check_and_build_and_keeps_the_site()
    {
        Assert.Contains(GitLab.Root.At("workflow", "rules").Items(), r => r.Get("if").Text() == "$CI_PIPELINE_SOURCE == \"merge_request_event\"");
        var verify = GitLab.Root.Get("verify");
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", Assert.Single(verify.Get("rules").Items()).Get("if").Text());
        AssertInOrder(verify.Get("script").Texts(), ReadmeTestCommand(), "./build.sh check", "./build.sh build");
        Assert.Equal(["output/"], verify.At("artifacts", "paths").Texts());
    }

    [Fact]
    public void A_GitLab_push_to_the_default_branch_publishes_public_with_the_pages_job()
    {
        Assert.Contains(GitLab.Root.At("workflow", "rules").Items(), r => r.Get("if").Text() == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
        var pages = GitLab.Root.Get("pages");
        Assert.Equal("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", Assert.Single(pages.Get("rules").Items()).Get("if").Text());
        Assert.Equal(["public/"], pages.At("artifacts", "paths").Texts());
        Assert.Equal("pages", pages.At("environment", "name").Text());
        Assert.NotNull(pages.Get("resource_group").Text());
        AssertInOrder(pages.Get("script").Texts(), "./build.sh check", "node scripts/fetch-published-calendars.mjs \"$CI_PAGES_URL\" published",
            "./build.sh build --output public --previous published --base-url \"$origin\" --base-path \"$base_path\"");
    }

    [Theory]
    [InlineData("https://fujian.gitlab.io/quality-month", "https://fujian.gitlab.io", "/quality-month/")]
    [InlineData("https://fujian.gitlab.io/Group/Quality-Month", "https://fujian.gitlab.io", "/Group/Quality-Month/")]
    [InlineData("https://quality-month-3f2a9c.gitlab.io", "https://quality-month-3f2a9c.gitlab.io", "/")]
    [InlineData("https://zly.example.gov.cn/", "https://zly.example.gov.cn", "/")]
    public void The_GitLab_pages_job_splits_the_Pages_address_into_options_the_build_accepts(string pagesUrl, string origin, string basePath)
    {
        // The pages job's own lines that compute the options, run by a POSIX shell as the job would run them.
        var lines = GitLab.Root.At("pages", "script").Texts().Where(l => l.StartsWith("origin=", StringComparison.Ordinal) || l.StartsWith("base_path=", StringComparison.Ordinal));
        string[] script = ["CI_PAGES_URL=$1", .. lines, "printf '%s\\n%s\\n' \"$origin\" \"$base_path\""];
        var result = ExternalTool.Run("sh", "-euc", string.Join('\n', script), "pages", pagesUrl);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal($"{origin}\n{basePath}\n", result.Stdout);
        Assert.Null(SettingsLoader.BaseUrlProblem(origin));
        Assert.Null(SettingsLoader.BasePathProblem(basePath));
    }

    [Fact]
    public void Both_GitLab_jobs_run_in_Debian_12_and_cache_the_photo_cache_NuGet_and_npm_inside_the_project()
    {
        var template = GitLab.Root.Get(".debian");
        Assert.Contains("bookworm", template.Get("image").Text());
        Assert.All(["verify", "pages"], job => Assert.Equal(".debian", GitLab.Root.At(job, "extends").Text()));
        var paths = template.Get("cache").Items().SelectMany(c => c.Get("paths").Texts()).Order(StringComparer.Ordinal);
        Assert.Equal([".cache/", ".npm/", ".nuget/packages/"], paths);
        Assert.Equal("$CI_PROJECT_DIR/.nuget/packages", GitLab.Root.At("variables", "NUGET_PACKAGES").Text());
        Assert.Equal("$CI_PROJECT_DIR/.npm", GitLab.Root.At("variables", "npm_config_cache").Text());
    }

    [Fact]
    public void The_CODEOWNERS_example_names_owners_for_paths_that_exist()
    {
        var rules = File.ReadAllLines(Path.Combine(Repo.Root, ".github", "CODEOWNERS"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(rules, r => r[0] == "*");
        Assert.Contains(rules, r => r[0] == "/input/");
        foreach (var rule in rules)
        {
            Assert.True(rule.Length > 1 && rule.Skip(1).All(owner => Regex.IsMatch(owner, @"^@[\w-]+(/[\w-]+)?$")), "a rule without a valid owner: " + string.Join(' ', rule));
            if (rule[0].StartsWith('/'))
                Assert.True(Path.Exists(Path.Combine(Repo.Root, rule[0].Trim('/'))), $"CODEOWNERS names {rule[0]}, which the repository does not have");
        }
    }

    /// <summary>The test command of the README's block of commands (what staff and CI are told to run).</summary>
    private static string ReadmeTestCommand()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var block = Regex.Match(readme, @"## The two commands\s+```sh\n(.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no block of commands under '## The two commands'");
        var commands = block.Groups[1].Value.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);
        return Assert.Single(commands, c => c.Contains("test", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Runs(YamlNode? job) =>
        job.Get("steps").Items().Select(s => s.Get("run").Text()).OfType<string>().ToList();

    private static IEnumerable<YamlNode> Uses(YamlNode? job, string action) =>
        job.Get("steps").Items().Where(s => s.Get("uses").Text()?.StartsWith(action, StringComparison.Ordinal) == true);

    /// <summary>Each command is one of <paramref name="lines"/>, in this order.</summary>
    private static void AssertInOrder(IReadOnlyList<string> lines, params string[] commands)
    {
        var positions = commands.Select(c => lines.ToList().IndexOf(c)).ToList();
        Assert.True(positions.All(p => p >= 0) && positions.SequenceEqual(positions.Order()),
            $"expected, in this order: {string.Join(" | ", commands)}\nfound: {string.Join(" | ", lines)}");
    }

    private static void AssertAccepted(string tool, CiFile file)
    {
        var result = ExternalTool.Node("Publishing/Tools/check-ci-config.mjs", tool, file.FullPath);
        Assert.True(result.ExitCode == 0, $"{tool} rejects {file.RelativePath}:\n{result.All}");
    }

    /// <summary>What the tool says about a copy of the file with one mistake made: it must reject it.</summary>
    private static string CheckBroken(string tool, CiFile file, string find, string replace)
    {
        var text = File.ReadAllText(file.FullPath);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file.RelativePath}");
        var broken = Path.Combine(Path.GetTempPath(), $"qm-broken-{Guid.NewGuid():N}{Path.GetExtension(file.RelativePath)}");
        File.WriteAllText(broken, text[..at] + replace + text[(at + find.Length)..]);
        try
        {
            var result = ExternalTool.Node("Publishing/Tools/check-ci-config.mjs", tool, broken);
            Assert.True(result.ExitCode == 1, $"{tool} accepts a broken {file.RelativePath}:\n{result.All}");
            return result.Stdout;
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
