using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Deploy;

/// <summary>
/// A deploy root made by the real deploy/install.sh in a temp folder, with this repository's files pushed
/// to it once: the server the deploy tests push to, clone from and roll back. The generator of that first
/// commit is the one the tests were built with (same source, so same key in generators/); a push that
/// changes src/ or theme/ compiles its own.
/// </summary>
[SupportedOSPlatform("linux")] // flock, /proc and symbolic links: deploy/ runs on the Debian server
public sealed class DeployServer : IDisposable
{
    public const string Branch = "main";
    public const int Keep = 3;
    public const string SshPusher = "zhang-san";

    public static readonly TimeSpan PushTimeout = TimeSpan.FromMinutes(10);

    public DeployServer()
    {
        Folder = Path.Combine(Path.GetTempPath(), "qm-deploy-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        Install = Command.Run("bash", Folder, InstallScript, Root, "--keep", Keep.ToString());
        if (Install.ExitCode != 0) throw new InvalidOperationException("deploy/install.sh failed:\n" + Install.Output);

        var seed = Path.Combine(Folder, "seed");
        CopyRepositoryFiles(seed);
        Git(seed, "init", "--quiet", "--initial-branch", Branch);
        Git(seed, "add", "--all");
        SeedCommit = Commit(seed, "The site as the tests were built");
        SeedGenerator(seed);
        Git(seed, "remote", "add", "origin", Repository);
        FirstPush = Push(seed);
        if (FirstPush.ExitCode != 0) throw new InvalidOperationException("the first push was not published:\n" + FirstPush.Output);
    }

    public string Folder { get; }

    public string Root => Path.Combine(Folder, "root");

    public string Repository => Path.Combine(Root, "site.git");

    public string WebRoot => Path.Combine(Root, "current");

    public string Builds => Path.Combine(Root, "builds");

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
    public static void AssertCompleteSite(string site)
    {
        var sitemap = XDocument.Load(Path.Combine(site, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.True(urls.Count > 100, $"the sitemap lists only {urls.Count} pages");
        foreach (var path in urls.Append("/404.html").Append("/en/404.html"))
        {
            var file = Path.Combine(site, path.TrimStart('/') + (path.EndsWith('/') ? "index.html" : ""));
            Assert.True(File.Exists(file), $"{path} is in the sitemap but {file} is missing");
        }
        foreach (var home in new[] { "index.html", "en/index.html" })
            foreach (Match asset in Regex.Matches(File.ReadAllText(Path.Combine(site, home)), "(?:href|src)=\"/(assets/[^\"]+)\""))
                Assert.True(File.Exists(Path.Combine(site, asset.Groups[1].Value)), $"{home} loads /{asset.Groups[1].Value}, which is missing");
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

    /// <summary>
    /// Pushes the way staff do, over SSH to a key whose forced command is bin/push-as: an "ssh" that runs
    /// the remote command locally through push-as, as sshd would.
    /// </summary>
    public Command StartPushOverSsh(string clone)
    {
        var ssh = Path.Combine(Folder, "ssh-as-" + SshPusher);
        if (!File.Exists(ssh))
        {
            File.WriteAllText(ssh, $"#!/bin/sh\n# <host> <command>, as git runs a 'simple' ssh\nSSH_ORIGINAL_COMMAND=\"$2\" exec '{Root}/bin/push-as' {SshPusher}\n");
            File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Command.Start("git", clone, new Dictionary<string, string> { ["GIT_SSH_COMMAND"] = ssh, ["GIT_SSH_VARIANT"] = "simple" },
            "push", $"ssh://deploy-server{Repository}", Branch);
    }

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

    /// <summary>
    /// Puts the generator the tests were built with into the server's cache under the seed commit's key:
    /// it was compiled from the very source the seed holds, and compiling it again would cost a minute.
    /// </summary>
    private void SeedGenerator(string seed)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var built = Path.Combine(Repo.Root, "src", "QualityMonth", "bin", testOutput.Parent!.Name, testOutput.Name);
        if (!File.Exists(Path.Combine(built, "qualitymonth.dll")))
            throw new InvalidOperationException($"the generator is not built in {built}");
        var key = Command.Run(Path.Combine(Repo.Root, "deploy", "generator-key"), seed, "HEAD");
        if (key.ExitCode != 0) throw new InvalidOperationException("deploy/generator-key failed:\n" + key.Output);
        TempSite.CopyDirectory(built, Path.Combine(Root, "generators", key.Output.Trim()));
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The deploy tests share one server and run one after the other (they push to the same branch).</summary>
[CollectionDefinition(Name)]
public sealed class DeployCollection : ICollectionFixture<DeployServer>
{
    public const string Name = "Deploy";
}
