using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Deploy;

/// <summary>A person registered on the server with bin/people: their name, role, display name and private key.</summary>
public sealed record Staff(string Name, string Role, string Display, string Key);

/// <summary>
/// A deploy root made by the real deploy/install.sh in a temp folder, with this repository's files pushed
/// to it, its generator installed by the real bin/generator and published once; four people registered by
/// bin/people (an editor, two reviewers, an administrator) who push over a real sshd with their own keys.
/// The generator installed is the one the tests were built with (same source, so same key in generators/):
/// bin/generator finds it compiled, installs its npm packages and theme, test-builds and switches to it.
/// </summary>
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class DeployServer : IDisposable
{
    public const string Branch = "main";
    public const int Keep = 3;
    public const string PreviewUrl = "https://zly.example.gov.cn/preview";

    public static readonly TimeSpan PushTimeout = TimeSpan.FromMinutes(10);

    private readonly SshServer _ssh;

    public DeployServer()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qm-deploy-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        Install = Command.Run("bash", Folder, InstallScript, Root, "--keep", Keep.ToString(), "--preview-url", PreviewUrl,
            "--authorized-keys", AuthorizedKeys);
        if (Install.ExitCode != 0) throw new InvalidOperationException("deploy/install.sh failed:\n" + Install.Output);
        Editor = Register("zhang-san", "editor", "张三");
        Reviewer = Register("li-si", "reviewer", "李四");
        SecondReviewer = Register("wang-wu", "reviewer", "王五");
        Administrator = Register("zhao-liu", "administrator", "赵六");
        _ssh = new SshServer(Path.Combine(Folder, "sshd"), AuthorizedKeys);

        var seed = Path.Combine(Folder, "seed");
        CopyRepositoryFiles(seed);
        Git(seed, "init", "--quiet", "--initial-branch", Branch);
        Git(seed, "add", "--all");
        SeedCommit = Commit(seed, "The site as the tests were built");
        Git(seed, "remote", "add", "origin", Repository);
        var unbuilt = Push(seed);
        if (unbuilt.ExitCode != 0 || !unbuilt.Output.Contains("No generator is installed yet", StringComparison.Ordinal))
            throw new InvalidOperationException("the first push was not accepted unbuilt:\n" + unbuilt.Output);
        SeedGenerator(seed);
        GeneratorInstall = Command.Start(Path.Combine(Root, "bin", "generator"), Folder, null, Root, "install", Branch).Wait(PushTimeout);
        if (GeneratorInstall.ExitCode != 0) throw new InvalidOperationException("bin/generator install failed:\n" + GeneratorInstall.Output);
        Git(seed, "-c", "user.name=测试员", "-c", "user.email=staff@example.gov.cn", "commit", "--quiet", "--allow-empty", "-m", "First publish");
        FirstPush = Push(seed);
        if (FirstPush.ExitCode != 0) throw new InvalidOperationException("the first push was not published:\n" + FirstPush.Output);
    }

    public string Folder { get; }

    public string Root => Path.Combine(Folder, "root");

    public string Repository => Path.Combine(Root, "site.git");

    public string WebRoot => Path.Combine(Root, "current");

    public string Builds => Path.Combine(Root, "builds");

    public string AuthorizedKeys => Path.Combine(Folder, "authorized_keys");

    public Staff Editor { get; }

    public Staff Reviewer { get; }

    public Staff SecondReviewer { get; }

    public Staff Administrator { get; }

    public CommandResult GeneratorInstall { get; }

    /// <summary>The folder the preview of a branch is served from (a link into preview-sites/).</summary>
    public string Preview(string branch) => Path.Combine(Root, "previews", branch);

    /// <summary>Runs one of the installed commands (bin/people, bin/history, bin/audit, …) on this deploy root.</summary>
    public CommandResult Run(string command, params string[] args) =>
        Command.Start(Path.Combine(Root, "bin", command), Folder, null, [Root, .. args]).Wait(PushTimeout);

    /// <summary>The audit log, one JSON object a line, as bin/audit --json reads it back.</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> Audit()
    {
        var result = Run("audit", "--json");
        if (result.ExitCode != 0) throw new InvalidOperationException("bin/audit failed:\n" + result.Output);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    public static string InstallScript => Path.Combine(Repo.Root, "deploy", "install.sh");

    public string RollbackScript => Path.Combine(Root, "bin", "rollback.sh");

    public CommandResult Install { get; }

    public CommandResult FirstPush { get; }

    /// <summary>The first commit pushed: this repository's files as the tests were built from them.</summary>
    public string SeedCommit { get; }

    /// <summary>The commit the published branch is at in the server's repository.</summary>
    public string Head => Git(Repository, "rev-parse", $"refs/heads/{Branch}").Trim();

    /// <summary>The release the web root points into (releases/&lt;id&gt;/site).</summary>
    public string LiveRelease
    {
        get
        {
            var target = new FileInfo(WebRoot).LinkTarget ?? throw new InvalidOperationException($"{WebRoot} is not a symbolic link");
            return Path.GetFileName(Path.GetDirectoryName(target))!;
        }
    }

    public IReadOnlyList<string> Releases =>
        Directory.GetDirectories(Path.Combine(Root, "releases")).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToList()!;

    public string ReleaseSite(string release) => Path.Combine(Root, "releases", release, "site");

    /// <summary>The "field: value" lines of a release's RELEASE file.</summary>
    public IReadOnlyDictionary<string, string> ReleaseInfo(string release) =>
        File.ReadAllLines(Path.Combine(Root, "releases", release, "RELEASE"))
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);

    /// <summary>
    /// What a visitor gets: where the web root points and every file under it with its SHA-256. Two equal
    /// snapshots are byte-identical sites.
    /// </summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["(web root →)"] = new FileInfo(WebRoot).LinkTarget ?? "" };
        foreach (var file in Directory.GetFiles(WebRoot + "/", "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(WebRoot, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return files;
    }

    /// <summary>
    /// Checks that a published site is whole: every page its sitemap lists (read with an XML parser, not
    /// our writer) and every asset its home pages load is there.
    /// </summary>
    /// <param name="basePath">The path the site was built for ("/preview/&lt;branch&gt;/" for a preview).</param>
    public static void AssertCompleteSite(string site, string basePath = "/")
    {
        var sitemap = XDocument.Load(Path.Combine(site, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.True(urls.Count > 100, $"the sitemap lists only {urls.Count} pages");
        foreach (var path in urls.Append(basePath + "404.html").Append(basePath + "en/404.html"))
        {
            Assert.StartsWith(basePath, path);
            var file = Path.Combine(site, path[basePath.Length..] + (path.EndsWith('/') ? "index.html" : ""));
            Assert.True(File.Exists(file), $"{path} is in the sitemap but {file} is missing");
        }
        foreach (var home in new[] { "index.html", "en/index.html" })
            foreach (Match asset in Regex.Matches(File.ReadAllText(Path.Combine(site, home)), $"(?:href|src)=\"{Regex.Escape(basePath)}(assets/[^\"]+)\""))
                Assert.True(File.Exists(Path.Combine(site, asset.Groups[1].Value)), $"{home} loads {basePath}{asset.Groups[1].Value}, which is missing");
        Assert.True(File.Exists(Path.Combine(site, "pagefind", "pagefind-entry.json")), "the search index is missing");
    }

    /// <summary>A new clone of the server's repository, at the published branch, ready to commit.</summary>
    public string Clone(string name)
    {
        var clone = Path.Combine(Folder, "clones", name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Git(Folder, "clone", "--quiet", "--branch", Branch, Repository, clone);
        return clone;
    }

    /// <summary>Commits everything changed in a clone; returns the commit.</summary>
    public static string Commit(string clone, string message)
    {
        Git(clone, "add", "--all");
        Git(clone, "-c", "user.name=测试员", "-c", "user.email=staff@example.gov.cn", "commit", "--quiet", "-m", message);
        return Git(clone, "rev-parse", "HEAD").Trim();
    }

    /// <summary>Replaces the first line of a file that starts with <paramref name="start"/>.</summary>
    public static void EditLine(string clone, string file, string start, string line)
    {
        var path = Path.Combine(clone, file);
        var text = File.ReadAllText(path);
        var edited = Regex.Replace(text, "^" + Regex.Escape(start) + ".*$", line.Replace("$", "$$"), RegexOptions.Multiline);
        if (edited == text) throw new InvalidOperationException($"no line of {file} starts with '{start}'");
        File.WriteAllText(path, edited);
    }

    public static string Marker() => Guid.NewGuid().ToString("N")[..10];

    public CommandResult Push(string clone, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var push = StartPush(clone, environment);
        return push.Wait(PushTimeout);
    }

    public static Command StartPush(string clone, IReadOnlyDictionary<string, string>? environment = null) =>
        Command.Start("git", clone, environment, "push", "origin", Branch);

    /// <summary>Pushes the way staff do, over SSH with their own key: git push &lt;server&gt; &lt;refspec&gt;.</summary>
    public Command StartPushOverSsh(Staff person, string clone, string refspec) =>
        Command.Start("git", clone, SshEnvironment(person), "push", _ssh.Url(Repository), refspec);

    public CommandResult PushOverSsh(Staff person, string clone, string refspec)
    {
        using var push = StartPushOverSsh(person, clone, refspec);
        return push.Wait(PushTimeout);
    }

    /// <summary>What git needs to reach the server as <paramref name="person"/>: their key, over the real sshd.</summary>
    public IReadOnlyDictionary<string, string> SshEnvironment(Staff person) =>
        new Dictionary<string, string> { ["GIT_SSH_COMMAND"] = SshServer.SshCommand(person.Key) };

    /// <summary>The repository's address over SSH.</summary>
    public string SshUrl => _ssh.Url(Repository);

    public int SshPort => _ssh.Port;

    /// <summary>Holds deploy.lock, as a push or rollback in progress does, until disposed.</summary>
    public Command HoldLock()
    {
        var holder = Command.Start("flock", Root, null, Path.Combine(Root, "deploy.lock"), "cat");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (LockIsFree)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("flock did not take deploy.lock:\n" + holder.Output);
            Thread.Sleep(50);
        }
        return holder;
    }

    public bool LockIsFree => Command.Run("flock", Root, "--nonblock", Path.Combine(Root, "deploy.lock"), "true").ExitCode == 0;

    /// <summary>Waits for the lock a killed push held to be let go (its holder notices within a moment).</summary>
    public void AssertLockIsReleased()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!LockIsFree)
        {
            Assert.True(DateTime.UtcNow < deadline, "deploy.lock is still held");
            Thread.Sleep(100);
        }
    }

    public static string Git(string directory, params string[] args)
    {
        var result = Command.Run("git", directory, args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {directory}:\n{result.Output}");
        return result.Output;
    }

    /// <summary>The repository's files as they are in the working tree (the ones git tracks or would add).</summary>
    private static void CopyRepositoryFiles(string to)
    {
        var listing = Command.Run("git", Repo.Root, "ls-files", "--cached", "--others", "--exclude-standard");
        if (listing.ExitCode != 0) throw new InvalidOperationException("the deploy tests need the repository as a git working tree:\n" + listing.Output);
        foreach (var relative in listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(Repo.Root, relative);
            if (!File.Exists(from)) continue; // deleted in the working tree
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(from, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(from));
        }
    }

    private Staff Register(string name, string role, string display)
    {
        var key = Path.Combine(Folder, "keys", name);
        Directory.CreateDirectory(Path.GetDirectoryName(key)!);
        SshServer.Keygen(key);
        var added = Command.Run(Path.Combine(Root, "bin", "people"), Folder, Root, "add", name, role, display, key + ".pub");
        if (added.ExitCode != 0) throw new InvalidOperationException("bin/people add failed:\n" + added.Output);
        return new Staff(name, role, display, key);
    }

    /// <summary>
    /// Puts the generator the tests were built with where bin/generator installs the seed commit's: it was
    /// compiled from the very source the seed holds (a plain build, where bin/generator publishes it precompiled:
    /// the same code), and compiling it again would cost minutes.
    /// </summary>
    private void SeedGenerator(string seed)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var built = Path.Combine(Repo.Root, "src", "QualityMonth", "bin", testOutput.Parent!.Name, testOutput.Name);
        if (!File.Exists(Path.Combine(built, "qualitymonth.dll")))
            throw new InvalidOperationException($"the generator is not built in {built}");
        var key = Command.Run(Path.Combine(Repo.Root, "deploy", "generator-key"), seed, "HEAD");
        if (key.ExitCode != 0) throw new InvalidOperationException("deploy/generator-key failed:\n" + key.Output);
        TempSite.CopyDirectory(built, Path.Combine(Root, "generators", key.Output.Trim(), "bin"));
    }

    public void Dispose()
    {
        _ssh.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The deploy tests share one server and run one after the other (they push to the same branch).</summary>
[CollectionDefinition(Name)]
[LongRunning(14)]
public sealed class DeployCollection : ICollectionFixture<DeployServer>
{
    public const string Name = "Deploy";
}
