using QualityMonth.Tests.Deploy;
using QualityMonth.Tests.Support;

namespace QualityMonth.Tests.Refusals;

/// <summary>
/// A copy of the real site as a clone holds it — a Git history, an uncommitted draft, src/ — and every <c>--output</c>
/// the build must not replace: each is refused with exit 2 and its message before anything is read or written, and
/// the site, its history and the draft are byte for byte as they were.
/// </summary>
public sealed class OutputSafetyTests : IClassFixture<OutputSafetyTests.Clone>
{
    private readonly Clone _clone;

    public OutputSafetyTests(Clone clone) => _clone = clone;

    public sealed class Clone : IDisposable
    {
        public Clone()
        {
            Site.Write("src/QualityMonth/Program.cs", "// the generator's sources\n");
            Git("init", "-q");
            Git("add", "-A");
            Git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "the site");
            File.AppendAllText(Site.PathOf(Draft), "\n未提交的草稿：新增的一段。\n");
            Directory.CreateSymbolicLink(Site.PathOf("published"), Site.PathOf("input"));
            Home = Path.Combine(Path.GetTempPath(), "qm-home-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(Home);
            File.WriteAllText(Path.Combine(Home, ".bashrc"), "# someone's settings\n");
        }

        /// <summary>A notice with an uncommitted change.</summary>
        public const string Draft = "input/2024/notices/provincial.md";

        public TempSite Site { get; } = new();

        /// <summary>The home folder the generator is given ($HOME), with a file in it.</summary>
        public string Home { get; }

        private void Git(params string[] args)
        {
            var result = Command.Run("git", Site.Root, args);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        public void Dispose()
        {
            Site.Dispose();
            Directory.Delete(Home, recursive: true);
        }
    }

    public static TheoryData<string, string> UnsafeOutputs => new()
    {
        { ".", "the output folder {output} overlaps the site's sources" },
        { "input", "the output folder {output} overlaps the site's sources" },
        { "input/2024/notices", "the output folder {output} overlaps the site's sources" },
        { "theme", "the output folder {output} overlaps the site's sources" },
        { "theme/assets", "the output folder {output} overlaps the site's sources" },
        { ".git", "the output folder {output} overlaps the site's sources" },
        { "src", "the output folder {output} overlaps the site's sources" },
        { "..", "the output folder {output} overlaps the site's sources" },
        { "published", "the output folder {output} overlaps the site's sources" }, // a link to input/: the resolved path counts
        { "/", "the output folder {output} is a file-system root or the home folder" },
        { "$HOME", "the output folder {output} is a file-system root or the home folder" },
        { "foreign", "the output folder {output} is not empty and was not made by this generator" },
        { "statiq.json", "the output {output} is a file, not a folder" },
    };

    [Theory]
    [MemberData(nameof(UnsafeOutputs))]
    public void An_output_the_build_must_not_replace_is_refused_and_nothing_is_touched(string output, string expected)
    {
        var site = _clone.Site;
        if (output == "foreign") site.Write("foreign/notes.txt", "not the generator's\n");
        var target = output == "$HOME" ? _clone.Home : Path.GetFullPath(Path.Combine(site.Root, output));
        var siteBefore = FolderSnapshot.Of(site.Root);
        var homeBefore = FolderSnapshot.Of(_clone.Home);

        var result = Generator.Run(new Dictionary<string, string> { ["HOME"] = _clone.Home }, "build", "--root", site.Root, "--output", target);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage error: " + expected.Replace("{output}", target, StringComparison.Ordinal), result.Stderr);
        Assert.EndsWith("[unsafe-output]", result.Stderr.Trim());
        Assert.DoesNotContain("internal error", result.All);
        Assert.DoesNotContain("   at ", result.All);
        Assert.Equal(siteBefore, FolderSnapshot.Of(site.Root));
        Assert.Equal(homeBefore, FolderSnapshot.Of(_clone.Home));
        Assert.Contains("未提交的草稿", File.ReadAllText(site.PathOf(Clone.Draft)));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(target.TrimEnd('/')) ?? "/", ".*.new-*"));
    }

    [Fact]
    public void A_new_or_marked_output_folder_is_built_and_replaced_and_the_sources_are_untouched()
    {
        var site = _clone.Site;
        var output = site.PathOf("public");
        // The build keeps the site its swap retires as .public.spare (docs/check.md).
        bool IsSource(string path) => !path.StartsWith("public", StringComparison.Ordinal) && !path.StartsWith(".cache", StringComparison.Ordinal)
            && !path.StartsWith(".public.spare", StringComparison.Ordinal);
        var sources = FolderSnapshot.Of(site.Root, IsSource);

        var first = Generator.Run("build", "--root", site.Root, "--output", output);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.True(File.Exists(Path.Combine(output, ".qualitymonth-output")), "the output folder is not marked as the generator's");
        File.WriteAllText(Path.Combine(output, "left-by-hand.txt"), "x");

        var second = Generator.Run("build", "--root", site.Root, "--output", output);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.False(File.Exists(Path.Combine(output, "left-by-hand.txt")), "the marked folder was not replaced");
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        Assert.Equal(sources, FolderSnapshot.Of(site.Root, IsSource));
        Assert.Equal([".public.spare"], Directory.GetDirectories(site.Root, ".public.*").Select(Path.GetFileName));
    }

    [Fact]
    public void The_staging_folders_of_the_default_output_are_ignored_by_git()
    {
        foreach (var name in new[] { ".output.new-12345", ".output.old-12345", ".output.spare" })
            Assert.True(Command.Run("git", Repo.Root, "check-ignore", "-q", name).ExitCode == 0, $"{name} is not in .gitignore");
    }
}
